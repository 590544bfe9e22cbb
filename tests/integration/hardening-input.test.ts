/**
 * The malformed inputs that answered 500 in the probe (issue 17 item 7), each as a row: route,
 * request, acceptable statuses. Every row must answer one of them (400/404/405/413/415 or a
 * handled 200 with a message), never 500.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as auditRoute from '../../app/routes/admin.audit';
import * as apiCouncil from '../../app/routes/api.v1.councils.$slug._index';
import * as apiExport from '../../app/routes/api.v1.export.$slug[.json]';
import * as councilPage from '../../app/routes/councils.$slug._index';
import * as plansPage from '../../app/routes/councils.$slug.plans.$year';
import * as feedbackRoute from '../../app/routes/feedback';
import * as loginRoute from '../../app/routes/login';
import * as editCouncil from '../../app/routes/manage.councils.$slug.edit';
import * as importRoute from '../../app/routes/manage.councils.$slug.import';
import * as meetingsRoute from '../../app/routes/manage.councils.$slug.meetings._index';
import * as statementsRoute from '../../app/routes/manage.councils.$slug.statements';
import * as newTerm from '../../app/routes/manage.councils.$slug.terms.new';
import * as peopleRoute from '../../app/routes/manage.people';
import * as regionPage from '../../app/routes/regions.$slug';
import { getDb } from '../../db/client.server';
import { feedbackMessages } from '../../db/schema';
import { buildCouncilWithRoster } from '../factories';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, ORIGIN } from '../support/requests';

useTestDatabase();

let slug = '';
let admin = '';
beforeAll(async () => {
  const a = await buildCouncilWithRoster({ slug: 'input-council' });
  slug = a.council.slug;
  admin = (await buildUser({ grants: [{ role: 'admin' }] })).cookie;
});

type Fn = (args: never) => unknown;
interface Row {
  name: string;
  fn: Fn;
  path: string;
  params?: () => Record<string, string>;
  method?: string;
  body?: BodyInit;
  contentType?: string;
  asAdmin?: boolean;
  expect: number[];
}

const broken = '--zz\r\nContent-Disposition: form-data; name="email"\r\n\r\nx@example.org';
const form = (o: Record<string, string>) => new URLSearchParams(o);

/** The hostile-input table. */
const ROWS: Row[] = [
  { name: '%00 in /councils/ slug', fn: councilPage.loader as Fn, path: '/councils/a%00b', params: () => ({ slug: 'a\u0000b' }), expect: [404] },
  { name: '%00 in /regions/ slug', fn: regionPage.loader as Fn, path: '/regions/a%00b', params: () => ({ slug: 'a\u0000b' }), expect: [404] },
  { name: '%00 in /api/v1/councils/ slug', fn: apiCouncil.loader as Fn, path: '/api/v1/councils/a%00b', params: () => ({ slug: 'a\u0000b' }), expect: [404] },
  { name: '%00 in /api/v1/export/ slug', fn: apiExport.loader as Fn, path: '/api/v1/export/a%00b.json', params: () => ({ slug: 'a\u0000b' }), expect: [404] },
  { name: 'year 0000 in a plan URL', fn: plansPage.loader as Fn, path: '/councils/input-council/plans/0000', params: () => ({ slug, year: '0000' }), expect: [404, 400] },
  { name: 'year 99999999999999999999 in a plan URL', fn: plansPage.loader as Fn, path: '/councils/input-council/plans/99999999999999999999', params: () => ({ slug, year: '99999999999999999999' }), expect: [404, 400] },
  { name: '/admin/audit?before=1e308', fn: auditRoute.loader as Fn, path: '/admin/audit?before=1e308', asAdmin: true, expect: [200, 400] },
  { name: '/admin/audit?before=0000-01-01', fn: auditRoute.loader as Fn, path: '/admin/audit?before=0000-01-01', asAdmin: true, expect: [200, 400] },
  { name: '/admin/audit?from=0000-01-01&to=275760-09-14', fn: auditRoute.loader as Fn, path: '/admin/audit?from=0000-01-01&to=275760-09-14', asAdmin: true, expect: [200, 400] },
  { name: '/manage/people?q=%00', fn: peopleRoute.loader as Fn, path: '/manage/people?q=%00', asAdmin: true, expect: [200] },
  { name: 'JSON body to /login', fn: loginRoute.action as Fn, path: '/login', method: 'POST', body: '{"email":"a@b.c","password":"x"}', contentType: 'application/json', expect: [415] },
  { name: 'text/plain body to /feedback', fn: feedbackRoute.action as Fn, path: '/feedback', method: 'POST', body: 'message=hi', contentType: 'text/plain', expect: [415] },
  { name: 'malformed multipart to /login', fn: loginRoute.action as Fn, path: '/login', method: 'POST', body: broken, contentType: 'multipart/form-data; boundary=zz', expect: [400] },
  { name: 'malformed multipart to /feedback', fn: feedbackRoute.action as Fn, path: '/feedback', method: 'POST', body: broken, contentType: 'multipart/form-data; boundary=zz', expect: [400] },
  { name: 'multipart without boundary to /feedback', fn: feedbackRoute.action as Fn, path: '/feedback', method: 'POST', body: broken, contentType: 'multipart/form-data', expect: [400] },
  { name: 'malformed multipart to statements', fn: statementsRoute.action as Fn, path: '/manage/councils/input-council/statements', params: () => ({ slug }), method: 'POST', body: broken, contentType: 'multipart/form-data; boundary=zz', asAdmin: true, expect: [400] },
  { name: 'malformed multipart to roster import', fn: importRoute.action as Fn, path: '/manage/councils/input-council/import', params: () => ({ slug }), method: 'POST', body: broken, contentType: 'multipart/form-data; boundary=zz', asAdmin: true, expect: [400] },
  { name: 'lockVersion=99999999999999999999 on council edit', fn: editCouncil.action as Fn, path: '/manage/councils/input-council/edit', params: () => ({ slug }), method: 'POST', body: form({ nameFi: 'Nimi', kind: 'other', origin: 'statutory', publicityDefault: 'public', languages: 'fi', lockVersion: '99999999999999999999' }), asAdmin: true, expect: [400, 409] },
  { name: 'year 0000 in a new meeting', fn: meetingsRoute.action as Fn, path: '/manage/councils/input-council/meetings', params: () => ({ slug }), method: 'POST', body: form({ intent: 'create', title: 'Kokous', date: '0000-01-01', startTime: '13:00', endTime: '15:00' }), asAdmin: true, expect: [400] },
  { name: 'absurd date in a new meeting', fn: meetingsRoute.action as Fn, path: '/manage/councils/input-council/meetings', params: () => ({ slug }), method: 'POST', body: form({ intent: 'create', title: 'Kokous', date: '275760-09-14', startTime: '25:99', endTime: '15:00' }), asAdmin: true, expect: [400] },
  { name: 'year 0000 in a new term', fn: newTerm.action as Fn, path: '/manage/councils/input-council/terms/new', params: () => ({ slug }), method: 'POST', body: form({ name: 'Kausi', startDate: '0000-01-01', endDate: '0000-12-31' }), asAdmin: true, expect: [400] },
  { name: 'NUL bytes in feedback text are stripped', fn: feedbackRoute.action as Fn, path: '/feedback', method: 'POST', body: form({ message: 'Palaute\u0000jossa NUL-tavu ja ohjausmerkki\u0007.' }), expect: [200] },
];

describe('hostile-input table', () => {
  it.each(ROWS.map((r) => [r.name, r]))('%s', async (_name, row) => {
    const headers = new Headers({ 'x-neuvos-client-ip': '10.7.0.1' });
    if (row.asAdmin) headers.set('cookie', admin);
    if (row.method === 'POST') headers.set('origin', ORIGIN);
    if (row.contentType) headers.set('content-type', row.contentType);
    const request = new Request(`${ORIGIN}${row.path}`, { method: row.method ?? 'GET', headers, body: row.body });
    let status: number;
    try {
      status = (await call(row.fn as never, request, row.params?.() ?? {})).status;
    } catch (error) {
      status = 500;
      console.log(`${row.name}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
    }
    expect(row.expect, `${row.name} answered ${status}`).toContain(status);
  });

  it('stores feedback text without the NUL byte and the control character', async () => {
    const rows = await getDb().select({ message: feedbackMessages.message }).from(feedbackMessages).where(eq(feedbackMessages.message, 'Palautejossa NUL-tavu ja ohjausmerkki.'));
    expect(rows).toHaveLength(1);
  });
});
