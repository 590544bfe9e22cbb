import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor } from '~db/client.server';
import { agendaTemplateItems, categories, councils, documents, memberships, organisations, people, regions, termExtraSeats, terms, type Council } from '~db/schema';
import { todayInHelsinki } from '~/lib/dates';
import { defaultAgendaTemplate } from '~/lib/agenda-template-defaults';
import { buildRoster, type RosterMembership } from '~/lib/roster';
import { diffChanges, recordAudit, type AuditActor } from '~/models/audit.server';
import { isSlug } from '~/lib/http/params';

/** The public facts of a council and its region; null when there is no such council. */
export async function getCouncilBySlug(slug: string, db: Executor = getDb()) {
  if (!isSlug(slug)) return null;
  const [row] = await db
    .select({ council: councils, region: regions })
    .from(councils)
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .where(eq(councils.slug, slug))
    .limit(1);
  if (!row) return null;
  const [parent, children] = await Promise.all([
    row.council.parentId
      ? db
          .select({ slug: councils.slug, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn })
          .from(councils)
          .where(eq(councils.id, row.council.parentId))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    db
      .select({ slug: councils.slug, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, kind: councils.kind })
      .from(councils)
      .where(eq(councils.parentId, row.council.id))
      .orderBy(asc(councils.nameFi)),
  ]);
  return { ...row, parent, children };
}

/** The term in force on a date (the latest started one), or null. */
export async function getCurrentTerm(councilId: string, onDate = todayInHelsinki(), db: Executor = getDb()) {
  const [term] = await db
    .select()
    .from(terms)
    .where(
      and(
        eq(terms.councilId, councilId),
        lte(terms.startDate, onDate),
        or(isNull(terms.endDate), gte(terms.endDate, onDate)),
      ),
    )
    .orderBy(desc(terms.startDate))
    .limit(1);
  return term ?? null;
}

/**
 * A term's roster as it stood on a date: names, roles and organisations only (never
 * contact details). Three queries whatever the size of the council.
 */
export async function getRoster(termId: string, onDate = todayInHelsinki(), db: Executor = getDb()) {
  const [cats, extra, rows] = await Promise.all([
    db.select().from(categories).where(eq(categories.termId, termId)).orderBy(asc(categories.position)),
    db.select().from(termExtraSeats).where(eq(termExtraSeats.termId, termId)),
    db
      .select({
        id: memberships.id,
        role: memberships.role,
        categoryId: memberships.categoryId,
        principalId: memberships.principalId,
        seatNumber: memberships.seatNumber,
        personId: people.id,
        givenName: people.givenName,
        familyName: people.familyName,
        organisationName: organisations.nameFi,
        startDate: memberships.startDate,
        endDate: memberships.endDate,
      })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(
        and(
          eq(memberships.termId, termId),
          lte(memberships.startDate, onDate),
          or(isNull(memberships.endDate), gte(memberships.endDate, onDate)),
        ),
      ),
  ]);
  const list: RosterMembership[] = rows.map((r) => ({
    id: r.id,
    role: r.role,
    categoryId: r.categoryId,
    principalId: r.principalId,
    seatNumber: r.seatNumber,
    personId: r.personId,
    personName: `${r.givenName} ${r.familyName}`,
    organisationName: r.organisationName,
    startDate: r.startDate,
    endDate: r.endDate,
  }));
  return buildRoster(cats, extra, list);
}

/** Councils by id (names and slugs only), for a user's own list. */
export async function listCouncilsByIds(ids: string[]) {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: councils.id, slug: councils.slug, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, regionId: councils.regionId, regionNameFi: regions.nameFi, regionNameSv: regions.nameSv, regionNameEn: regions.nameEn })
    .from(councils)
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .where(inArray(councils.id, ids))
    .orderBy(asc(councils.nameFi));
}

/**
 * Councils someone works with, names and slugs only: every council (installation admins), or
 * the given councils plus all councils of the given regions (region admins). One query.
 */
