import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { ReportFiguresView } from '../../app/components/plans-report-view';
import { i18nConfig } from '../../app/lib/i18n';
import { resources } from '../../app/lib/i18n-resources';
import { renderReportPdf, reportPdfSections } from '../../app/lib/report-pdf.server';
import { generateReport, type ReportFigures } from '../../app/models/reports.server';
import { buildCouncil } from '../factories';
import { buildStatement } from '../factories/plans';
import { useTestDatabase } from '../setup/database';

useTestDatabase();

async function councilWithInfluence() {
  const council = await buildCouncil({ nameFi: 'Vaikuttamistoimielin' });
  const sent = { status: 'sent' as const, issuedOn: '2025-03-01' };
  await buildStatement(council.id, { ...sent, type: 'statement', outcome: 'taken_into_account' });
  await buildStatement(council.id, { ...sent, type: 'statement', outcome: 'taken_into_account' });
  await buildStatement(council.id, { ...sent, type: 'statement', outcome: 'partly' });
  await buildStatement(council.id, { ...sent, type: 'statement', outcome: 'pending' });
  await buildStatement(council.id, { ...sent, type: 'initiative', outcome: 'not_taken_into_account' });
  await buildStatement(council.id, { ...sent, type: 'initiative', outcome: 'partly' });
  // Not counted: another year, and a draft.
  await buildStatement(council.id, { status: 'sent', issuedOn: '2024-12-31', type: 'statement', outcome: 'taken_into_account' });
  await buildStatement(council.id, { status: 'draft', issuedOn: '2025-05-01', type: 'initiative', outcome: 'taken_into_account' });
  return council;
}

async function i18n(lng: 'fi' | 'en') {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng, resources });
  return instance;
}

/** The influence table's rows as [header, ...cells] text. */
function influenceTable(html: string): string[][] {
  const table = /<table aria-describedby="report-influence">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<!-- -->/g, '').trim()),
  );
}

describe('influence counts in the annual report', () => {
  it("counts the year's statements and initiatives by outcome (drafts and other years left out)", async () => {
    const council = await councilWithInfluence();
    const figures = await generateReport(council.id, 2025);
    expect(figures.statements.total).toBe(6);
    expect(figures.statements.influence).toEqual({
      statement: { pending: 1, taken_into_account: 2, partly: 1, not_taken_into_account: 0 },
      position: { pending: 0, taken_into_account: 0, partly: 0, not_taken_into_account: 0 },
      initiative: { pending: 0, taken_into_account: 0, partly: 1, not_taken_into_account: 1 },
    });
    expect(figures.statements.list.map((s) => s.outcome).sort()).toEqual(
      ['not_taken_into_account', 'partly', 'partly', 'pending', 'taken_into_account', 'taken_into_account'].sort(),
    );
  });

  it('shows them in the report page as a table by type, with a total row', async () => {
    const council = await councilWithInfluence();
    const figures = await generateReport(council.id, 2025);
    const instance = await i18n('en');
    const html = renderToString(createElement(I18nextProvider, { i18n: instance }, createElement(ReportFiguresView, { figures, locale: 'en' })));
    expect(html).toContain('<h3 id="report-influence">Influence</h3>');
    // Columns: taken into account, partly, not taken into account, pending, total.
    expect(influenceTable(html)).toEqual([
      ['Statement', '2', '1', '0', '1', '4'],
      ['Initiative', '0', '1', '1', '0', '2'],
      ['Total', '2', '2', '1', '1', '6'],
    ]);
  });

  it('leaves the table out for figures generated before the counts existed (frozen reports)', async () => {
    const council = await councilWithInfluence();
    const figures = await generateReport(council.id, 2025);
    const old: ReportFigures = { ...figures, statements: { ...figures.statements, influence: undefined } };
    const html = renderToString(createElement(I18nextProvider, { i18n: await i18n('fi') }, createElement(ReportFiguresView, { figures: old, locale: 'fi' })));
    expect(html).not.toContain('report-influence');
    expect(html).toContain('Lausunnot, kannanotot ja aloitteet');
  });

  it('prints them in the PDF', async () => {
    const council = await councilWithInfluence();
    const figures = await generateReport(council.id, 2025);
    const instance = await i18n('fi');
    const bytes = await renderReportPdf({
      language: 'fi',
      councilName: council.nameFi,
      title: 'Toimintakertomus 2025',
      body: 'Teksti.',
      sections: reportPdfSections(figures, instance.t.bind(instance), 'fi'),
    });
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    const all = String(text).replace(/\s+/g, ' ');
    expect(all).toContain('Vaikuttavuus');
    expect(all).toContain('Lausuntojen, kannanottojen ja aloitteiden vaikutus lajeittain');
    expect(all).toContain('Otettiin osin huomioon');
    expect(all).toMatch(/Lausunto 2 1 0 1 4/);
    expect(all).toMatch(/Aloite 0 1 1 0 2/);
    expect(all).toMatch(/Yhteensä 2 2 1 1 6/);
  });
});
