import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText, renderRecordPdf, type RecordDocument, type RecordItem, type RecordLabels } from './pdf.server';

const labels: RecordLabels = {
  agenda: 'Esityslista',
  minutes: 'Pöytäkirja',
  attendance: 'Läsnäolijat',
  present: 'Läsnä',
  absent: 'Poissa',
  decision: 'Päätös',
  proposal: 'Päätösehdotus',
  presenter: 'Esittelijä',
  checkers: 'Pöytäkirjantarkastajat',
  confirmedAt: 'vahvistettu',
  page: 'Sivu {{page}} / {{pages}}',
  withheld: 'Salassa pidettävä',
  version: 'Versio',
  correctionNote: 'Korjaus',
  votes: 'Äänestys',
  recusals: 'Esteelliset',
};

const longBody = 'Hyvinvointialueen järjestöavustusten hakuaika päättyy, ja neuvottelukunta käsittelee lausunnon. '.repeat(18);

function minutes(): RecordDocument {
  return {
    kind: 'minutes',
    language: 'fi',
    councilName: 'Järjestöneuvottelukunta',
    meetingTitle: 'Kokous 3/2025',
    meetingTime: 'ti 14.1.2025 klo 13.00–15.00',
    place: 'Aluetalo, neuvotteluhuone Åbo',
    labels,
    version: '2',
    versionNote: 'Korjattu § 3 päätöksen kirjoitusvirhe.',
    attendance: [
      { name: 'Matti Meikäläinen', role: 'puheenjohtaja' },
      { name: 'Åsa Öberg', role: 'jäsen', note: 'poistui § 5 aikana' },
      { name: 'Pekka Poissaolija', role: 'varajäsen', absent: true },
    ],
    checkers: [{ name: 'Liisa Tarkastaja', confirmedAt: '16.1.2025 klo 9.12' }, { name: 'Ville Vahvistaja' }],
    items: [
      ...Array.from({ length: 8 }, (_, i): RecordItem => ({
        number: `§ ${i + 1}`,
        title: `Asia numero ${i + 1}`,
        body: `${longBody}\n\nToinen kappale asiasta ${i + 1}.`,
        presenter: 'Matti Meikäläinen',
        proposal: `Ehdotus ${i + 1}: neuvottelukunta merkitsee asian tiedoksi.`,
        decision: `Päätös ${i + 1}: hyväksyttiin yksimielisesti.`,
        ...(i === 2 ? { votes: 'Jaa 7 – ei 2 – tyhjää 1', recusals: ['Åsa Öberg'] } : {}),
      })),
      {
        number: '§ 9',
        title: 'Henkilöstöasia',
        body: 'SALAINEN TAUSTA: asiakkaan terveystiedot',
        decision: 'SALAINEN PÄÄTÖS',
        presenter: 'SALAINEN ESITTELIJÄ',
        withheldReason: 'JulkL 24 § 1 mom. 25 k',
      },
    ],
  };
}

async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of the buffer it is given, so hand it a copy.
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}