export async function listCouncilsInScope(scope: { all: boolean; ids: string[]; regionIds: string[] }) {
  if (!scope.all && scope.ids.length === 0 && scope.regionIds.length === 0) return [];
  return getDb()
    .select({ id: councils.id, slug: councils.slug, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, regionId: councils.regionId, regionNameFi: regions.nameFi, regionNameSv: regions.nameSv, regionNameEn: regions.nameEn })
    .from(councils)
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .where(
      scope.all
        ? undefined
        : or(
            scope.ids.length > 0 ? inArray(councils.id, scope.ids) : undefined,
            scope.regionIds.length > 0 ? inArray(councils.regionId, scope.regionIds) : undefined,
          ),
    )
    .orderBy(asc(councils.nameFi), asc(regions.nameFi));
}

// ---------------------------------------------------------------------------------------------
// Council administration, terms and the public API (roster area)

/** A term with a flag for the one in force today. */
export interface TermSummary {
  id: string;
  name: string;
  startDate: string;
  endDate: string | null;
  endNote: string | null;
  current: boolean;
}

/** Every term of a council, newest first, the one in force today flagged current. */
export async function listTerms(councilId: string, onDate = todayInHelsinki(), db: Executor = getDb()): Promise<TermSummary[]> {
  const rows = await db
    .select({ id: terms.id, name: terms.name, startDate: terms.startDate, endDate: terms.endDate, endNote: terms.endNote })
    .from(terms)
    .where(eq(terms.councilId, councilId))
    .orderBy(desc(terms.startDate), asc(terms.name));
  // Same rule as getCurrentTerm: the latest started term that has not ended.
  const current = rows.find((t) => t.startDate <= onDate && (t.endDate === null || t.endDate >= onDate));
  return rows.map((t) => ({ ...t, current: t.id === current?.id }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is this string a UUID (so it may be put in a query on a uuid column)? */
export function isUuid(value: string | null | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** One term of this council, or null (also for another council's term or a malformed id). */
export async function getTermForCouncil(councilId: string, termId: string, db: Executor = getDb()) {
  if (!isUuid(termId)) return null;
  const [term] = await db.select().from(terms).where(and(eq(terms.id, termId), eq(terms.councilId, councilId))).limit(1);
  return term ?? null;
}

/**
 * One page of councils with their region and parent slug, for the public API, in a stable order
 * (region, name, id), and the total count.
 */
export async function listCouncilsPublic(page: { limit: number; offset: number }, db: Executor = getDb()) {
  const parent = alias(councils, 'parent');
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: councils.id,
        slug: councils.slug,
        nameFi: councils.nameFi,
        nameSv: councils.nameSv,
        nameEn: councils.nameEn,
        kind: councils.kind,
        origin: councils.origin,
        parentSlug: parent.slug,
        publicityDefault: councils.publicityDefault,
        regionSlug: regions.slug,
        regionNameFi: regions.nameFi,
        regionNameSv: regions.nameSv,
        regionNameEn: regions.nameEn,
      })
      .from(councils)
      .innerJoin(regions, eq(regions.id, councils.regionId))
      .leftJoin(parent, eq(parent.id, councils.parentId))
      .orderBy(asc(regions.shortFi), asc(councils.nameFi), asc(councils.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(councils),
  ]);
  return { councils: rows, total: Number(count?.n ?? 0) };
}

/** Every council's slug in the API order, for the background bulk export (streamed, never one response). */
export async function listCouncilsPublicAll(db: Executor = getDb()) {
  return db
    .select({ slug: councils.slug })
    .from(councils)
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .orderBy(asc(regions.shortFi), asc(councils.nameFi), asc(councils.id));
}

/** Regions a user may create councils in: all for admins, else their region-admin regions. */
export async function listRegionsForCreate(principal: { isAdmin: boolean; regionAdmin: ReadonlySet<string> }, db: Executor = getDb()) {
  const query = db.select({ id: regions.id, slug: regions.slug, nameFi: regions.nameFi, nameSv: regions.nameSv, nameEn: regions.nameEn }).from(regions);
  if (principal.isAdmin) return query.orderBy(asc(regions.shortFi));
  if (principal.regionAdmin.size === 0) return [];
  return query.where(inArray(regions.id, [...principal.regionAdmin])).orderBy(asc(regions.shortFi));
}

/** Councils that may be a parent: those of the given regions (sub-bodies stay in their region). */
export async function listParentCandidates(regionIds: string[], db: Executor = getDb()) {
  if (regionIds.length === 0) return [];
  return db
    .select({ id: councils.id, slug: councils.slug, nameFi: councils.nameFi, regionId: councils.regionId, parentId: councils.parentId, regionNameFi: regions.nameFi })
    .from(councils)
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .where(inArray(councils.regionId, regionIds))
    .orderBy(asc(councils.nameFi), asc(regions.nameFi));
}

export type CouncilWriteResult =
  | { ok: true; slug: string; id: string }
  | { ok: false; fieldErrors: Record<string, string[]> }
  | { ok: false; conflict: true };

export interface CouncilValues {
  nameFi: string;
  nameSv?: string;
  nameEn?: string;
  kind: Council['kind'];
  origin: Council['origin'];
  parentId?: string;
  publicityDefault: Council['publicityDefault'];
  languages: string[];
  descriptionFi?: string;
  descriptionSv?: string;
  descriptionEn?: string;
  meetingFeeNote?: string;
  meetingFeeNoteSv?: string;
  meetingFeeNoteEn?: string;
  secretariatContact?: string;
  appointingBody?: string;
  appointingBodySv?: string;
  appointingBodyEn?: string;
  appointingDecisionDate?: string;
  appointingDecisionUrl?: string;
}

function councilColumns(v: CouncilValues) {
  return {
    nameFi: v.nameFi,
    nameSv: v.nameSv ?? null,
    nameEn: v.nameEn ?? null,
    kind: v.kind,
    origin: v.origin,
    parentId: v.parentId ?? null,
    publicityDefault: v.publicityDefault,
    languages: v.languages,
    descriptionFi: v.descriptionFi ?? null,
    descriptionSv: v.descriptionSv ?? null,
    descriptionEn: v.descriptionEn ?? null,
    meetingFeeNote: v.meetingFeeNote ?? null,
    meetingFeeNoteSv: v.meetingFeeNoteSv ?? null,
    meetingFeeNoteEn: v.meetingFeeNoteEn ?? null,
    secretariatContact: v.secretariatContact ?? null,
    appointingBody: v.appointingBody ?? null,
    appointingBodySv: v.appointingBodySv ?? null,
    appointingBodyEn: v.appointingBodyEn ?? null,
    appointingDecisionDate: v.appointingDecisionDate ?? null,
    appointingDecisionUrl: v.appointingDecisionUrl ?? null,
  };
}

/** The parent must be in the same region and must not be the council itself or below it. */
async function checkParent(db: Executor, parentId: string | undefined, regionId: string, selfId?: string): Promise<string | null> {
  if (!parentId) return null;
  const all = await db.select({ id: councils.id, parentId: councils.parentId, regionId: councils.regionId }).from(councils).where(eq(councils.regionId, regionId));
  const byId = new Map(all.map((c) => [c.id, c]));
  if (!byId.has(parentId)) return 'roster.errors.parentOtherRegion';
  for (let at: string | null = parentId, steps = 0; at && steps < 100; at = byId.get(at)?.parentId ?? null, steps++) {
    if (at === selfId) return 'roster.errors.parentCycle';
  }
  return null;
}

/** Create a council (audited); a taken slug or a bad parent comes back as a field error. */
export async function createCouncil(actor: AuditActor, input: CouncilValues & { slug: string; regionId: string }): Promise<CouncilWriteResult> {
  return getDb().transaction(async (tx) => {
    const fieldErrors: Record<string, string[]> = {};
    const [taken] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.slug, input.slug)).limit(1);
    if (taken) fieldErrors.slug = ['roster.errors.slugTaken'];
    const parentProblem = await checkParent(tx, input.parentId, input.regionId);
    if (parentProblem) fieldErrors.parentId = [parentProblem];
    if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };
    const [row] = await tx.insert(councils).values({ ...councilColumns(input), slug: input.slug, regionId: input.regionId }).returning();
    // A new council starts usable: the standard agenda items in its languages, editable afterwards.
    const template = defaultAgendaTemplate(row!.languages);
    await tx.insert(agendaTemplateItems).values(template.map((item) => ({ ...item, councilId: row!.id })));
    await recordAudit(tx, actor, {
      action: 'roster.council_create',
      entityType: 'council',
      entityId: row!.id,
      councilId: row!.id,
      regionId: row!.regionId,
      changes: { slug: row!.slug, ...councilColumns(input), agendaTemplateItems: template.length },
    });
    return { ok: true as const, slug: row!.slug, id: row!.id };
  });
}

