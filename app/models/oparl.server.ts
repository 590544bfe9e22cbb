import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { getDb } from '~db/client.server';
import { isSlug } from '~/lib/http/params';
import {
  agendaItemAttachments,
  agendaItems,
  councils,
  decisions,
  documents,
  meetings,
  memberVotes,
  memberships,
  minutes,
  minutesVersions,
  organisations,
  people,
  regions,
  statements,
  terms,
} from '~db/schema';
import type { CouncilRow, MeetingRow, PaperRow, PopoloVote, TermRow } from '~/lib/oparl';
import { attachmentOnWeb, itemWebRemovedAt } from '~/models/lifecycle.server';

/**
 * Read-only queries behind the OParl 1.1 interface (`/oparl/v1.1`). Every function returns only
 * what the public pages show: memberships and people of public councils (names only, never
 * contact details), public meetings of public councils, agenda items of published agendas
 * (withheld items with their title and legal reason only), published statements and public
 * attachments. Lists are ordered by id (stable, as the spec requires) and bounded by `limit`.
 */

export interface ListWindow {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
  /** 1-based page. */
  page: number;
  /** Objects per page (1–100). */
  limit: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
}

function windowWhere(w: ListWindow, created: PgColumn, modified: PgColumn): SQL[] {
  const out: SQL[] = [];
  if (w.createdSince) out.push(gte(created, w.createdSince));
  if (w.createdUntil) out.push(lte(created, w.createdUntil));
  if (w.modifiedSince) out.push(gte(modified, w.modifiedSince));
  if (w.modifiedUntil) out.push(lte(modified, w.modifiedUntil));
  return out;
}

const publicCouncil = eq(councils.publicityDefault, 'public');
const publicMeeting = and(publicCouncil, eq(meetings.publicity, 'public'));
const publishedAgenda = and(publicMeeting, isNotNull(meetings.agendaPublishedAt));

const count = sql<number>`count(*)::int`;

// ---------------------------------------------------------------- regions (Body)

const regionColumns = {
  id: regions.id,
  slug: regions.slug,
  nameFi: regions.nameFi,
  nameSv: regions.nameSv,
  nameEn: regions.nameEn,
  shortFi: regions.shortFi,
  createdAt: regions.createdAt,
  updatedAt: regions.updatedAt,
};
export type OparlRegion = { id: string; slug: string; nameFi: string; nameSv: string; nameEn: string; shortFi: string; createdAt: Date; updatedAt: Date };