describe('renderRecordPdf', () => {
  let bytes: Uint8Array;
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    bytes = await renderRecordPdf(minutes());
    pages = await pagesOf(bytes);
    all = pages.join('\n');
  });

  it('produces a multi-page A4 PDF', async () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.7');
    expect(pages.length).toBeGreaterThan(2);
    const pdf = await getDocumentProxy(bytes.slice());
    const page = await pdf.getPage(1);
    const [, , width, height] = page.view;
    expect(Math.round(width ?? 0)).toBe(595);
    expect(Math.round(height ?? 0)).toBe(842);
  });

  it('prints the header, Finnish letters and the correction note', () => {
    expect(pages[0]).toContain('Järjestöneuvottelukunta');
    expect(pages[0]).toContain('Pöytäkirja');
    expect(pages[0]).toContain('ti 14.1.2025 klo 13.00–15.00');
    expect(pages[0]).toContain('Aluetalo, neuvotteluhuone Åbo');
    expect(pages[0]).toContain('Korjaus (Versio 2)');
    expect(pages[0]).toContain('Korjattu § 3 päätöksen kirjoitusvirhe.');
  });

  it('prints every decision, proposal, the votes and recusals', () => {
    for (let i = 1; i <= 8; i++) {
      expect(all).toContain(`Päätös ${i}: hyväksyttiin yksimielisesti.`);
      expect(all).toContain(`Ehdotus ${i}: neuvottelukunta merkitsee asian tiedoksi.`);
      expect(all).toContain(`§ ${i}`);
    }
    expect(all).toContain('Jaa 7 – ei 2 – tyhjää 1');
    expect(all).toContain('Esteelliset: Åsa Öberg');
  });

  it('prints attendance under present and absent, and the checkers', () => {
    expect(all).toContain('Matti Meikäläinen, puheenjohtaja');
    expect(all).toContain('Åsa Öberg, jäsen, poistui § 5 aikana');
    const absentAt = all.indexOf('Poissa\n');
    expect(absentAt).toBeGreaterThan(all.indexOf('Läsnä\n'));
    expect(all.indexOf('Pekka Poissaolija, varajäsen')).toBeGreaterThan(absentAt);
    expect(all).toContain('Pöytäkirjantarkastajat');
    expect(all).toContain('Liisa Tarkastaja, vahvistettu 16.1.2025 klo 9.12');
    expect(all).toContain('Ville Vahvistaja');
  });

  it('numbers every page with the translated label', () => {
    pages.forEach((text, i) => {
      expect(text).toContain(`Sivu ${i + 1} / ${pages.length}`);
      expect(text).toContain('Järjestöneuvottelukunta · Pöytäkirja · Versio 2');
    });
  });

  it('prints a withheld item only by number, title and reason', () => {
    expect(all).toContain('§ 9 Henkilöstöasia');
    expect(all).toContain('Salassa pidettävä');
    expect(all).toContain('JulkL 24 § 1 mom. 25 k');
    expect(all).not.toContain('Salassapitoperuste');
    expect(all).not.toContain('SALAINEN');
  });

  it('is a tagged PDF in the document language', async () => {
    const pdf = await getDocumentProxy(bytes.slice());
    const meta = await pdf.getMetadata();
    expect(meta.info).toMatchObject({ Language: 'fi-FI', Title: 'Pöytäkirja – Kokous 3/2025' });
    const tree = JSON.stringify(await (await pdf.getPage(1)).getStructTree());
    expect(tree).toContain('"role":"H1"');
    expect(tree).toContain('"role":"H2"');
  });

  it('renders an agenda in Swedish without minutes-only parts', async () => {
    const agendaPages = await pagesOf(
      await renderRecordPdf({
        kind: 'agenda',
        language: 'sv',
        councilName: 'Organisationsdelegationen',
        meetingTitle: 'Möte 1/2025',
        meetingTime: 'ti 14.1.2025 kl. 13.00',
        place: 'Regionhuset',
        labels: { ...labels, agenda: 'Föredragningslista', page: 'Sida {{page}} av {{pages}}' },
        items: [{ number: '§ 1', title: 'Mötets öppnande', proposal: 'Ordföranden öppnar mötet.' }],
      }),
    );
    expect(agendaPages).toHaveLength(1);
    expect(agendaPages[0]).toContain('Föredragningslista');
    expect(agendaPages[0]).toContain('Ordföranden öppnar mötet.');
    expect(agendaPages[0]).toContain('Sida 1 av 1');
    expect(agendaPages[0]).not.toContain('Läsnäolijat');
    expect(agendaPages[0]).not.toContain('Pöytäkirjantarkastajat');
  });
});

