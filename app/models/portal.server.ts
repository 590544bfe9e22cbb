import { and, asc, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import {
  councils,
  feedbackMessages,
  meetings,
  memberships,
  minutes,
  minutesVersions,
  organisations,
  people,
  regions,
  roleGrants,
  statements,
  terms,
  users,
} from '~db/schema';
import { getRegionBySlug } from './regions.server';
import { langTexts, type LangTexts } from '~/lib/i18n';

export type FeedScope = { regionId?: string; councilId?: string };

const publicCouncil = eq(councils.publicityDefault, 'public');

function scopeOf(scope: FeedScope) {
  return and(
    scope.councilId ? eq(councils.id, scope.councilId) : undefined,
    scope.regionId ? eq(councils.regionId, scope.regionId) : undefined,
  );
}

export interface FeedEntry {
  kind: 'agenda' | 'minutes' | 'statement';
  id: string;
  title: string;
  /** The title in every language (issue #14); `title` is the Finnish one. */
  titles?: LangTexts;
  path: string;
  /** First publication of this entry, and its last change (the same unless re-published). */
  published: Date;
  updated: Date;
  councilSlug: string;
  councilName: string;
  councilNames?: LangTexts;
  summary: string | null;
  meetingStartsAt: Date | null;
  statementType: 'statement' | 'position' | 'initiative' | null;
}

/**
 * Newly published agendas, minutes and statements, newest first: three queries whatever
 * the amount of data. Only public records of public councils; never drafts.
 */
export async function listFeedEntries(scope: FeedScope, limit = 50): Promise<FeedEntry[]> {
  const db = getDb();
  const [agendas, published, stmts] = await Promise.all([
    db
      .select({ id: meetings.id, title: meetings.title, titleSv: meetings.titleSv, titleEn: meetings.titleEn, at: meetings.agendaPublishedAt, startsAt: meetings.startsAt, slug: councils.slug, name: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn })
      .from(meetings)
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .where(and(isNotNull(meetings.agendaPublishedAt), eq(meetings.publicity, 'public'), publicCouncil, scopeOf(scope)))
      .orderBy(desc(meetings.agendaPublishedAt))
      .limit(limit),
    db
      .select({ id: meetings.id, title: meetings.title, titleSv: meetings.titleSv, titleEn: meetings.titleEn, startsAt: meetings.startsAt, at: minutesVersions.publishedAt, versionNo: minutesVersions.versionNo, note: minutesVersions.correctionNote, slug: councils.slug, name: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn })
      .from(minutesVersions)
      .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
      .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .where(and(eq(minutesVersions.status, 'published'), eq(meetings.publicity, 'public'), publicCouncil, scopeOf(scope)))
      .orderBy(desc(minutesVersions.publishedAt))
      .limit(limit),
    db
      .select({ id: statements.id, title: statements.title, titleSv: statements.titleSv, titleEn: statements.titleEn, at: statements.publishedAt, type: statements.type, slug: councils.slug, name: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn })
      .from(statements)
      .innerJoin(councils, eq(councils.id, statements.councilId))
      .where(and(isNotNull(statements.publishedAt), ne(statements.status, 'draft'), publicCouncil, scopeOf(scope)))
      .orderBy(desc(statements.publishedAt))
      .limit(limit),
  ]);
  const entries: FeedEntry[] = [
    ...agendas.map((a) => ({
      kind: 'agenda' as const,
      id: `agenda-${a.id}`,
      title: a.title,
      titles: langTexts(a, 'title'),
      path: `/meetings/${a.id}`,
      published: a.at!,
      updated: a.at!,
      councilSlug: a.slug,
      councilName: a.name,
      councilNames: langTexts(a, 'name'),
      summary: null,
      meetingStartsAt: a.startsAt,
      statementType: null,
    })),
    ...published.map((m) => ({
      kind: 'minutes' as const,
      id: `minutes-${m.id}-v${m.versionNo}`,
      title: m.title,
      titles: langTexts(m, 'title'),
      path: `/meetings/${m.id}/minutes`,
      published: m.at!,
      updated: m.at!,
      councilSlug: m.slug,
      councilName: m.name,
      councilNames: langTexts(m, 'name'),
      summary: m.note,
      meetingStartsAt: m.startsAt,
      statementType: null,
    })),
    ...stmts.map((s) => ({
      kind: 'statement' as const,
      id: `statement-${s.id}`,
      title: s.title,
      titles: langTexts(s, 'title'),
      path: `/councils/${s.slug}/statements#s-${s.id}`,
      published: s.at!,
      updated: s.at!,
      councilSlug: s.slug,
      councilName: s.name,
      councilNames: langTexts(s, 'name'),
      summary: null,
      meetingStartsAt: null,
      statementType: s.type,
    })),
  ];
  return entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, limit);
}

