import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  agendaItemObject,
  BODY_LISTS,
  type BodyList,
  bodyObject,
  consultationObject,
  externalOrganizationObject,
  fileObject,
  generatedFileObject,
  listPage,
  locationObject,
  meetingObject,
  membershipObject,
  OPARL_DEFAULT_PAGE,
  OPARL_MAX_PAGE,
  type OparlUrls,
  organizationObject,
  paperObject,
  personObject,
  termObject,
} from '~/lib/oparl';
import { isUuid } from '~/models/agendas.server';
import * as q from '~/models/oparl.server';
import { listSteps } from '~/models/statements.server';
import { oparlError, oparlJson, oparlUrls } from '~/lib/oparl-http.server';

type ListWindow = q.ListWindow;

const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
// OParl filters are ISO 8601 date-times (a date alone is accepted as its midnight UTC).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The list window from `page`, `limit` and the four date filters, or an error message. */
function parseWindow(url: URL): ListWindow | string {
  const w: ListWindow = { page: 1, limit: OPARL_DEFAULT_PAGE };
  const page = url.searchParams.get('page');
  if (page !== null) {
    if (!/^\d{1,6}$/.test(page) || Number(page) < 1) return 'page must be a whole number from 1';
    w.page = Number(page);
  }
  const limit = url.searchParams.get('limit');
  if (limit !== null) {
    if (!/^\d{1,6}$/.test(limit) || Number(limit) < 1) return `limit must be a whole number from 1 to ${OPARL_MAX_PAGE}`;
    w.limit = Math.min(Number(limit), OPARL_MAX_PAGE);
  }
  for (const name of FILTERS) {
    const raw = url.searchParams.get(name);
    if (raw === null) continue;
    const when = DATE_TIME.test(raw) ? new Date(raw) : null;
    if (!when || Number.isNaN(when.getTime()) || when.getUTCFullYear() < 1900 || when.getUTCFullYear() > 9999) {
      return `${name} must be an ISO 8601 date-time, e.g. 2026-11-01T00:00:00+02:00`;
    }
    const key = { created_since: 'createdSince', created_until: 'createdUntil', modified_since: 'modifiedSince', modified_until: 'modifiedUntil' }[name] as
      | 'createdSince'
      | 'createdUntil'
      | 'modifiedSince'
      | 'modifiedUntil';
    w[key] = when;
  }
  return w;
}

/** The canonical URL of this list page: configured origin, the request's path and filters. */
function selfUrl(u: OparlUrls, request: Request): URL {
  const incoming = new URL(request.url);
  const self = new URL(`${u.origin}${incoming.pathname}`);
  for (const name of [...FILTERS, 'limit']) {
    const v = incoming.searchParams.get(name);
    if (v !== null) self.searchParams.set(name, v);
  }
  return self;
}

async function bodyList(u: OparlUrls, regionId: string, list: BodyList, w: ListWindow): Promise<{ data: object[]; total: number }> {
  switch (list) {
    case 'organizations': {
      const page = await q.listOparlCouncils(regionId, w);
      const ids = await q.listCouncilMembershipIds(page.rows.map((c) => c.id));
      const data = page.rows.map((c) => organizationObject(u, c, ids.get(c.id) ?? []));
      return { data, total: page.total };
    }
    case 'people': {
      const page = await q.listOparlPeople(regionId, w);
      const ms = await q.listPersonMemberships(page.rows.map((p) => p.id));
      return { data: page.rows.map((p) => personObject(u, p, ms.filter((m) => m.personId === p.id))), total: page.total };
    }
    case 'meetings': {
      const page = await q.listOparlMeetings(regionId, w);
      return { data: page.rows.map((m) => meetingObject(u, m, null)), total: page.total };
    }
    case 'papers': {
      const page = await q.listOparlPapers(regionId, w);
      const steps = await listSteps(page.rows.map((p) => p.id));
      return { data: page.rows.map((p) => paperObject(u, { ...p, steps: steps.get(p.id) ?? [] })), total: page.total };
    }
    case 'consultations': {
      const page = await q.listOparlPapers(regionId, w, true);
      return { data: page.rows.map((p) => consultationObject(u, p)), total: page.total };
    }
    case 'legislative-terms': {
      const page = await q.listOparlTerms(regionId, w);
      return { data: page.rows.map((t) => termObject(u, t)), total: page.total };
    }
    case 'agenda-items': {
      const page = await q.listOparlItems(regionId, w);
      return { data: await itemObjects(u, page.rows), total: page.total };
    }
    case 'files': {
      const page = await q.listOparlFiles(regionId, w);
      return { data: page.rows.map((f) => fileObject(u, f)), total: page.total };
    }
    case 'locations': {
      const page = await q.listOparlLocations(regionId, w);
      return { data: page.rows.map((m) => locationObject(u, m)), total: page.total };
    }
    case 'memberships': {
      const page = await q.listOparlMemberships(regionId, w);
      return { data: page.rows.map((m) => membershipObject(u, m)), total: page.total };
    }
  }
}