describe('Unicode text and document structure', () => {
  const sami = (): RecordDocument => ({
    ...minutes(),
    meetingTitle: 'Čoahkkin 1/2027',
    attendance: [{ name: 'Áŋŋel Čuđit', role: 'jäsen' }, { name: 'Ŧiina Đuolbba', role: 'varajäsen', absent: true }],
    items: [{ number: '§ 1', title: 'Sámegiela ášši', body: 'Ovddasvástádus: č đ ŋ ŧ š ž Č Đ Ŋ Ŧ', decision: 'Dohkkehuvvui.' }],
    date: new Date('2027-02-01T10:00:00Z'),
  });

  it('prints Sámi letters unchanged with an embedded Unicode font, not Helvetica', async () => {
    const bytes = await renderRecordPdf(sami());
    const text = (await pagesOf(bytes)).join('\n');
    expect(text).toContain('Áŋŋel Čuđit');
    expect(text).toContain('Ŧiina Đuolbba');
    expect(text).toContain('č đ ŋ ŧ š ž Č Đ Ŋ Ŧ');
    expect(text).toContain('Čoahkkin 1/2027');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).not.toContain('Helvetica');
    expect(raw).not.toContain('WinAnsiEncoding');
  });

  it('is tagged: marked, language, title shown, a structure tree with H1, H2 and paragraphs in reading order', async () => {
    const bytes = await renderRecordPdf({ ...minutes(), labels: { ...labels, items: 'Asiat ja päätökset' } });
    const raw = Buffer.from(bytes).toString('latin1');
    // The catalog and the objects it points to (pdfkit writes them uncompressed).
    const object = (ref: string) => new RegExp(`\\n${ref} obj\\n([\\s\\S]*?)\\nendobj`).exec(raw)?.[1] ?? '';
    const catalog = /<<\n\/Type \/Catalog\n[\s\S]*?\n>>/.exec(raw)?.[0] ?? '';
    const ref = (key: string) => new RegExp(`/${key} (\\d+ 0) R`).exec(catalog)?.[1] ?? 'none';
    expect(catalog).toContain('/Lang (fi-FI)');
    expect(object(ref('MarkInfo'))).toContain('/Marked true');
    expect(object(ref('StructTreeRoot'))).toContain('/Type /StructTreeRoot');
    expect(object(ref('ViewerPreferences'))).toContain('/DisplayDocTitle true');
    const pdf = await getDocumentProxy(bytes.slice());
    const meta = await pdf.getMetadata();
    expect((meta.info as { Title?: string }).Title).toBe('Pöytäkirja – Kokous 3/2025');
    type Node = { role?: string; children?: Node[] };
    const roles: string[] = [];
    const walk = (n: Node) => {
      if (n.role) roles.push(n.role);
      for (const c of n.children ?? []) walk(c);
    };
    walk((await (await pdf.getPage(1)).getStructTree()) as Node);
    expect(roles).toContain('H1');
    expect(roles).toContain('H2');
    expect(roles).toContain('H3');
    expect(roles).toContain('P');
    // Reading order: the title before attendance before the items heading.
    expect(roles.indexOf('H1')).toBeLessThan(roles.indexOf('H2'));
    const text = (await pagesOf(bytes)).join('\n');
    expect(text.indexOf('Läsnäolijat')).toBeLessThan(text.indexOf('Asiat ja päätökset'));
    expect(text.indexOf('Asiat ja päätökset')).toBeLessThan(text.indexOf('§ 1'));
  });

  it('renders the same record with the same date to identical bytes', async () => {
    const a = await renderRecordPdf(sami());
    await new Promise((r) => setTimeout(r, 20));
    const b = await renderRecordPdf(sami());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await renderRecordPdf({ ...sami(), date: new Date('2027-02-02T10:00:00Z') });
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });
});

describe('pdfText', () => {
  it('keeps every letter and drops what has nothing to draw', () => {
    expect(pdfText('Čáhppes Đuođđa Ŋuolla ŧ 漢')).toBe('Čáhppes Đuođđa Ŋuolla ŧ 漢');
    expect(pdfText('a\tb\u200bc\u202ed')).toBe('a bcd');
  });
});