/** Update a council's facts, refusing a stale form (optimistic lock). */
export async function updateCouncil(actor: AuditActor, councilId: string, input: CouncilValues & { lockVersion: number }): Promise<CouncilWriteResult> {
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(councils).where(eq(councils.id, councilId)).limit(1);
    if (!before) return { ok: false as const, conflict: true as const };
    const parentProblem = await checkParent(tx, input.parentId, before.regionId, councilId);
    if (parentProblem) return { ok: false as const, fieldErrors: { parentId: [parentProblem] } };
    const after = councilColumns(input);
    const updated = await tx
      .update(councils)
      .set({ ...after, updatedAt: new Date(), lockVersion: sql`${councils.lockVersion} + 1` })
      .where(and(eq(councils.id, councilId), eq(councils.lockVersion, input.lockVersion)))
      .returning({ id: councils.id });
    if (updated.length === 0) return { ok: false as const, conflict: true as const };
    await recordAudit(tx, actor, {
      action: 'roster.council_update',
      entityType: 'council',
      entityId: councilId,
      councilId,
      regionId: before.regionId,
      changes: diffChanges(before, after),
    });
    return { ok: true as const, slug: before.slug, id: councilId };
  });
}

/** Attach an uploaded rules-of-procedure document (already stored) to a council. */
export async function setRulesDocument(
  actor: AuditActor,
  councilId: string,
  file: { storageKey: string; filename: string; mediaType: string; sizeBytes: number; sha256: string; uploadedBy: string | null },
) {
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select({ regionId: councils.regionId, rulesDocumentId: councils.rulesDocumentId }).from(councils).where(eq(councils.id, councilId)).limit(1);
    if (!before) return null;
    const [doc] = await tx.insert(documents).values(file).returning({ id: documents.id });
    await tx.update(councils).set({ rulesDocumentId: doc!.id, updatedAt: new Date(), lockVersion: sql`${councils.lockVersion} + 1` }).where(eq(councils.id, councilId));
    await recordAudit(tx, actor, {
      action: 'roster.rules_upload',
      entityType: 'council',
      entityId: councilId,
      councilId,
      regionId: before.regionId,
      changes: { rulesDocumentId: [before.rulesDocumentId, doc!.id], filename: file.filename },
    });
    return doc!.id;
  });
}

