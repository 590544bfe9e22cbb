import i18next from 'i18next';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiWallClock } from '../../app/lib/dates';
import { i18nConfig } from '../../app/lib/i18n';
import { resources } from '../../app/lib/i18n-resources';
import { createReportDraft, approveReport, publishReport } from '../../app/models/reports.server';
import * as managePlans from '../../app/routes/manage.councils.$slug.plans._index';
import * as managePlan from '../../app/routes/manage.councils.$slug.plans.$year';
import * as manageReport from '../../app/routes/manage.councils.$slug.reports.$year';
import * as manageStatements from '../../app/routes/manage.councils.$slug.statements';
import * as manageCycle from '../../app/routes/manage.councils.$slug.cycle';
import * as publicPlan from '../../app/routes/councils.$slug.plans.$year';
import * as publicReport from '../../app/routes/councils.$slug.reports.$year';
import * as publicStatements from '../../app/routes/councils.$slug.statements';
import * as publicCycle from '../../app/routes/councils.$slug.cycle';
import { buildCouncilWithRoster } from '../factories';
import { buildHeldMeeting, buildMilestone, buildPlan, buildStatement } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { buildUser, makeRequest } from '../support/requests';

useTestDatabase();

interface RouteModule {
  loader: (args: never) => unknown;
  action?: (args: never) => unknown;
  default: ComponentType;
}

/** Runs a route's loader (and action for POSTs) through a real data router and renders the page to HTML. */
async function renderPage(mod: RouteModule, pattern: string, request: Request) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: 'fi', resources });
  const handler = createStaticHandler([
    { id: 'page', path: pattern, loader: mod.loader as never, action: mod.action as never, Component: mod.default },
  ]);
  const context = await handler.query(request);
  if (context instanceof Response) return { status: context.status, html: '' };
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context, hydrate: false })));
  return { status: context.statusCode, html };
}

let s: Awaited<ReturnType<typeof buildCouncilWithRoster>>;
let cookie: string;
beforeAll(async () => {
  s = await buildCouncilWithRoster();
  cookie = (await buildUser({ grants: [{ role: 'secretary', councilId: s.council.id }] })).cookie;
  const meeting = await buildHeldMeeting({
    councilId: s.council.id,
    startsAt: helsinkiWallClock('2025-03-10', '14:00'),
    items: [{ title: 'Toimintasuunnitelma 2025' }],
    attendance: [{ personId: s.memberPerson.id, membershipId: s.member.id, role: 'member', present: true }],
  });
  const { actions } = await buildPlan(s.council.id, 2025, [{ title: 'Vaikuttaminen', actions: [{ title: 'Lausunto strategiasta', status: 'done', ownerMembershipId: s.member.id }] }], {
    status: 'published',
    approvedAt: new Date('2025-03-10T12:00:00Z'),
    publishedAt: new Date('2025-03-17T12:00:00Z'),
  });
  expect(actions).toHaveLength(1);
  await buildStatement(s.council.id, { status: 'answered', issuedOn: '2025-03-12', title: 'Lausunto strategiasta', response: 'Kiitos.', responseDate: '2025-04-01', approvedItemId: meeting.items[0]!.id, publishedAt: new Date() });
  await buildMilestone({ councilId: s.council.id, titleFi: 'Toiminta-avustusten haku', startMonth: 12, startDay: 1, endMonth: 12, endDay: 31, remindDaysBefore: 14 });
  const scope = { councilId: s.council.id, regionId: s.council.regionId, actor: { userId: null, label: 'test', ip: null } };
  await createReportDraft({ ...scope, year: 2025 });
  await approveReport({ ...scope, year: 2025, lockVersion: 1, itemId: null, confirmYearNotEnded: false });
  await publishReport({ ...scope, year: 2025, lockVersion: 2 });
});

