/**
 * The role × route matrix: every route module in app/routes is classified below, and each
 * class says what each role gets from its loader (GET) and action (POST). A new route that
 * is not classified fails the first test, so nothing ships without an access decision.
 */
import { readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { regions, actionPlans, agendaItems, annualReports, meetingSeries, minutes, minutesVersions } from '../../db/schema';
import { buildCouncilWithRoster, buildMeeting, buildMembership, buildPerson } from '../factories';
import { useTestDatabase } from '../setup/database';
import { generateReport } from '../../app/models/reports.server';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

type Role = 'anonymous' | 'noRole' | 'otherCouncil' | 'member' | 'deputy' | 'secretary' | 'admin';
const ROLES: Role[] = ['anonymous', 'noRole', 'otherCouncil', 'member', 'deputy', 'secretary', 'admin'];

type Access =
  | 'public'
  | 'signedIn'
  | 'councilRead'
  | 'councilManage'
  | 'councilReadManage'
  | 'councilAdmin'
  | 'secretariat'
  | 'adminOnly'
  | 'regionAdmin'
  | 'token'
  | 'missing'
  | 'login'
  | 'postOnly';

/** Expected loader status per role for each class. */
const LOADER: Record<Access, Record<Role, number>> = {
  public: { anonymous: 200, noRole: 200, otherCouncil: 200, member: 200, deputy: 200, secretary: 200, admin: 200 },
  signedIn: { anonymous: 302, noRole: 200, otherCouncil: 200, member: 200, deputy: 200, secretary: 200, admin: 200 },
  councilRead: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 200, deputy: 200, secretary: 200, admin: 200 },
  councilManage: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 403, deputy: 403, secretary: 200, admin: 200 },
  councilReadManage: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 200, deputy: 200, secretary: 200, admin: 200 },
  councilAdmin: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 403, deputy: 403, secretary: 403, admin: 200 },
  secretariat: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 404, deputy: 404, secretary: 200, admin: 200 },
  adminOnly: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 404, deputy: 404, secretary: 404, admin: 200 },
  regionAdmin: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 404, deputy: 404, secretary: 404, admin: 200 },
  missing: { anonymous: 404, noRole: 404, otherCouncil: 404, member: 404, deputy: 404, secretary: 404, admin: 404 },
  token: { anonymous: 404, noRole: 404, otherCouncil: 404, member: 404, deputy: 404, secretary: 404, admin: 404 },
  login: { anonymous: 200, noRole: 302, otherCouncil: 302, member: 302, deputy: 302, secretary: 302, admin: 302 },
  postOnly: { anonymous: 405, noRole: 405, otherCouncil: 405, member: 405, deputy: 405, secretary: 405, admin: 405 },
};

/**
 * Statuses that mean "refused" for an action; allowed roles must get none of these. (A 404
 * can be a fair answer to the probe's made-up data, so it is not counted here.)
 */
const REFUSED = new Set([403, 405]);
const ACTION_REFUSAL: Partial<Record<Access, Partial<Record<Role, number>>>> = {
  signedIn: { anonymous: 302 },
  councilRead: { anonymous: 302, noRole: 404, otherCouncil: 404 },
  councilManage: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 403, deputy: 403 },
  councilReadManage: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 403, deputy: 403 },
  councilAdmin: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 403, deputy: 403, secretary: 403 },
  secretariat: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 404, deputy: 404 },
  adminOnly: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 404, deputy: 404, secretary: 404 },
  regionAdmin: { anonymous: 302, noRole: 404, otherCouncil: 404, member: 404, deputy: 404, secretary: 404 },
};

