import { beforeAll, describe, expect, it } from 'vitest';
import * as oparlIndex from '../../app/routes/oparl.v1[.]1._index';
import * as oparlAny from '../../app/routes/oparl.v1[.]1.$';
import * as attachmentRoute from '../../app/routes/attachments.$attachmentId';
import * as homePage from '../../app/routes/_index';
import * as councilPage from '../../app/routes/councils.$slug._index';
import * as statementsPage from '../../app/routes/councils.$slug.statements';
import * as termPage from '../../app/routes/councils.$slug.terms.$termId';
import * as agendaPdf from '../../app/routes/meetings.$meetingId.agenda[.pdf]';
import * as meetingPage from '../../app/routes/meetings.$meetingId._index';
import * as minutesPdf from '../../app/routes/meetings.$meetingId.minutes[.pdf]';
import * as personPage from '../../app/routes/people.$personId';
import * as regionPage from '../../app/routes/regions.$slug';
import { generateStorageKey, getStorage } from '../../app/lib/storage.server';
import { getDb } from '../../db/client.server';
import { agendaItemAttachments, documents } from '../../db/schema';
import { buildCouncilWithRoster, buildMeeting, buildRegion } from '../factories';
import { approveAndMaybePublish, buildHeldMeeting, buildStatement } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest, ORIGIN } from '../support/requests';

useTestDatabase();

const API = `${ORIGIN}/oparl/v1.1`;
const TYPE = 'https://schema.oparl.org/1.1/';

type Kind = 'url' | 'string' | 'boolean' | 'integer' | 'date' | 'date-time' | 'object' | 'url[]' | 'object[]' | 'string[]';
/** The fields of each OParl 1.1 object type we serve, with their types; `!` marks required. */
const SPEC: Record<string, Record<string, Kind>> = {
  System: { '!id': 'url', '!type': 'string', '!oparlVersion': 'string', '!body': 'url', otherOparlVersions: 'url[]', license: 'url', name: 'string', website: 'url', vendor: 'url', product: 'url', web: 'url' },
  Body: {
    '!id': 'url', '!type': 'string', '!name': 'string', '!organization': 'url', '!person': 'url', '!meeting': 'url', '!paper': 'url', '!legislativeTerm': 'object[]',
    system: 'url', shortName: 'string', website: 'url', license: 'url', agendaItem: 'url', consultation: 'url', file: 'url', locationList: 'url',
    legislativeTermList: 'url', membership: 'url', classification: 'string', web: 'url',
  },
  Organization: { '!id': 'url', '!type': 'string', body: 'url', name: 'string', membership: 'url[]', meeting: 'url', subOrganizationOf: 'url', organizationType: 'string', classification: 'string', startDate: 'date', endDate: 'date', website: 'url', web: 'url' },
  LegislativeTerm: { '!id': 'url', '!type': 'string', body: 'url', name: 'string', startDate: 'date', endDate: 'date', web: 'url' },
  Person: { '!id': 'url', '!type': 'string', body: 'url', name: 'string', familyName: 'string', givenName: 'string', membership: 'object[]', web: 'url' },
  Membership: { '!id': 'url', '!type': 'string', person: 'url', organization: 'url', role: 'string', votingRight: 'boolean', startDate: 'date', endDate: 'date', onBehalfOf: 'url' },
  Meeting: { '!id': 'url', '!type': 'string', name: 'string', meetingState: 'string', cancelled: 'boolean', start: 'date-time', end: 'date-time', location: 'object', organization: 'url[]', invitation: 'object', resultsProtocol: 'object', agendaItem: 'object[]', web: 'url' },
  AgendaItem: { '!id': 'url', '!type': 'string', '!order': 'integer', meeting: 'url', number: 'string', name: 'string', public: 'boolean', consultation: 'url', result: 'string', resolutionText: 'string', auxiliaryFile: 'object[]', web: 'url' },
  Paper: { '!id': 'url', '!type': 'string', body: 'url', name: 'string', reference: 'string', date: 'date', paperType: 'string', originatorOrganization: 'url[]', consultation: 'object[]', web: 'url' },
  Consultation: { '!id': 'url', '!type': 'string', paper: 'url', agendaItem: 'url', meeting: 'url', organization: 'url[]', authoritative: 'boolean', role: 'string' },
  File: { '!id': 'url', '!type': 'string', '!accessUrl': 'url', name: 'string', fileName: 'string', mimeType: 'string', date: 'date', size: 'integer', downloadUrl: 'url', meeting: 'url[]', agendaItem: 'url[]' },
  Location: { '!id': 'url', '!type': 'string', description: 'string', streetAddress: 'string', room: 'string', meetings: 'url[]' },
};
const COMMON: Record<string, Kind> = { created: 'date-time', modified: 'date-time', license: 'string', keyword: 'string[]', deleted: 'boolean' };

const isUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);
const isDateTime = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);
const check: Record<Kind, (v: unknown) => boolean> = {
  url: isUrl,
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => Number.isInteger(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  'date-time': isDateTime,
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'url[]': (v) => Array.isArray(v) && v.every(isUrl),
  'object[]': (v) => Array.isArray(v) && v.every((o) => typeof o === 'object' && o !== null),
  'string[]': (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
};

/** Problems of one object against the spec table; embedded objects are checked too. */
function validate(obj: Record<string, unknown>, embedded = false): string[] {
  const type = String(obj.type ?? '');
  const name = type.startsWith(TYPE) ? type.slice(TYPE.length) : '';
  const spec = SPEC[name];
  if (!spec) return [`unknown type ${type}`];
  const problems: string[] = [];
  for (const [key, kind] of Object.entries({ ...COMMON, ...spec })) {
    const required = key.startsWith('!');
    const field = required ? key.slice(1) : key;
    const value = obj[field];
    if (value === undefined) {
      if (required) problems.push(`${name}.${field} missing`);
      continue;
    }
    if (!check[kind](value)) problems.push(`${name}.${field} is not ${kind}: ${JSON.stringify(value).slice(0, 80)}`);
  }
  if (!embedded && name !== 'System') {
    if (!isDateTime(obj.created)) problems.push(`${name}.created missing`);
    if (!isDateTime(obj.modified)) problems.push(`${name}.modified missing`);
  }
  for (const [key, value] of Object.entries(obj)) {
    if (!(key in spec) && !(`!${key}` in spec) && !(key in COMMON) && !key.startsWith('neuvos:')) problems.push(`${name}.${key} is not in the spec`);
    const nested = Array.isArray(value) ? value : [value];
    for (const n of nested) if (n && typeof n === 'object' && 'type' in n) problems.push(...validate(n as Record<string, unknown>, true));
  }
  return problems;
}

const WEB: Array<[RegExp, { loader: (...a: never[]) => unknown }, string[]]> = [
  [/^\/$/, homePage, []],
  [/^\/regions\/([^/]+)$/, regionPage, ['slug']],
  [/^\/councils\/([^/]+)$/, councilPage, ['slug']],
  [/^\/councils\/([^/]+)\/statements$/, statementsPage, ['slug']],
  [/^\/councils\/([^/]+)\/terms\/([^/]+)$/, termPage, ['slug', 'termId']],
  [/^\/meetings\/([^/]+)$/, meetingPage, ['meetingId']],
  [/^\/meetings\/([^/]+)\/agenda\.pdf$/, agendaPdf, ['meetingId']],
  [/^\/meetings\/([^/]+)\/minutes\.pdf$/, minutesPdf, ['meetingId']],
  [/^\/people\/([^/]+)$/, personPage, ['personId']],
  [/^\/attachments\/([^/]+)$/, attachmentRoute, ['attachmentId']],
];

async function get(url: string): Promise<Response> {
  const u = new URL(url);
  if (u.pathname === '/oparl/v1.1') return call(oparlIndex.loader as never, makeRequest(u.pathname + u.search));
  if (u.pathname.startsWith('/oparl/v1.1/')) {
    return call(oparlAny.loader as never, makeRequest(u.pathname + u.search), { '*': u.pathname.slice('/oparl/v1.1/'.length) });
  }
  for (const [re, mod, names] of WEB) {
    const m = re.exec(u.pathname);
    if (m) return call(mod.loader as never, makeRequest(u.pathname), Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])));
  }
  throw new Error(`no route for ${url}`);
}

