import i18next from 'i18next';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { helsinkiWallClock } from '../../app/lib/dates';
import { i18nConfig } from '../../app/lib/i18n';
import { resources } from '../../app/lib/i18n-resources';
import { markdownBlocks, renderReportPdf, reportPdfSections } from '../../app/lib/report-pdf.server';
import { generateReport } from '../../app/models/reports.server';
import * as pdfRoute from '../../app/routes/councils.$slug.reports.$year[.pdf]';
import * as manageReport from '../../app/routes/manage.councils.$slug.reports.$year';
import { buildCouncilWithRoster, buildMembership, buildPerson } from '../factories';
import { buildHeldMeeting, buildPlan, buildStatement } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

async function readPdf(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  const first = await pdf.getPage(1);
  return { totalPages, pages: text as string[], size: first.view.slice(2).map(Math.round) };
}

async function busyCouncil() {
  const base = await buildCouncilWithRoster({ nameFi: 'Järjestöjen ja seurakuntien vaikuttamistoimielin' });
  const people = [];
  for (let i = 0; i < 30; i++) {
    const person = await buildPerson({ givenName: `Äänestäjä${i}`, familyName: `Östman${i}` });
    people.push({ person, membership: await buildMembership(base.term.id, person.id, { startDate: '2020-01-01' }) });
  }
  for (const [n, date] of ['2025-02-12', '2025-04-16', '2025-09-10', '2025-11-05'].entries()) {
    await buildHeldMeeting({
      councilId: base.council.id,
      startsAt: helsinkiWallClock(date, '14:00'),
      title: `Kokous ${n + 1}/2025`,
      items: [{ title: `Lausunto järjestöavustuksista ${n + 1}`, decision: 'Lausunto annettiin muutetussa muodossa.' }],
      attendance: people.map((p, i) => ({ personId: p.person.id, membershipId: p.membership.id, role: 'member' as const, present: (i + n) % 4 !== 0 })),
    });
  }
  await buildStatement(base.council.id, { status: 'answered', issuedOn: '2025-04-20', title: 'Lausunto avustusohjeesta', response: 'Raportointia kevennettiin.', responseDate: '2025-06-15' });
  await buildPlan(base.council.id, 2025, [{ title: 'Vaikuttaminen', actions: [{ title: 'Lausunnot', status: 'done' }, { title: 'Kysely', status: 'dropped' }] }]);
  return base;
}

describe('annual report PDF', () => {
  it('prints an A4 report with every page numbered "page / pages", read back with unpdf', async () => {
    const { council } = await busyCouncil();
    const figures = await generateReport(council.id, 2025);
    const t = i18next.createInstance();
    await t.init({ ...i18nConfig, lng: 'fi', resources });
    const bytes = await renderReportPdf({
      language: 'fi',
      councilName: council.nameFi,
      title: 'Toimintakertomus 2025',
      subtitle: 'Hyväksytty 12.2.2026',
      body: '# Yleistä\n\nVaikuttamistoimielin kokoontui **neljä** kertaa.\n\n- Lausunnot\n- Aloitteet',
      sections: reportPdfSections(figures, t.t.bind(t), 'fi'),
    });
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe('%PDF-1.7');
    const { totalPages, pages, size } = await readPdf(bytes);
    expect(size).toEqual([595, 842]);
    expect(totalPages).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => expect(page).toContain(`${i + 1} / ${totalPages}`));
    const all = pages.join('\n');
    for (const expected of [
      'Järjestöjen ja seurakuntien vaikuttamistoimielin',
      'Toimintakertomus 2025',
      'Kokouksia pidettiin 4.',
      'Läsnäolo henkilöittäin',
      'Äänestäjä7 Östman7',
      'Lausunto avustusohjeesta',
      'Raportointia kevennettiin.',
      'Toimintasuunnitelman toteutuminen',
      'Luovuttu',
      'Vaikuttamistoimielin kokoontui neljä kertaa.',
    ]) {
      expect(all).toContain(expected);
    }
    expect(all).not.toContain('**');
  });

  it('reduces Markdown to printable blocks', () => {
    expect(markdownBlocks('# Otsikko\n\nKappale *korostus* ja [linkki](https://example.org).\n\n1. eka\n2. toka')).toEqual([
      { kind: 'heading', text: 'Otsikko' },
      { kind: 'paragraph', text: 'Kappale korostus ja linkki (https://example.org).' },
      { kind: 'bullet', text: 'eka' },
      { kind: 'bullet', text: 'toka' },
    ]);
  });

  it('serves the PDF of a published report only', async () => {
    const { council } = await busyCouncil();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const params = { slug: council.slug, year: '2025' };
    const post = (form: Record<string, string>) =>
      call(manageReport.action, makeRequest(`/manage/councils/${council.slug}/reports/2025`, { cookie: secretary.cookie, form }), params);
    const get = () => call(pdfRoute.loader, makeRequest(`/councils/${council.slug}/reports/2025.pdf`), params);
    await post({ intent: 'generate' });
    expect((await get()).status).toBe(404);
    await post({ intent: 'approve', lockVersion: '1' });
    expect((await get()).status).toBe(404);
    await post({ intent: 'publish', lockVersion: '2' });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { pages } = await readPdf(new Uint8Array(await res.arrayBuffer()));
    expect(pages.join('\n')).toContain('Toimintakertomus 2025');
  });
});
