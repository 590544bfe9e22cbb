import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRecordPdf, toWinAnsi, type RecordDocument, type RecordItem, type RecordLabels } from './pdf.server';

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

describe('toWinAnsi', () => {
  it('keeps Finnish, Swedish and WinAnsi punctuation', () => {
    const text = 'Äänestys § 12 – ”Åbo” … Šakki žeta €';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('replaces letters Helvetica cannot print with their nearest Latin letter or ?', () => {
    expect(toWinAnsi('Čáhppes Đuođđa Ŋuolla')).toBe('Cáhppes Duodda Nuolla');
    expect(toWinAnsi('漢 🙂')).toBe('? ?');
  });
});