/** Every route module, by file name (without extension). */
const ACCESS: Record<string, Access> = {
  $: 'public',
  _index: 'public',
  accessibility: 'public',
  'account._index': 'signedIn',
  'account.sessions': 'signedIn',
  'account.notifications': 'signedIn',
  'admin.subscriptions': 'adminOnly',
  'account.two-factor': 'signedIn',
  'admin._index': 'secretariat',
  'admin.audit': 'secretariat',
  'admin.feedback': 'adminOnly',
  'admin.invite': 'secretariat',
  'admin.outbox': 'adminOnly',
  'admin.people.$personId.data': 'adminOnly',
  'admin.people.$personId.data[.json]': 'adminOnly',
  'admin.users._index': 'regionAdmin',
  'admin.users.$userId': 'secretariat',
  'councils.$slug._index': 'public',
  'councils.$slug.subscribe': 'public',
  'councils.$slug.feed[.]xml': 'public',
  'feed[.]xml': 'public',
  feedback: 'public',
  // checking a PDF or fingerprint against the published documents' SHA-256 (tests/integration/documents-verify.test.ts)
  verify: 'public',
  'invite.$token': 'token',
  login: 'login',
  'login_.two-factor': 'login',
  logout: 'postOnly',
  'manage._index': 'signedIn',
  manage: 'signedIn',
  'meetings._index': 'public',
  'people.$personId': 'public',
  'regions.$slug': 'public',
  'regions.$slug.feed[.]xml': 'public',
  'reset-password.$token': 'token',
  'reset-password._index': 'public',
  'robots[.]txt': 'public',
  search: 'public',
  'sitemap[.]xml': 'public',
  'sitemaps.$file': 'public',
  'api.v1.search': 'public',
  // calendar
  'manage.councils.$slug.meetings._index': 'councilManage',
  'manage.councils.$slug.series.$seriesId': 'councilManage',
  'manage.meetings.$meetingId': 'councilManage',
  'my.meetings': 'signedIn',
  'my.calendar': 'signedIn',
  'reply.$token': 'token',
  'subscriptions.confirm.$token': 'token',
  'subscriptions.unsubscribe.$token': 'token',
  'calendar.$token[.ics]': 'token',
  'councils.$slug.calendar[.ics]': 'public',
  'api.v1.councils.$slug.meetings': 'public',
  // councils, terms, rosters
  'manage.councils.new': 'regionAdmin',
  'manage.councils.$slug._index': 'councilRead',
  'manage.councils.$slug.edit': 'councilAdmin',
  'manage.councils.$slug.terms.new': 'councilManage',
  'manage.councils.$slug.terms.$termId': 'councilManage',
  'manage.councils.$slug.roster': 'councilManage',
  'manage.councils.$slug.import': 'councilManage',
  'manage.councils.$slug.export[.csv]': 'councilManage',
  'manage.councils.$slug.export[.json]': 'councilManage',
  'manage.people': 'secretariat',
  'councils.$slug.terms.$termId': 'public',
  'api.v1.councils._index': 'public',
  'api.v1.councils.$slug._index': 'public',
  'api.v1.councils.$slug.memberships': 'public',
  // agendas and minutes
  'manage.meetings.$meetingId_.agenda': 'councilManage',
  'manage.meetings.$meetingId_.minutes': 'councilManage',
  'manage.councils.$slug.agenda-template': 'councilManage',
  'meetings.$meetingId._index': 'public',
  'meetings.$meetingId.members': 'councilRead',
  'meetings.$meetingId.minutes': 'public',
  'meetings.$meetingId.print': 'public',
  'meetings.$meetingId.agenda[.pdf]': 'public',
  'meetings.$meetingId.minutes[.pdf]': 'public',
  'meetings.$meetingId.votes[.csv]': 'public',
  // Extracts from the minutes (issue 14): the matrix's item is public and its minutes published.
  'meetings.$meetingId.items.$itemId.extract': 'public',
  'meetings.$meetingId.items.$itemId.extract[.pdf]': 'public',
  'manage.meetings.$meetingId_.items.$itemId.extract': 'councilManage',
  'manage.meetings.$meetingId_.conflicts': 'councilManage',
  // Matters (issue 14.5): the matrix has no matter, so its public page is 404; the council's list is for readers, linking for the secretariat.
  'councils.$slug.matters.$matterId': 'missing',
  'manage.councils.$slug.matters': 'councilReadManage',
  // A made-up attachment id: 404 for everyone (the records tests cover real attachments).
  'attachments.$attachmentId': 'missing',
  'my.checks': 'signedIn',
  'api.v1.meetings.$meetingId': 'public',
  'api.v1._index': 'public',
  'api.v1.export._index': 'public',
  'api.v1.export.$slug[.json]': 'public',
  'oparl.v1[.]1._index': 'public',
  'oparl.v1[.]1.$': 'public',
  // plans, reports, statements, annual cycle
  'councils.$slug.cycle': 'public',
  'councils.$slug.plans.$year': 'public',
  'councils.$slug.reports.$year': 'public',
  'councils.$slug.reports.$year[.pdf]': 'public',
  'councils.$slug.statements': 'public',
  'councils.$slug.influence': 'public',
  'api.v1.councils.$slug.plans.$year': 'public',
  'api.v1.councils.$slug.reports.$year': 'public',
  'api.v1.councils.$slug.statements': 'public',
  // Members may read plans, reports, statements and the cycle in the workspace; only the secretariat changes them.
  'manage.councils.$slug.cycle': 'councilReadManage',
  'manage.councils.$slug.plans._index': 'councilReadManage',
  'manage.councils.$slug.plans.$year': 'councilReadManage',
  'manage.councils.$slug.reports.$year': 'councilReadManage',
  'manage.councils.$slug.statements': 'councilReadManage',
  // meeting fees and travel claims: the secretariat's page and export; members claim for themselves
  'manage.councils.$slug.fees': 'councilManage',
  'manage.councils.$slug.fees[.csv]': 'councilManage',
  'my.claims': 'signedIn',
};