async function getJson(url: string) {
  const res = await get(url);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

let fx: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const region = await buildRegion();
  const roster = await buildCouncilWithRoster({ regionId: region.id });
  const hidden = await buildCouncilWithRoster({ regionId: region.id, publicityDefault: 'members_only' });
  const held = await buildHeldMeeting({
    councilId: roster.council.id,
    termId: roster.term.id,
    startsAt: new Date('2026-03-10T11:00:00Z'),
    title: 'Kokous 1/2026',
    items: [{ title: 'Avustukset', decision: 'Hyväksyttiin äänin 7–3.', votes: { for: 7, against: 3, abstain: 1 } }, { title: 'Henkilöasia', publicity: 'confidential' }],
    // Attachments go in before the minutes are approved (the database freezes them after).
    minutes: 'draft',
  });
  const planned = await buildMeeting(roster.council.id, { title: 'Tuleva kokous', address: 'Kauppakatu 1', room: 'Sali 2' });
  const closed = await buildMeeting(roster.council.id, { title: 'Suljettu', publicity: 'closed' });
  const storageKey = generateStorageKey();
  await getStorage().put(storageKey, new TextEncoder().encode('%PDF-1.4\n%'));
  const [doc] = await getDb()
    .insert(documents)
    .values({ storageKey, filename: 'liite.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64) })
    .returning();
  const [attachment] = await getDb()
    .insert(agendaItemAttachments)
    .values({ agendaItemId: held.items[0]!.id, documentId: doc!.id, position: 1, title: 'Liite 1' })
    .returning();
  await approveAndMaybePublish(held.versionId!, true);
  const statement = await buildStatement(roster.council.id, {
    status: 'sent',
    publishedAt: new Date(),
    issuedOn: '2026-03-11',
    approvedItemId: held.items[0]!.id,
    title: 'Lausunto avustuksista',
  });
  const draft = await buildStatement(roster.council.id, { title: 'Luonnos' });
  return { region, roster, hidden, held, planned, closed, attachment: attachment!, statement, draft };
}

beforeAll(async () => {
  fx = await setup();
});

describe('OParl 1.1', () => {
  it('serves a System object whose body list reaches every region', async () => {
    const { status, headers, body } = await getJson(API);
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(validate(body)).toEqual([]);
    expect(body.oparlVersion).toBe('https://schema.oparl.org/1.1/');
    const bodies = await getJson(String(body.body));
    expect((bodies.body.data as unknown[]).length).toBeGreaterThan(0);
    expect(bodies.body.pagination).toMatchObject({ currentPage: 1 });
  });

  it('validates every object reachable from the System and follows every link to a 200', async () => {
    const seen = new Set<string>();
    const queue = [API];
    const types = new Map<string, number>();
    const problems: string[] = [];
    const follow = (v: unknown) => {
      if (typeof v === 'string' && v.startsWith(ORIGIN) && !seen.has(v)) queue.push(v);
      else if (Array.isArray(v)) v.forEach(follow);
      else if (v && typeof v === 'object') Object.values(v).forEach(follow);
    };
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      expect(seen.size, 'bounded crawl').toBeLessThan(400);
      const res = await get(url);
      if (res.status !== 200) {
        problems.push(`${res.status} ${url}`);
        continue;
      }
      if (!url.startsWith(API)) continue;
      const body = (await res.json()) as Record<string, unknown>;
      const objects = Array.isArray(body.data) ? (body.data as Array<Record<string, unknown>>) : [body];
      if (Array.isArray(body.data)) follow(body.links);
      for (const o of objects) {
        const t = String(o.type).slice(TYPE.length);
        types.set(t, (types.get(t) ?? 0) + 1);
        problems.push(...validate(o).map((p) => `${url}: ${p}`));
        follow(o);
      }
    }
    expect(problems).toEqual([]);
    for (const t of Object.keys(SPEC)) expect(types.get(t) ?? 0, `objects of type ${t}`).toBeGreaterThan(0);
  });

  it('shows names only and nothing of members-only councils, closed meetings or drafts', async () => {
    const people = await getJson(`${API}/body/${fx.region.slug}/people`);
    const text = JSON.stringify(people.body);
    expect(text).not.toMatch(/@|email|phone/i);
    expect(text).toContain(fx.roster.memberPerson.familyName);
    const memberships = JSON.stringify((await getJson(`${API}/body/${fx.region.slug}/memberships?limit=100`)).body);
    expect(memberships).toContain(fx.roster.member.id);
    expect(memberships).not.toContain(fx.hidden.member.id);
    expect((await get(`${API}/membership/${fx.hidden.member.id}`)).status).toBe(404);
    expect((await get(`${API}/meeting/${fx.closed.id}`)).status).toBe(404);
    expect((await get(`${API}/paper/${fx.draft.id}`)).status).toBe(404);
    const meetings = JSON.stringify((await getJson(`${API}/body/${fx.region.slug}/meetings`)).body);
    expect(meetings).not.toContain(fx.closed.id);
  });

  it('serves a meeting with its state, offsets, location, files, items and a withheld item without content', async () => {
    const { body } = await getJson(`${API}/meeting/${fx.held.meeting.id}`);
    expect(body).toMatchObject({ meetingState: 'held', cancelled: false, start: '2026-03-10T13:00:00+02:00', end: '2026-03-10T15:00:00+02:00' });
    expect(body.invitation).toMatchObject({ accessUrl: `${ORIGIN}/meetings/${fx.held.meeting.id}/agenda.pdf` });
    expect(body.resultsProtocol).toMatchObject({ accessUrl: `${ORIGIN}/meetings/${fx.held.meeting.id}/minutes.pdf` });
    const items = body.agendaItem as Array<Record<string, unknown>>;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ name: 'Avustukset', public: true, resolutionText: 'Hyväksyttiin äänin 7–3.', order: 1 });
    expect(items[0]!['neuvos:voteEvent']).toMatchObject({
      result: 'pass',
      counts: [
        { option: 'yes', value: 7 },
        { option: 'no', value: 3 },
        { option: 'abstain', value: 1 },
      ],
    });
    expect((items[0]!.auxiliaryFile as Array<Record<string, unknown>>)[0]).toMatchObject({ 'neuvos:sha256Checksum': 'a'.repeat(64), size: 10 });
    expect(items[1]).toMatchObject({ name: 'Henkilöasia', public: false, 'neuvos:withheldReason': 'JulkL 24 § 1 mom. 25 k' });
    expect(items[1]).not.toHaveProperty('resolutionText');
    const planned = await getJson(`${API}/meeting/${fx.planned.id}`);
    expect(planned.body).toMatchObject({ meetingState: 'scheduled', location: { streetAddress: 'Kauppakatu 1', room: 'Sali 2' } });
    expect(planned.body).not.toHaveProperty('agendaItem');
  });

  it('links a statement to the item that approved it (Paper and Consultation)', async () => {
    const { body } = await getJson(`${API}/paper/${fx.statement.id}`);
    expect(body).toMatchObject({ name: 'Lausunto avustuksista', paperType: 'Lausunto', date: '2026-03-11' });
    const consultation = await getJson(`${API}/consultation/${fx.statement.id}`);
    expect(consultation.body).toMatchObject({
      paper: `${API}/paper/${fx.statement.id}`,
      agendaItem: `${API}/agenda-item/${fx.held.items[0]!.id}`,
      meeting: `${API}/meeting/${fx.held.meeting.id}`,
    });
  });

  it('documents the personal deputy as an extension and votingRight by role', async () => {
    const { body } = await getJson(`${API}/membership/${fx.roster.deputy.id}`);
    expect(body).toMatchObject({ role: 'deputy', votingRight: false, 'neuvos:deputyOf': `${API}/membership/${fx.roster.member.id}` });
    const member = await getJson(`${API}/membership/${fx.roster.member.id}`);
    expect(member.body).toMatchObject({ role: 'member', votingRight: true, onBehalfOf: `${API}/organization/${fx.roster.org.id}` });
  });

  it('pages lists and filters by modified_since', async () => {
    const first = await getJson(`${API}/body/${fx.region.slug}/memberships?limit=1`);
    expect(first.body.pagination).toMatchObject({ elementsPerPage: 1, currentPage: 1, totalElements: 2 });
    expect((first.body.links as Record<string, string>).next).toBe(`${API}/body/${fx.region.slug}/memberships?limit=1&page=2`);
    const future = await getJson(`${API}/body/${fx.region.slug}/memberships?modified_since=2999-01-01T00:00:00Z`);
    expect(future.body.data).toEqual([]);
    const past = await getJson(`${API}/body/${fx.region.slug}/memberships?modified_since=2000-01-01T00:00:00%2B02:00`);
    expect((past.body.data as unknown[]).length).toBe(2);
  });

  it('answers bad input with a JSON error, never a 500', async () => {
    for (const [path, status] of [
      [`/body/${fx.region.slug}/meetings?modified_since=yesterday`, 400],
      [`/body/${fx.region.slug}/meetings?page=-1`, 400],
      [`/body/${fx.region.slug}/meetings?limit=abc`, 400],
      [`/body/${fx.region.slug}/meetings?created_until=0000-00-00`, 400],
      ['/meeting/not-a-uuid', 404],
      ['/meeting/00000000-0000-4000-8000-000000000000', 404],
      ['/file/agenda-nope', 404],
      ['/unknown/thing', 404],
      ['/body/no-such-region', 404],
      ['/body/%00', 404],
      // Every object type answers an unknown id with a JSON 404.
      ...(['organization', 'legislative-term', 'person', 'membership', 'agenda-item', 'paper', 'consultation', 'file', 'location'] as const).flatMap(
        (kind) => [[`/${kind}/00000000-0000-4000-8000-000000000000`, 404] as const, [`/${kind}/x%27%3B--`, 404] as const],
      ),
    ] as const) {
      const res = await getJson(`${API}${path}`);
      expect(res.status, path).toBe(status);
      expect(res.body.error, path).toMatchObject({ status });
    }
    const big = await getJson(`${API}/body/${fx.region.slug}/meetings?limit=100000`);
    expect(big.body.pagination).toMatchObject({ elementsPerPage: 100 });
  });
});