/** A region with its councils (public facts), or null. Two queries. */
export async function getRegionWithCouncils(slug: string) {
  const region = await getRegionBySlug(slug);
  if (!region) return null;
  const list = await getDb()
    .select({ id: councils.id, slug: councils.slug, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, kind: councils.kind, origin: councils.origin, parentId: councils.parentId })
    .from(councils)
    .where(eq(councils.regionId, region.id))
    .orderBy(asc(councils.nameFi));
  return { region, councils: list };
}

/**
 * A person's public page: their seats in councils whose records are public. Names, roles,
 * organisations and dates only; never contact details. Null when nothing is public.
 */
export async function getPublicPerson(personId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null;
  const db = getDb();
  const seats = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      givenName: people.givenName,
      familyName: people.familyName,
      organisation: organisations.nameFi,
      termName: terms.name,
      councilSlug: councils.slug,
      councilNameFi: councils.nameFi,
      councilNameSv: councils.nameSv,
      councilNameEn: councils.nameEn,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(councils, eq(councils.id, terms.councilId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.personId, personId), publicCouncil))
    .orderBy(desc(memberships.startDate))
    .limit(200);
  if (seats.length === 0) return null;
  const first = seats[0]!;
  return { name: `${first.givenName} ${first.familyName}`, seats };
}

/** Meetings per sitemap file: well under the protocol's 50,000 URLs and 50 MB. */
export const SITEMAP_MEETINGS_PER_FILE = 5_000;

export interface SitemapEntry {
  path: string;
  updatedAt: Date | null;
}

const sitemapMeetingsWhere = and(isNotNull(meetings.agendaPublishedAt), eq(meetings.publicity, 'public'), publicCouncil);

/** The fixed pages, regions and councils (one sitemap file; councils number in the hundreds). */
export async function listSitemapPages(): Promise<SitemapEntry[]> {
  const db = getDb();
  const [regionRows, councilRows] = await Promise.all([
    db.select({ slug: regions.slug, updatedAt: regions.updatedAt }).from(regions).orderBy(asc(regions.slug)),
    db.select({ slug: councils.slug, updatedAt: councils.updatedAt }).from(councils).orderBy(asc(councils.slug)),
  ]);
  return [
    { path: '/', updatedAt: null },
    { path: '/meetings', updatedAt: null },
    { path: '/accessibility', updatedAt: null },
    ...regionRows.map((r) => ({ path: `/regions/${r.slug}`, updatedAt: r.updatedAt })),
    ...councilRows.map((c) => ({ path: `/councils/${c.slug}`, updatedAt: c.updatedAt })),
  ];
}

/** How many sitemap files the public meetings need. */
export async function countSitemapMeetingFiles(): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(sitemapMeetingsWhere);
  return Math.ceil((row?.n ?? 0) / SITEMAP_MEETINGS_PER_FILE);
}

/** File `n` (from 1) of the public meetings, in a stable order (by id). */
export async function listSitemapMeetings(n: number): Promise<SitemapEntry[]> {
  const rows = await getDb()
    .select({ id: meetings.id, updatedAt: meetings.updatedAt })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(sitemapMeetingsWhere)
    .orderBy(asc(meetings.id))
    .limit(SITEMAP_MEETINGS_PER_FILE)
    .offset((n - 1) * SITEMAP_MEETINGS_PER_FILE);
  return rows.map((m) => ({ path: `/meetings/${m.id}`, updatedAt: m.updatedAt }));
}

/** Store a feedback message from the public. */
export async function saveFeedback(input: { name?: string; email?: string; pageUrl?: string; message: string }) {
  const [row] = await getDb()
    .insert(feedbackMessages)
    .values({ name: input.name || null, email: input.email || null, pageUrl: input.pageUrl || null, message: input.message })
    .returning({ id: feedbackMessages.id });
  return row!.id;
}

/** Email addresses of installation admins (feedback goes to them). */
export async function listAdminEmails(): Promise<string[]> {
  const rows = await getDb()
    .selectDistinct({ email: users.email })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.revokedAt), isNull(users.disabledAt)));
  return rows.map((r) => r.email);
}