/** Loader statuses that differ from the class for a particular route, with the reason. */
const LOADER_EXCEPTIONS: Record<string, Partial<Record<Role, number>>> = {
  // The catch-all route answers 404 for any unknown URL.
  $: { anonymous: 404, noRole: 404, otherCouncil: 404, member: 404, deputy: 404, secretary: 404, admin: 404 },
  // The OParl splat answers an unknown object path with a JSON 404 (tests/integration/oparl.test.ts covers the rest).
  'oparl.v1[.]1.$': { anonymous: 404, noRole: 404, otherCouncil: 404, member: 404, deputy: 404, secretary: 404, admin: 404 },
  // The second sign-in step sends anyone without a pending sign-in back to /login (tests/integration/totp.test.ts).
  'login_.two-factor': { anonymous: 302 },
};

/**
 * Actions not probed here: public by design (anyone may post), or ending the session the
 * matrix signs in with (sign-out, ending sessions). tests/integration/auth.test.ts covers them.
 */
const PUBLIC_ACTIONS = new Set(['logout', 'account.sessions', 'login', 'login_.two-factor', 'feedback', 'reset-password._index', 'invite.$token', 'reset-password.$token', 'reply.$token', 'councils.$slug.subscribe', 'subscriptions.confirm.$token', 'subscriptions.unsubscribe.$token', 'verify']);

interface Fixture {
  params: Record<string, string>;
  cookies: Record<Role, string | null>;
}
let fx: Fixture;

beforeAll(async () => {
  const a = await buildCouncilWithRoster({ slug: 'matrix-a' });
  const b = await buildCouncilWithRoster({ slug: 'matrix-b' });
  const secretaryPerson = await buildPerson({ givenName: 'Sihteeri' });
  await buildMembership(a.term.id, secretaryPerson.id, { role: 'secretary', startDate: '2020-01-01' });
  const meeting = await buildMeeting(a.council.id, {
    startsAt: new Date('2026-02-10T11:00:00Z'),
    endsAt: new Date('2026-02-10T13:00:00Z'),
    status: 'held',
    agendaPublishedAt: new Date('2026-02-01T10:00:00Z'),
  });
  const [item] = await getDb().insert(agendaItems).values({ meetingId: meeting.id, councilId: a.council.id, position: 1, title: 'Avaus', sectionYear: 2026, sectionNumber: 1 }).returning();
  const [m] = await getDb().insert(minutes).values({ meetingId: meeting.id, councilId: a.council.id }).returning();
  const [version] = await getDb().insert(minutesVersions).values({ minutesId: m!.id, versionNo: 1 }).returning();
  await getDb().update(minutesVersions).set({ status: 'approved', approvedAt: new Date('2026-02-11T09:00:00Z'), approvalMethod: 'at_meeting' }).where(eq(minutesVersions.id, version!.id));
  await getDb().update(minutesVersions).set({ status: 'published', publishedAt: new Date('2026-02-11T10:00:00Z') }).where(eq(minutesVersions.id, version!.id));
  const published = { status: 'published' as const, approvedAt: new Date('2026-02-11T10:00:00Z'), publishedAt: new Date('2026-02-12T10:00:00Z') };
  await getDb().insert(actionPlans).values({ councilId: a.council.id, year: 2026, title: 'Toimintasuunnitelma 2026', ...published });
  await getDb().insert(annualReports).values({ councilId: a.council.id, year: 2026, title: 'Toimintakertomus 2026', generated: { ...(await generateReport(a.council.id, 2026)) }, body: 'Teksti', ...published });
  const [series] = await getDb()
    .insert(meetingSeries)
    .values({ councilId: a.council.id, title: 'Sarja', rrule: 'FREQ=MONTHLY;INTERVAL=3', firstDate: '2026-12-01', localStartTime: '13:00', durationMinutes: 120, materialisedUntil: '2027-12-31' })
    .returning();
  // The member's account: the secretary of council A may manage its roles (/admin/users/$userId).
  const memberUser = await buildUser({ personId: a.memberPerson.id });
  const cookies: Record<Role, string | null> = {
    anonymous: null,
    noRole: (await buildUser()).cookie,
    otherCouncil: (await buildUser({ personId: b.memberPerson.id })).cookie,
    member: memberUser.cookie,
    deputy: (await buildUser({ personId: a.deputyPerson.id })).cookie,
    secretary: (await buildUser({ personId: secretaryPerson.id })).cookie,
    admin: (await buildUser({ grants: [{ role: 'admin' }] })).cookie,
  };
  fx = {
    params: {
      slug: a.council.slug,
      meetingId: meeting.id,
      personId: a.memberPerson.id,
      termId: a.term.id,
      year: '2026',
      token: 'not-a-real-token-aaaaaaaaaaaaaaaaaaaaaa',
      itemId: item!.id,
      attachmentId: '00000000-0000-4000-8000-000000000000',
      regionSlug: (await getDb().select({ slug: regions.slug }).from(regions).where(eq(regions.id, a.council.regionId)))[0]!.slug,
      seriesId: series!.id,
      file: 'pages.xml',
      userId: memberUser.user.id,
    },
    cookies,
  };
});