async function itemObjects(u: OparlUrls, items: q.OparlItem[]) {
  const ids = items.map((i) => i.id);
  const [papers, files] = await Promise.all([q.listItemPapers(ids), q.listItemFiles(ids)]);
  return items.map((i) =>
    agendaItemObject(
      u,
      i,
      papers.filter((p) => p.approvedItemId === i.id).map((p) => p.id),
      files.filter((f) => f.agendaItemId === i.id),
    ),
  );
}

async function meetingWithItems(u: OparlUrls, m: q.OparlMeeting) {
  const items = m.agendaPublishedAt ? await itemObjects(u, await q.listMeetingItems(m.id)) : null;
  return meetingObject(u, m, items);
}

/** One object by kind and id, or null for unknown and non-public ones alike. */
async function single(u: OparlUrls, kind: string, id: string): Promise<object | null> {
  if (kind === 'file') {
    const generated = /^(agenda|minutes)-(.+)$/.exec(id);
    if (generated) {
      const meetingId = generated[2] ?? '';
      if (!isUuid(meetingId)) return null;
      const m = await q.getOparlMeeting(meetingId);
      const which = generated[1] as 'agenda' | 'minutes';
      if (!m || (which === 'agenda' ? !m.agendaPublishedAt : !m.minutesPublishedAt)) return null;
      return generatedFileObject(u, m, which);
    }
  }
  if (!isUuid(id)) return null;
  switch (kind) {
    case 'organization': {
      const c = await q.getOparlCouncil(id);
      if (c) return organizationObject(u, c, (await q.listCouncilMembershipIds([c.id])).get(c.id) ?? []);
      const o = await q.getOparlOrganisation(id);
      return o ? externalOrganizationObject(u, o) : null;
    }
    case 'legislative-term': {
      const t = await q.getOparlTerm(id);
      return t ? termObject(u, t) : null;
    }
    case 'person': {
      const p = await q.getOparlPerson(id);
      return p ? personObject(u, p, await q.listPersonMemberships([p.id])) : null;
    }
    case 'membership': {
      const m = await q.getOparlMembership(id);
      return m ? membershipObject(u, m) : null;
    }
    case 'meeting': {
      const m = await q.getOparlMeeting(id);
      return m ? meetingWithItems(u, m) : null;
    }
    case 'agenda-item': {
      const i = await q.getOparlItem(id);
      return i ? ((await itemObjects(u, [i]))[0] ?? null) : null;
    }
    case 'paper': {
      const p = await q.getOparlPaper(id);
      return p ? paperObject(u, { ...p, steps: (await listSteps([p.id])).get(p.id) ?? [] }) : null;
    }
    case 'consultation': {
      const p = await q.getOparlPaper(id);
      return p && p.approvedItemMeetingId ? consultationObject(u, p) : null;
    }
    case 'file': {
      const f = await q.getOparlFile(id);
      return f ? fileObject(u, f) : null;
    }
    case 'location': {
      const m = await q.getOparlMeeting(id);
      return m && (m.address || m.room) ? locationObject(u, m) : null;
    }
    default:
      return null;
  }
}

/** GET /oparl/v1.1/*: every OParl object and external list below the System object. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const u = oparlUrls(request);
  const url = new URL(request.url);
  const parts = (params['*'] ?? '').split('/').filter(Boolean);
  const w = parseWindow(url);
  if (typeof w === 'string') return oparlError(400, w);

  if (parts.length === 1 && parts[0] === 'bodies') {
    const page = await q.listOparlRegions(w);
    const terms = await q.listRegionTermsBounded(page.rows.map((r) => r.id));
    const data = page.rows.map((r) => bodyObject(u, r, terms.filter((t) => t.regionSlug === r.slug)));
    return oparlJson(listPage(data, page.total, w.page, w.limit, selfUrl(u, request)));
  }
  if (parts[0] === 'body' && parts[1] && parts.length <= 3) {
    const region = await q.getOparlRegion(parts[1]);
    if (!region) return oparlError(404, 'no such body');
    if (parts.length === 2) return oparlJson(bodyObject(u, region, await q.listRegionTermsBounded([region.id])));
    const list = parts[2] as BodyList;
    if (!BODY_LISTS.includes(list)) return oparlError(404, 'no such list');
    const { data, total } = await bodyList(u, region.id, list, w);
    return oparlJson(listPage(data, total, w.page, w.limit, selfUrl(u, request)));
  }
  if (parts[0] === 'organization' && parts.length === 3 && parts[2] === 'meetings') {
    const id = parts[1] ?? '';
    if (!isUuid(id) || !(await q.getOparlCouncil(id))) return oparlError(404, 'no such organization');
    const page = await q.listOparlCouncilMeetings(id, w);
    return oparlJson(listPage(page.rows.map((m) => meetingObject(u, m, null)), page.total, w.page, w.limit, selfUrl(u, request)));
  }
  if (parts.length === 2 && parts[0] && parts[1]) {
    const found = await single(u, parts[0], parts[1]);
    return found ? oparlJson(found) : oparlError(404, `no such ${parts[0]}`);
  }
  return oparlError(404, 'no such OParl object or list');
}