/** Every region, by id: 22 at most, so one page. */
export async function listOparlRegions(w: ListWindow): Promise<Page<OparlRegion>> {
  const where = and(...windowWhere(w, regions.createdAt, regions.updatedAt));
  const db = getDb();
  const [rows, [total]] = await Promise.all([
    db.select(regionColumns).from(regions).where(where).orderBy(asc(regions.id)).limit(w.limit).offset((w.page - 1) * w.limit),
    db.select({ n: count }).from(regions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getOparlRegion(slug: string): Promise<OparlRegion | null> {
  if (!isSlug(slug)) return null;
  const [row] = await getDb().select(regionColumns).from(regions).where(eq(regions.slug, slug)).limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------- councils (Organization)

const councilColumns = {
  id: councils.id,
  slug: councils.slug,
  regionSlug: regions.slug,
  parentId: councils.parentId,
  nameFi: councils.nameFi,
  nameSv: councils.nameSv,
  nameEn: councils.nameEn,
  kind: councils.kind,
  publicity: councils.publicityDefault,
  establishedOn: councils.establishedOn,
  dissolvedOn: councils.dissolvedOn,
  createdAt: councils.createdAt,
  updatedAt: councils.updatedAt,
};
export type OparlCouncil = CouncilRow;

export async function listOparlCouncils(regionId: string, w: ListWindow): Promise<Page<OparlCouncil>> {
  const where = and(eq(councils.regionId, regionId), ...windowWhere(w, councils.createdAt, councils.updatedAt));
  const db = getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select(councilColumns)
      .from(councils)
      .innerJoin(regions, eq(regions.id, councils.regionId))
      .where(where)
      .orderBy(asc(councils.id))
      .limit(w.limit)
      .offset((w.page - 1) * w.limit),
    db.select({ n: count }).from(councils).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getOparlCouncil(id: string): Promise<OparlCouncil | null> {
  const [row] = await getDb()
    .select(councilColumns)
    .from(councils)
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .where(eq(councils.id, id))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------- terms (LegislativeTerm)

const termColumns = {
  id: terms.id,
  councilId: terms.councilId,
  councilNameFi: councils.nameFi,
  councilSlug: councils.slug,
  regionSlug: regions.slug,
  name: terms.name,
  startDate: terms.startDate,
  endDate: terms.endDate,
  createdAt: terms.createdAt,
  updatedAt: terms.updatedAt,
};
export type OparlTerm = TermRow;

function termQuery() {
  return getDb()
    .select(termColumns)
    .from(terms)
    .innerJoin(councils, eq(councils.id, terms.councilId))
    .innerJoin(regions, eq(regions.id, councils.regionId));
}

export async function listOparlTerms(regionId: string, w: ListWindow): Promise<Page<OparlTerm>> {
  const where = and(eq(councils.regionId, regionId), ...windowWhere(w, terms.createdAt, terms.updatedAt));
  const [rows, [total]] = await Promise.all([
    termQuery().where(where).orderBy(asc(terms.id)).limit(w.limit).offset((w.page - 1) * w.limit),
    getDb().select({ n: count }).from(terms).innerJoin(councils, eq(councils.id, terms.councilId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** All terms of these regions (embedded in Body: a region has a few dozen at most). */
export async function listRegionTermsBounded(regionIds: string[], max = 5000): Promise<OparlTerm[]> {
  if (regionIds.length === 0) return [];
  return termQuery().where(inArray(councils.regionId, regionIds)).orderBy(asc(terms.startDate), asc(terms.id)).limit(max);
}

export async function getOparlTerm(id: string): Promise<OparlTerm | null> {
  const [row] = await termQuery().where(eq(terms.id, id)).limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------- memberships and people

const membershipColumns = {
  id: memberships.id,
  personId: memberships.personId,
  councilId: councils.id,
  regionSlug: regions.slug,
  role: memberships.role,
  startDate: memberships.startDate,
  endDate: memberships.endDate,
  organisationId: memberships.organisationId,
  principalId: memberships.principalId,
  createdAt: memberships.createdAt,
  updatedAt: memberships.updatedAt,
};
export type OparlMembership = {
  id: string;
  personId: string;
  councilId: string;
  regionSlug: string;
  role: string;
  startDate: string;
  endDate: string | null;
  organisationId: string | null;
  principalId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function membershipQuery() {
  return getDb()
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(councils, eq(councils.id, terms.councilId))
    .innerJoin(regions, eq(regions.id, councils.regionId));
}

export async function listOparlMemberships(regionId: string, w: ListWindow): Promise<Page<OparlMembership>> {
  const where = and(eq(councils.regionId, regionId), publicCouncil, ...windowWhere(w, memberships.createdAt, memberships.updatedAt));
  const [rows, [total]] = await Promise.all([
    membershipQuery().where(where).orderBy(asc(memberships.id)).limit(w.limit).offset((w.page - 1) * w.limit),
    getDb()
      .select({ n: count })
      .from(memberships)
      .innerJoin(terms, eq(terms.id, memberships.termId))
      .innerJoin(councils, eq(councils.id, terms.councilId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getOparlMembership(id: string): Promise<OparlMembership | null> {
  const [row] = await membershipQuery().where(and(eq(memberships.id, id), publicCouncil)).limit(1);
  return row ?? null;
}

/** A person's public memberships (embedded in Person; bounded). */
export async function listPersonMemberships(personIds: string[], max = 2000): Promise<OparlMembership[]> {
  if (personIds.length === 0) return [];
  return membershipQuery()
    .where(and(inArray(memberships.personId, personIds), publicCouncil))
    .orderBy(asc(memberships.startDate), asc(memberships.id))
    .limit(max);
}

/** The public memberships' ids of these councils (Organization.membership; bounded per call). */
export async function listCouncilMembershipIds(councilIds: string[], max = 20_000): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(councilIds.map((id) => [id, []]));
  if (councilIds.length === 0) return out;
  const rows = await getDb()
    .select({ id: memberships.id, councilId: terms.councilId })
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(councils, eq(councils.id, terms.councilId))
    .where(and(inArray(terms.councilId, councilIds), publicCouncil))
    .orderBy(asc(memberships.id))
    .limit(max);
  for (const r of rows) out.get(r.councilId)?.push(r.id);
  return out;
}

export type OparlPerson = { id: string; givenName: string; familyName: string; regionSlug: string; createdAt: Date; updatedAt: Date };

/** People with at least one membership in a public council of the region: names only. */
export async function listOparlPeople(regionId: string, w: ListWindow): Promise<Page<OparlPerson>> {
  const db = getDb();
  const inRegion = sql`exists (select 1 from ${memberships} m join ${terms} t on t.id = m.term_id join ${councils} c on c.id = t.council_id
    where m.person_id = ${people.id} and c.region_id = ${regionId} and c.publicity_default = 'public')`;
  const where = and(inRegion, ...windowWhere(w, people.createdAt, people.updatedAt));
  const [region] = await db.select({ slug: regions.slug }).from(regions).where(eq(regions.id, regionId));
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, createdAt: people.createdAt, updatedAt: people.updatedAt })
      .from(people)
      .where(where)
      .orderBy(asc(people.id))
      .limit(w.limit)
      .offset((w.page - 1) * w.limit),
    db.select({ n: count }).from(people).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, regionSlug: region?.slug ?? '' })), total: total?.n ?? 0 };
}

/** A person, when they have a public membership; the region of their first such membership. */
export async function getOparlPerson(id: string): Promise<OparlPerson | null> {
  const [row] = await getDb()
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      createdAt: people.createdAt,
      updatedAt: people.updatedAt,
      regionSlug: regions.slug,
    })
    .from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(councils, eq(councils.id, terms.councilId))
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .where(and(eq(people.id, id), publicCouncil))
    .orderBy(asc(memberships.startDate))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------- meetings

const meetingColumns = {
  id: meetings.id,
  councilId: meetings.councilId,
  regionSlug: regions.slug,
  title: meetings.title,
  status: meetings.status,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  address: meetings.address,
  room: meetings.room,
  agendaPublishedAt: meetings.agendaPublishedAt,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
  minutesPublishedAt: sql<Date | null>`(select max(v.published_at) from ${minutesVersions} v join ${minutes} mi on mi.id = v.minutes_id
    where mi.meeting_id = ${meetings.id} and v.status = 'published')`.mapWith((v: unknown) => (v === null ? null : new Date(v as string))),
};
export type OparlMeeting = MeetingRow;

function meetingQuery() {
  return getDb()
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .innerJoin(regions, eq(regions.id, councils.regionId));
}

export async function listOparlMeetings(regionId: string, w: ListWindow): Promise<Page<OparlMeeting>> {
  const where = and(eq(councils.regionId, regionId), publicMeeting, ...windowWhere(w, meetings.createdAt, meetings.updatedAt));
  const [rows, [total]] = await Promise.all([
    meetingQuery().where(where).orderBy(asc(meetings.id)).limit(w.limit).offset((w.page - 1) * w.limit),
    getDb().select({ n: count }).from(meetings).innerJoin(councils, eq(councils.id, meetings.councilId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getOparlMeeting(id: string): Promise<OparlMeeting | null> {
  const [row] = await meetingQuery().where(and(eq(meetings.id, id), publicMeeting)).limit(1);
  return row ?? null;
}

/** A council's public meetings' ids, newest first (Organization has an external meeting list instead). */
export async function countCouncilMeetings(councilId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: count })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(and(eq(meetings.councilId, councilId), publicMeeting));
  return row?.n ?? 0;
}

export async function listOparlCouncilMeetings(councilId: string, w: ListWindow): Promise<Page<OparlMeeting>> {
  const where = and(eq(meetings.councilId, councilId), publicMeeting, ...windowWhere(w, meetings.createdAt, meetings.updatedAt));
  const [rows, [total]] = await Promise.all([
    meetingQuery().where(where).orderBy(asc(meetings.id)).limit(w.limit).offset((w.page - 1) * w.limit),
    getDb().select({ n: count }).from(meetings).innerJoin(councils, eq(councils.id, meetings.councilId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// ---------------------------------------------------------------- agenda items

const itemColumns = {
  id: agendaItems.id,
  meetingId: agendaItems.meetingId,
  councilId: agendaItems.councilId,
  regionSlug: regions.slug,
  position: agendaItems.position,
  sectionNumber: agendaItems.sectionNumber,
  title: agendaItems.title,
  publicity: agendaItems.publicity,
  withheldReason: agendaItems.withheldReason,
  proposal: sql<string | null>`case when ${agendaItems.publicity} = 'public' and ${itemWebRemovedAt()} is null then ${agendaItems.proposal} end`,
  createdAt: agendaItems.createdAt,
  updatedAt: agendaItems.updatedAt,
};
export type OparlItemRow = {
  id: string;
  meetingId: string;
  councilId: string;
  regionSlug: string;
  position: number;
  sectionNumber: number | null;
  title: string;
  publicity: string;
  withheldReason: string | null;
  proposal: string | null;
  createdAt: Date;
  updatedAt: Date;
};
export type OparlDecision = {
  agendaItemId: string;
  outcome: string;
  decision: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  versionNo: number;
  publishedAt: Date | null;
  votesByName?: PopoloVote[];
};
export type OparlItem = OparlItemRow & { decision: OparlDecision | null };

function itemQuery() {
  return getDb()
    .select(itemColumns)
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .innerJoin(regions, eq(regions.id, councils.regionId));
}

/** The decisions of the latest published minutes version, for public items only. */
async function decisionsFor(items: OparlItemRow[]): Promise<Map<string, OparlDecision>> {
  const ids = items.filter((i) => i.publicity === 'public').map((i) => i.id);
  if (ids.length === 0) return new Map();
  const rows = await getDb()
    .select({
      agendaItemId: decisions.agendaItemId,
      outcome: decisions.outcome,
      // Issue 14.4: no decision text once the item's personal data has left the web.
      decision: sql<string | null>`case when ${itemWebRemovedAt()} is null then ${decisions.decision} end`,
      votesFor: decisions.votesFor,
      votesAgainst: decisions.votesAgainst,
      votesAbstain: decisions.votesAbstain,
      versionNo: minutesVersions.versionNo,
      publishedAt: minutesVersions.publishedAt,
      versionId: decisions.versionId,
    })
    .from(decisions)
    .innerJoin(minutesVersions, eq(minutesVersions.id, decisions.versionId))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .where(and(inArray(decisions.agendaItemId, ids), eq(minutesVersions.status, 'published')))
    .orderBy(desc(minutesVersions.versionNo));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.agendaItemId)) latest.set(r.agendaItemId, r);
  // The votes by name of those decisions, in one query (names only).
  const chosen = [...latest.values()].filter((r) => r.votesFor !== null || r.votesAgainst !== null || r.votesAbstain !== null);
  const byName = new Map<string, PopoloVote[]>();
  if (chosen.length > 0) {
    const votes = await getDb()
      .select({
        versionId: memberVotes.versionId,
        agendaItemId: memberVotes.agendaItemId,
        personId: memberVotes.personId,
        name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
        option: memberVotes.option,
      })
      .from(memberVotes)
      .innerJoin(people, eq(people.id, memberVotes.personId))
      .where(and(inArray(memberVotes.agendaItemId, chosen.map((r) => r.agendaItemId)), inArray(memberVotes.versionId, [...new Set(chosen.map((r) => r.versionId))])))
      .orderBy(asc(people.familyName), asc(people.givenName));
    for (const v of votes) {
      if (latest.get(v.agendaItemId)?.versionId !== v.versionId) continue;
      const list = byName.get(v.agendaItemId) ?? [];
      list.push({ voter_id: v.personId, voter_name: v.name, option: v.option });
      byName.set(v.agendaItemId, list);
    }
  }
  const out = new Map<string, OparlDecision>();
  for (const [itemId, { versionId: _versionId, ...r }] of latest) out.set(itemId, { ...r, votesByName: byName.get(itemId) ?? [] });
  return out;
}

async function withDecisions(rows: OparlItemRow[]): Promise<OparlItem[]> {
  const found = await decisionsFor(rows);
  return rows.map((r) => ({ ...r, decision: found.get(r.id) ?? null }));
}

export async function listOparlItems(regionId: string, w: ListWindow): Promise<Page<OparlItem>> {
  const where = and(eq(councils.regionId, regionId), publishedAgenda, ...windowWhere(w, agendaItems.createdAt, agendaItems.updatedAt));
  const [rows, [total]] = await Promise.all([
    itemQuery().where(where).orderBy(asc(agendaItems.id)).limit(w.limit).offset((w.page - 1) * w.limit),
    getDb()
      .select({ n: count })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .where(where),
  ]);
  return { rows: await withDecisions(rows), total: total?.n ?? 0 };
}

export async function listMeetingItems(meetingId: string): Promise<OparlItem[]> {
  const rows = await itemQuery().where(and(eq(agendaItems.meetingId, meetingId), publishedAgenda)).orderBy(asc(agendaItems.position)).limit(500);
  return withDecisions(rows);
}

export async function getOparlItem(id: string): Promise<OparlItem | null> {
  const [row] = await itemQuery().where(and(eq(agendaItems.id, id), publishedAgenda)).limit(1);
  if (!row) return null;
  const [item] = await withDecisions([row]);
  return item ?? null;
}

// ---------------------------------------------------------------- statements (Paper, Consultation)

const paperColumns = {
  id: statements.id,
  councilId: statements.councilId,
  regionSlug: regions.slug,
  councilSlug: councils.slug,
  type: statements.type,
  title: statements.title,
  recipient: statements.recipient,
  issuedOn: statements.issuedOn,
  status: statements.status,
  responseDate: statements.responseDate,
  approvedItemId: statements.approvedItemId,
  caseNumber: statements.caseNumber,
  caseUrl: statements.caseUrl,
  responseDueOn: statements.responseDueOn,
  outcome: statements.outcome,
  /** The approving item, when it is on a published agenda of a public meeting. */
  approvedItemMeetingId: sql<string | null>`(select ai.meeting_id from ${agendaItems} ai join ${meetings} me on me.id = ai.meeting_id
    where ai.id = ${statements.approvedItemId} and me.publicity = 'public' and me.agenda_published_at is not null)`,
  createdAt: statements.createdAt,
  updatedAt: statements.updatedAt,
};
export type OparlPaper = Required<Omit<PaperRow, 'steps'>>;

const publicPaper = and(publicCouncil, ne(statements.status, 'draft'), isNotNull(statements.publishedAt));

function paperQuery() {
  return getDb()
    .select(paperColumns)
    .from(statements)
    .innerJoin(councils, eq(councils.id, statements.councilId))
    .innerJoin(regions, eq(regions.id, councils.regionId));
}

export async function listOparlPapers(regionId: string, w: ListWindow, onlyConsulted = false): Promise<Page<OparlPaper>> {
  const where = and(
    eq(councils.regionId, regionId),
    publicPaper,
    onlyConsulted ? isNotNull(statements.approvedItemId) : undefined,
    onlyConsulted ? sql`${paperColumns.approvedItemMeetingId} is not null` : undefined,
    ...windowWhere(w, statements.createdAt, statements.updatedAt),
  );
  const [rows, [total]] = await Promise.all([
    paperQuery().where(where).orderBy(asc(statements.id)).limit(w.limit).offset((w.page - 1) * w.limit),
    getDb().select({ n: count }).from(statements).innerJoin(councils, eq(councils.id, statements.councilId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getOparlPaper(id: string): Promise<OparlPaper | null> {
  const [row] = await paperQuery().where(and(eq(statements.id, id), publicPaper)).limit(1);
  return row ?? null;
}

/** Published statements approved at this item (Consultations of an agenda item). */
export async function listItemPapers(itemIds: string[]): Promise<OparlPaper[]> {
  if (itemIds.length === 0) return [];
  return paperQuery()
    .where(and(inArray(statements.approvedItemId, itemIds), publicPaper))
    .orderBy(asc(statements.id))
    .limit(500);
}

// ---------------------------------------------------------------- files

const fileColumns = {
  id: agendaItemAttachments.id,
  agendaItemId: agendaItemAttachments.agendaItemId,
  meetingId: agendaItems.meetingId,
  regionSlug: regions.slug,
  title: agendaItemAttachments.title,
  filename: documents.filename,
  mediaType: documents.mediaType,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  createdAt: documents.createdAt,
};
export type OparlFileRow = {
  id: string;
  agendaItemId: string;
  meetingId: string;
  regionSlug: string;
  title: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
};

const publicAttachment = and(
  publishedAgenda,
  eq(agendaItems.publicity, 'public'),
  eq(agendaItemAttachments.publicity, 'public'),
  attachmentOnWeb(),
);

function fileQuery() {
  return getDb()
    .select(fileColumns)
    .from(agendaItemAttachments)
    .innerJoin(documents, eq(documents.id, agendaItemAttachments.documentId))
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemAttachments.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .innerJoin(regions, eq(regions.id, councils.regionId));
}

export async function listOparlFiles(regionId: string, w: ListWindow): Promise<Page<OparlFileRow>> {
  const where = and(eq(councils.regionId, regionId), publicAttachment, ...windowWhere(w, documents.createdAt, documents.createdAt));
  const [rows, [total]] = await Promise.all([
    fileQuery().where(where).orderBy(asc(agendaItemAttachments.id)).limit(w.limit).offset((w.page - 1) * w.limit),
    getDb()
      .select({ n: count })
      .from(agendaItemAttachments)
      .innerJoin(documents, eq(documents.id, agendaItemAttachments.documentId))
      .innerJoin(agendaItems, eq(agendaItems.id, agendaItemAttachments.agendaItemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getOparlFile(id: string): Promise<OparlFileRow | null> {
  const [row] = await fileQuery().where(and(eq(agendaItemAttachments.id, id), publicAttachment)).limit(1);
  return row ?? null;
}

export async function listItemFiles(itemIds: string[]): Promise<OparlFileRow[]> {
  if (itemIds.length === 0) return [];
  return fileQuery()
    .where(and(inArray(agendaItemAttachments.agendaItemId, itemIds), publicAttachment))
    .orderBy(asc(agendaItemAttachments.position))
    .limit(2000);
}

// ---------------------------------------------------------------- locations (a meeting's place)

export async function listOparlLocations(regionId: string, w: ListWindow): Promise<Page<OparlMeeting>> {
  const where = and(
    eq(councils.regionId, regionId),
    publicMeeting,
    or(isNotNull(meetings.address), isNotNull(meetings.room)),
    ...windowWhere(w, meetings.createdAt, meetings.updatedAt),
  );
  const [rows, [total]] = await Promise.all([
    meetingQuery().where(where).orderBy(asc(meetings.id)).limit(w.limit).offset((w.page - 1) * w.limit),
    getDb().select({ n: count }).from(meetings).innerJoin(councils, eq(councils.id, meetings.councilId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// ---------------------------------------------------------------- organisations a member represents

export type OparlOrganisation = { id: string; nameFi: string; kind: string; regionSlug: string | null; createdAt: Date; updatedAt: Date };

/** An organisation (NGO, parish, municipality…), when a public membership is on its behalf. */
export async function getOparlOrganisation(id: string): Promise<OparlOrganisation | null> {
  const db = getDb();
  const [row] = await db
    .select({
      id: organisations.id,
      nameFi: organisations.nameFi,
      kind: organisations.kind,
      regionSlug: regions.slug,
      createdAt: organisations.createdAt,
      updatedAt: organisations.updatedAt,
    })
    .from(organisations)
    .leftJoin(regions, eq(regions.id, organisations.regionId))
    .where(
      and(
        eq(organisations.id, id),
        sql`exists (select 1 from ${memberships} m join ${terms} t on t.id = m.term_id join ${councils} c on c.id = t.council_id
          where m.organisation_id = ${organisations.id} and c.publicity_default = 'public')`,
      ),
    )
    .limit(1);
  return row ?? null;
}