const routeDir = path.resolve('app/routes');
const routeFiles = readdirSync(routeDir)
  .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f))
  .map((f) => f.replace(/\.(tsx?|jsx?)$/, ''))
  .sort();

function urlFor(name: string, params: Record<string, string>): { url: string; params: Record<string, string> } {
  const used: Record<string, string> = {};
  const segments = name
    .replace(/\[\.\]/g, '\u0000')
    .split('.')
    .filter((s) => s !== '_index' && !s.startsWith('_'))
    .map((s) => s.replace(/\u0000/g, '.'))
    .map((s) => {
      if (s === '$') {
        used['*'] = 'no-such-page';
        return 'no-such-page';
      }
      return s.replace(/\$([A-Za-z]+)/g, (_m, key: string) => {
        const value = params[key] ?? 'x';
        used[key] = value;
        return value;
      });
    });
  return { url: `/${segments.join('/')}`.replace(/\/+$/, '') || '/', params: used };
}

describe('role × route matrix', () => {
  it('classifies every route module', () => {
    expect(routeFiles.filter((f) => !(f in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((k) => !routeFiles.includes(k))).toEqual([]);
  });

  for (const file of routeFiles) {
    it(`${file}: loader and action answer each role as its class says`, async () => {
      const mod = (await import(path.join(routeDir, `${file}${file.endsWith('x') ? '' : ''}`).replace(/$/, ''))) as {
        loader?: (args: never) => unknown;
        action?: (args: never) => unknown;
      };
      const access = ACCESS[file]!;
      const { url, params } = urlFor(file, file.startsWith('regions.') ? { ...fx.params, slug: fx.params.regionSlug! } : fx.params);
      const failures: string[] = [];
      for (const role of ROLES) {
        if (mod.loader) {
          const expected = LOADER_EXCEPTIONS[file]?.[role] ?? LOADER[access][role];
          const res = await call(mod.loader as never, makeRequest(url, { cookie: fx.cookies[role] }), params);
          if (res.status !== expected) failures.push(`GET ${url} as ${role}: ${res.status}, expected ${expected}`);
        }
        if (mod.action && !PUBLIC_ACTIONS.has(file)) {
          const res = await call(mod.action as never, makeRequest(url, { method: 'POST', form: { intent: 'matrix-probe' }, cookie: fx.cookies[role] }), params);
          const refusal = ACTION_REFUSAL[access]?.[role];
          if (refusal !== undefined && res.status !== refusal) failures.push(`POST ${url} as ${role}: ${res.status}, expected ${refusal}`);
          const toLogin = res.status === 302 && (res.headers.get('location') ?? '').startsWith('/login');
          if (refusal === undefined && access !== 'postOnly' && (REFUSED.has(res.status) || toLogin)) {
            failures.push(`POST ${url} as ${role}: refused with ${res.status}, expected to be allowed`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