describe('secretariat pages render', () => {
  it('plans list, plan editor, report, statements and cycle', async () => {
    const slug = s.council.slug;
    const pages: Array<[RouteModule, string, string, string[]]> = [
      [managePlans, '/manage/councils/:slug/plans', `/manage/councils/${slug}/plans`, ['Uusi toimintasuunnitelma', 'Toimintakertomus 2025']],
      [managePlan, '/manage/councils/:slug/plans/:year', `/manage/councils/${slug}/plans/2025`, ['Edistyminen', 'Lausunto strategiasta', 'Lisää toimenpide', 'Liitä asiaan']],
      [manageReport, '/manage/councils/:slug/reports/:year', `/manage/councils/${slug}/reports/2025`, ['Tämä toimintakertomus on hyväksytty ja lukittu.', 'Läsnäolo henkilöittäin']],
      [manageReport, '/manage/councils/:slug/reports/:year', `/manage/councils/${slug}/reports/2024`, ['Luo luonnos vuodelle 2024']],
      [manageStatements, '/manage/councils/:slug/statements', `/manage/councils/${slug}/statements`, ['Lausunto strategiasta', 'Hyvinvointialueen vastaus']],
      [manageCycle, '/manage/councils/:slug/cycle', `/manage/councils/${slug}/cycle?year=2026`, ['Vuosikello 2026', 'Toiminta-avustusten haku', '14 päivää ennen']],
    ];
    for (const [mod, pattern, path, expected] of pages) {
      const { status, html } = await renderPage(mod as RouteModule, pattern, makeRequest(path, { cookie }));
      expect(status, path).toBe(200);
      for (const text of expected) expect(html, `${path}: ${text}`).toContain(text);
      expect(html).not.toContain('plans.');
    }
  });

  it('shows a refusal next to the form: approving a report of an unfinished year', async () => {
    const slug = s.council.slug;
    const scope = { councilId: s.council.id, regionId: s.council.regionId, actor: { userId: null, label: 'test', ip: null } };
    await createReportDraft({ ...scope, year: 2026 });
    const request = makeRequest(`/manage/councils/${slug}/reports/2026`, { cookie, form: { intent: 'approve', lockVersion: '1' } });
    const { status, html } = await renderPage(manageReport as RouteModule, '/manage/councils/:slug/reports/:year', request);
    expect(status).toBe(400);
    expect(html).toContain('Vuosi 2026 ei ole vielä päättynyt. Hyväksyminen ennen vuoden loppua vaatii vahvistuksen.');
    // The alert wraps the list, so the list keeps its role (axe listitem; see ErrorList in app/components/form.tsx).
    expect(html).toMatch(/role="alert"><ul class="field-errors">/);
  });
});

describe('public pages render without contact details', () => {
  it('plan, report, statements and cycle', async () => {
    const slug = s.council.slug;
    const pages: Array<[RouteModule, string, string, string[]]> = [
      [publicPlan, '/councils/:slug/plans/:year', `/councils/${slug}/plans/2025`, ['Toimintasuunnitelma 2025', 'Lausunto strategiasta', 'Tehty']],
      [publicReport, '/councils/:slug/reports/:year', `/councils/${slug}/reports/2025`, ['Toimintakertomus 2025', 'Kokouksia pidettiin 1.', `/councils/${slug}/reports/2025.pdf`]],
      [publicStatements, '/councils/:slug/statements', `/councils/${slug}/statements`, ['Lausunto strategiasta', 'Kiitos.']],
      [publicCycle, '/councils/:slug/cycle', `/councils/${slug}/cycle?year=2025`, ['Vuosikello 2025', 'Toiminta-avustusten haku', 'Kokous']],
    ];
    for (const [mod, pattern, path, expected] of pages) {
      const { status, html } = await renderPage(mod as RouteModule, pattern, makeRequest(path));
      expect(status, path).toBe(200);
      for (const text of expected) expect(html, `${path}: ${text}`).toContain(text);
      expect(html).not.toContain(s.memberPerson.email!);
      expect(html).not.toContain(s.memberPerson.phone!);
      expect(html).not.toContain('plans.');
    }
  });
});