/** The rules-of-procedure document's metadata, or null. */
export async function getRulesDocument(councilId: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ id: documents.id, filename: documents.filename, mediaType: documents.mediaType, sizeBytes: documents.sizeBytes, storageKey: documents.storageKey })
    .from(councils)
    .innerJoin(documents, eq(documents.id, councils.rulesDocumentId))
    .where(eq(councils.id, councilId))
    .limit(1);
  return row ?? null;
}

/**
 * The council's display period and appeal notice (issue 14.4), behind its own optimistic lock
 * check; one transaction with its audit entry.
 */
export async function updateDisplayPeriod(
  actor: AuditActor,
  councilId: string,
  input: {
    lockVersion: number;
    displayNoticeDays: number;
    displayWebMonths?: number;
    appealNoticeFi?: string;
    appealNoticeSv?: string;
    appealNoticeEn?: string;
    appealDefaultNone: boolean;
  },
): Promise<{ ok: true } | { ok: false; conflict: true }> {
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(councils).where(eq(councils.id, councilId)).limit(1);
    if (!before) return { ok: false as const, conflict: true as const };
    const after = {
      displayNoticeDays: input.displayNoticeDays,
      displayWebMonths: input.displayWebMonths ?? null,
      appealNoticeFi: input.appealNoticeFi || null,
      appealNoticeSv: input.appealNoticeSv || null,
      appealNoticeEn: input.appealNoticeEn || null,
      appealDefaultNone: input.appealDefaultNone,
    };
    const updated = await tx
      .update(councils)
      .set({ ...after, updatedAt: new Date(), lockVersion: sql`${councils.lockVersion} + 1` })
      .where(and(eq(councils.id, councilId), eq(councils.lockVersion, input.lockVersion)))
      .returning({ id: councils.id });
    if (updated.length === 0) return { ok: false as const, conflict: true as const };
    await recordAudit(tx, actor, {
      action: 'council.display_period_update',
      entityType: 'council',
      entityId: councilId,
      councilId,
      regionId: before.regionId,
      changes: diffChanges(before, after),
    });
    return { ok: true as const };
  });
}
