import { and, asc, desc, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm';
import { getDb, type Executor, type Tx } from '~db/client.server';
import {
  agendaItemAttachments,
  agendaItems,
  agendaTemplateItems,
  councils,
  documents,
  meetings,
  minutes,
  minutesVersions,
  type AgendaItem,
} from '~db/schema';
import type { Action } from '~/auth/permissions';
import { requirePermission, requireUser } from '~/auth/session.server';
import { CLOSING_TEMPLATE_KEYS } from '~/lib/agenda-template-defaults';
import { meetingSequence } from '~/models/meeting-number.server';
import { loadMeetingRoles } from '~/models/principals.server';
import { helsinkiWallClock, helsinkiYear, toIsoWithOffset } from '~/lib/dates';
import { normalisePastedText, renderMarkdown } from '~/lib/markdown.server';
import { diffChanges, recordAudit, type AuditActor } from './audit.server';
import { frozenAware } from '~/models/db-errors.server';
import { wakeWorkers } from '~/lib/queue/queue.server';
import { MAIL_QUEUE } from '~/lib/queue/queues';
import { queuePublicationNotices } from '~/models/subscriptions.server';
import { htmlTexts, plainSummaryHtmls } from '~/lib/content-languages.server';
import { langTexts, missingLanguages, type Locale } from '~/lib/i18n';
import { unusedLanguageFields } from '~/lib/content-languages';
import { attachmentOnWeb, itemWebRemovedAt } from '~/models/lifecycle.server';

// ---------------------------------------------------------------------------------------------
// Scope: which meeting, which council. Every function below filters by the council it was given.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a syntactically valid UUID (checked before querying, so odd URLs give 404, not 500). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The facts about a meeting every records page needs; never the online link. */
export async function getMeetingScope(meetingId: string, db: Executor = getDb()) {
  if (!isUuid(meetingId)) return null;
  const [row] = await db
    .select({
      meetingId: meetings.id,
      councilId: meetings.councilId,
      termId: meetings.termId,
      title: meetings.title,
      titleSv: meetings.titleSv,
      titleEn: meetings.titleEn,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      status: meetings.status,
      publicity: meetings.publicity,
      meetingType: meetings.meetingType,
      address: meetings.address,
      room: meetings.room,
      agendaPublishedAt: meetings.agendaPublishedAt,
      meetingNo: meetingSequence,
      regionId: councils.regionId,
      councilSlug: councils.slug,
      councilNameFi: councils.nameFi,
      councilNameSv: councils.nameSv,
      councilNameEn: councils.nameEn,
      councilPublicity: councils.publicityDefault,
      councilLanguages: councils.languages,
      noticePeriodDays: councils.noticePeriodDays,
      quorumNumerator: councils.quorumNumerator,
      quorumDenominator: councils.quorumDenominator,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(eq(meetings.id, meetingId))
    .limit(1);
  return row ?? null;
}
export type MeetingScope = NonNullable<Awaited<ReturnType<typeof getMeetingScope>>>;

/** Loads the meeting and requires a permission on its council (404 when unknown or invisible). */
export async function requireMeetingPermission(request: Request, meetingId: string | undefined, action: Action) {
  const scope = meetingId ? await getMeetingScope(meetingId) : null;
  if (!scope) throw new Response('Not found', { status: 404 });
  // Rights over a meeting follow the meeting: membership on its date, or being its checker.
  const signedIn = await requireUser(request);
  const meetingRoles = await loadMeetingRoles(signedIn.user.personId, scope);
  const subject = { councilId: scope.councilId, regionId: scope.regionId, meetingRoles };
  const auth = await requirePermission(request, action, subject);
  return { ...auth, scope, subject };
}

/** A meeting whose agenda the public may read: public meeting, public council, published agenda. */
export function isPublicRecord(scope: Pick<MeetingScope, 'publicity' | 'councilPublicity' | 'agendaPublishedAt'>): boolean {
  return scope.publicity === 'public' && scope.councilPublicity === 'public' && scope.agendaPublishedAt !== null;
}

/** The council's language: the first it works in. */
export function councilLanguage(scope: Pick<MeetingScope, 'councilLanguages'>): 'fi' | 'sv' | 'en' {
  const first = scope.councilLanguages[0];
  return first === 'sv' || first === 'en' ? first : 'fi';
}

/** "§ 12" for a numbered item, null before the agenda is published. */
export function sectionLabel(item: { sectionNumber: number | null }): string | null {
  return item.sectionNumber === null ? null : `§ ${item.sectionNumber}`;
}

export type AgendaOutcome =
  | { status: 'ok'; id: string }
  | { status: 'not_found' | 'conflict' | 'frozen' | 'numbered' | 'cancelled' | 'empty' | 'edge' | 'language_not_used' };

// The freeze refusal (SQLSTATE NV001) is mapped in one place; re-exported for the record models.
export { frozenAware, isFrozenError } from '~/models/db-errors.server';

/** Whether the meeting already has approved minutes (its agenda is then part of the record). */
export async function agendaFrozen(meetingId: string, db: Executor = getDb()): Promise<boolean> {
  const [row] = await db
    .select({ id: minutesVersions.id })
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .where(and(eq(minutes.meetingId, meetingId), inArray(minutesVersions.status, ['approved', 'published'])))
    .limit(1);
  return row !== undefined;
}

export interface Who {
  councilId: string;
  regionId: string;
  actor: AuditActor;
}

// ---------------------------------------------------------------------------------------------
// The working view and its edits

export interface AgendaItemInput {
  title: string;
  body?: string;
  presenter?: string;
  proposal?: string;
  publicity: 'public' | 'members_only' | 'confidential';
  withheldReason?: string;
  titleSv?: string;
  titleEn?: string;
  bodySv?: string;
  bodyEn?: string;
  proposalSv?: string;
  proposalEn?: string;
  plainSummaryFi?: string;
  plainSummarySv?: string;
  plainSummaryEn?: string;
  personalDataClass?: 'none' | 'personal' | 'special' | 'criminal';
  appealNotice?: 'default' | 'notice' | 'none';
}

const markdownOrNull = (value: string | undefined) => (value && value.trim() !== '' ? normalisePastedText(value) : null);

function itemValues(input: AgendaItemInput) {
  return {
    titleSv: input.titleSv?.trim() || null,
    titleEn: input.titleEn?.trim() || null,
    bodySv: markdownOrNull(input.bodySv),
    bodyEn: markdownOrNull(input.bodyEn),
    proposalSv: markdownOrNull(input.proposalSv),
    proposalEn: markdownOrNull(input.proposalEn),
    plainSummaryFi: markdownOrNull(input.plainSummaryFi),
    plainSummarySv: markdownOrNull(input.plainSummarySv),
    plainSummaryEn: markdownOrNull(input.plainSummaryEn),
    title: input.title.trim(),
    // Pasted word-processor text becomes Markdown paragraphs and lists before it is stored.
    body: input.body ? normalisePastedText(input.body) : null,
    presenter: input.presenter?.trim() || null,
    proposal: input.proposal ? normalisePastedText(input.proposal) : null,
    publicity: input.publicity,
    withheldReason: input.publicity === 'public' ? null : input.withheldReason?.trim() || null,
    personalDataClass: input.personalDataClass,
    appealNotice: input.appealNotice,
  };
}

/** Attachments of the given items with their stored documents' facts. */
async function attachmentsOf(itemIds: string[], db: Executor, publicOnly = false) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      id: agendaItemAttachments.id,
      agendaItemId: agendaItemAttachments.agendaItemId,
      position: agendaItemAttachments.position,
      title: agendaItemAttachments.title,
      publicity: agendaItemAttachments.publicity,
      personalDataClass: agendaItemAttachments.personalDataClass,
      filename: documents.filename,
      mediaType: documents.mediaType,
      sizeBytes: documents.sizeBytes,
    })
    .from(agendaItemAttachments)
    .innerJoin(documents, eq(documents.id, agendaItemAttachments.documentId))
    .where(
      and(
        inArray(agendaItemAttachments.agendaItemId, itemIds),
        publicOnly ? eq(agendaItemAttachments.publicity, 'public') : undefined,
        publicOnly ? attachmentOnWeb() : undefined,
      ),
    )
    .orderBy(asc(agendaItemAttachments.agendaItemId), asc(agendaItemAttachments.position));
}
export type AttachmentSummary = Awaited<ReturnType<typeof attachmentsOf>>[number];

/** Every item with every column and its attachments: the secretariat's working view. */
export async function getWorkingAgenda(meetingId: string, councilId: string) {
  const db = getDb();
  const items = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.councilId, councilId)))
    .orderBy(asc(agendaItems.position));
  const attachments = await attachmentsOf(
    items.map((i) => i.id),
    db,
  );
  return items.map((item) => ({
    ...item,
    number: sectionLabel(item),
    attachments: attachments.filter((a) => a.agendaItemId === item.id),
  }));
}

/** The members' view: everything members may read, rendered; only once the agenda is published. */
export async function getMembersAgenda(meetingId: string, councilId: string) {
  const items = await getWorkingAgenda(meetingId, councilId);
  return items.map((item) => ({
    id: item.id,
    position: item.position,
    number: item.number,
    title: item.title,
    publicity: item.publicity,
    withheldReason: item.withheldReason,
    presenter: item.presenter,
    bodyHtml: item.body ? renderMarkdown(item.body) : null,
    proposalHtml: item.proposal ? renderMarkdown(item.proposal) : null,
    titles: langTexts(item, 'title'),
    bodyHtmls: htmlTexts(item, 'body'),
    proposalHtmls: htmlTexts(item, 'proposal'),
    plainSummaryHtmls: plainSummaryHtmls(item),
    attachments: item.attachments.map(({ id, title, publicity, filename, mediaType, sizeBytes }) => ({
      id,
      title,
      publicity,
      filename,
      mediaType,
      sizeBytes,
    })),
  }));
}
export type MembersAgendaItem = Awaited<ReturnType<typeof getMembersAgenda>>[number];

/** The languages a council works in (councils.languages). */
export async function councilLanguagesOf(db: Executor, councilId: string): Promise<string[]> {
  const [row] = await db.select({ languages: councils.languages }).from(councils).where(eq(councils.id, councilId)).limit(1);
  return row?.languages ?? ['fi'];
}

async function lockCouncil(tx: Tx, councilId: string): Promise<void> {
  // § numbers come from max()+1: serialise numbering per council so two publications cannot collide.
  await tx.select({ id: councils.id }).from(councils).where(eq(councils.id, councilId)).for('update');
}

async function nextSectionNumber(tx: Tx, councilId: string, year: number): Promise<number> {
  const [row] = await tx
    .select({ n: max(agendaItems.sectionNumber) })
    .from(agendaItems)
    .where(and(eq(agendaItems.councilId, councilId), eq(agendaItems.sectionYear, year)));
  return (row?.n ?? 0) + 1;
}

/** Template keys of the items that close a meeting; new items go before them. */
export const CLOSING_KEYS: readonly string[] = ['other_business', 'closing'];

/**
 * The position for a new item: before the closing items (other business, closing) at the end of
 * the agenda, which are moved one step down; otherwise at the end.
 */
async function makeRoomBeforeClosing(tx: Tx, meetingId: string): Promise<number> {
  const rows = await tx
    .select({ id: agendaItems.id, position: agendaItems.position, templateKey: agendaItems.templateKey, sectionNumber: agendaItems.sectionNumber })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  let first = rows.length;
  // Only unnumbered closing items move: on a published agenda the § order must follow positions.
  while (first > 0 && CLOSING_KEYS.includes(rows[first - 1]!.templateKey ?? '') && rows[first - 1]!.sectionNumber === null) first -= 1;
  const tail = rows.slice(first).map((r) => r.id);
  if (tail.length === 0) return (rows.at(-1)?.position ?? 0) + 1;
  await tx.update(agendaItems).set({ position: sql`${agendaItems.position} + ${PARK}` }).where(inArray(agendaItems.id, tail));
  await tx.update(agendaItems).set({ position: sql`${agendaItems.position} - ${PARK} + 1` }).where(inArray(agendaItems.id, tail));
  return rows[first]!.position;
}

/** Adds an item before the closing items; on a published agenda it gets the next § number of the year at once. */
export async function addAgendaItem(who: Who, meetingId: string, input: AgendaItemInput): Promise<AgendaOutcome> {
  return frozenAware(
    () =>
      getDb().transaction(async (tx): Promise<AgendaOutcome> => {
        const scope = await getMeetingScope(meetingId, tx);
        if (!scope || scope.councilId !== who.councilId) return { status: 'not_found' };
        if (await agendaFrozen(meetingId, tx)) return { status: 'frozen' };
        if (unusedLanguageFields(input, scope.councilLanguages).length > 0) return { status: 'language_not_used' };
        const position = await makeRoomBeforeClosing(tx, meetingId);
        let section: { sectionYear: number; sectionNumber: number } | null = null;
        if (scope.agendaPublishedAt) {
          await lockCouncil(tx, who.councilId);
          const year = helsinkiYear(scope.startsAt);
          section = { sectionYear: year, sectionNumber: await nextSectionNumber(tx, who.councilId, year) };
        }
        const values = itemValues(input);
        const [row] = await tx
          .insert(agendaItems)
          .values({ meetingId, councilId: who.councilId, position, ...values, ...section })
          .returning({ id: agendaItems.id });
        await recordAudit(tx, who.actor, {
          action: 'agenda.item_create',
          entityType: 'agenda_item',
          entityId: row!.id,
          councilId: who.councilId,
          regionId: who.regionId,
          changes: { meetingId, ...values, ...section },
        });
        return { status: 'ok', id: row!.id };
      }),
    { status: 'frozen' },
  );
}

async function lockedItem(tx: Tx, councilId: string, meetingId: string, itemId: string): Promise<AgendaItem | null> {
  const [row] = await tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.councilId, councilId), eq(agendaItems.meetingId, meetingId)))
    .for('update');
  return row ?? null;
}

/** Saves an item if nobody changed it since `lockVersion` was read; otherwise 'conflict'. */
export async function updateAgendaItem(
  who: Who,
  meetingId: string,
  itemId: string,
  lockVersion: number,
  input: AgendaItemInput,
): Promise<AgendaOutcome> {
  return frozenAware(
    () =>
      getDb().transaction(async (tx): Promise<AgendaOutcome> => {
        const before = await lockedItem(tx, who.councilId, meetingId, itemId);
        if (!before) return { status: 'not_found' };
        if (await agendaFrozen(before.meetingId, tx)) return { status: 'frozen' };
        if (unusedLanguageFields(input, await councilLanguagesOf(tx, who.councilId)).length > 0) return { status: 'language_not_used' };
        const values = itemValues(input);
        const updated = await tx
          .update(agendaItems)
          .set({ ...values, updatedAt: new Date(), lockVersion: sql`${agendaItems.lockVersion} + 1` })
          .where(and(eq(agendaItems.id, itemId), eq(agendaItems.councilId, who.councilId), eq(agendaItems.lockVersion, lockVersion)))
          .returning({ id: agendaItems.id });
        if (updated.length === 0) return { status: 'conflict' };
        await recordAudit(tx, who.actor, {
          action: 'agenda.item_update',
          entityType: 'agenda_item',
          entityId: itemId,
          councilId: who.councilId,
          regionId: who.regionId,
          changes: diffChanges(before, values),
        });
        return { status: 'ok', id: itemId };
      }),
    { status: 'frozen' },
  );
}

/** Deletes an unnumbered item; a numbered (published) one stays, to be withdrawn in the minutes. */
export async function deleteAgendaItem(who: Who, meetingId: string, itemId: string, lockVersion: number): Promise<AgendaOutcome> {
  return frozenAware(
    () =>
      getDb().transaction(async (tx): Promise<AgendaOutcome> => {
        const before = await lockedItem(tx, who.councilId, meetingId, itemId);
        if (!before) return { status: 'not_found' };
        if (await agendaFrozen(before.meetingId, tx)) return { status: 'frozen' };
        if (before.lockVersion !== lockVersion) return { status: 'conflict' };
        if (before.sectionNumber !== null) return { status: 'numbered' };
        await tx.delete(agendaItems).where(eq(agendaItems.id, itemId));
        await compactPositions(tx, before.meetingId);
        await recordAudit(tx, who.actor, {
          action: 'agenda.item_delete',
          entityType: 'agenda_item',
          entityId: itemId,
          councilId: who.councilId,
          regionId: who.regionId,
          changes: { title: before.title, meetingId: before.meetingId },
        });
        return { status: 'ok', id: itemId };
      }),
    { status: 'frozen' },
  );
}

// (meeting_id, position) is unique and not deferrable: park rows far away before renumbering.
const PARK = 100_000;

async function compactPositions(tx: Tx, meetingId: string): Promise<void> {
  await tx
    .update(agendaItems)
    .set({ position: sql`${agendaItems.position} + ${PARK}` })
    .where(eq(agendaItems.meetingId, meetingId));
  await tx.execute(sql`
    UPDATE agenda_items a SET position = r.rn
    FROM (SELECT id, row_number() OVER (ORDER BY position) AS rn FROM agenda_items WHERE meeting_id = ${meetingId}) r
    WHERE a.id = r.id`);
}

/** Swaps an item with its neighbour; on a published agenda the § numbers stay in order of position. */
export async function moveAgendaItem(
  who: Who,
  meetingId: string,
  itemId: string,
  lockVersion: number,
  direction: 'up' | 'down',
): Promise<AgendaOutcome> {
  return frozenAware(
    () =>
      getDb().transaction(async (tx): Promise<AgendaOutcome> => {
        const item = await lockedItem(tx, who.councilId, meetingId, itemId);
        if (!item) return { status: 'not_found' };
        if (await agendaFrozen(item.meetingId, tx)) return { status: 'frozen' };
        if (item.lockVersion !== lockVersion) return { status: 'conflict' };
        const [other] = await tx
          .select()
          .from(agendaItems)
          .where(
            and(
              eq(agendaItems.meetingId, item.meetingId),
              sql`${agendaItems.position} ${direction === 'up' ? sql`<` : sql`>`} ${item.position}`,
            ),
          )
          .orderBy(direction === 'up' ? desc(agendaItems.position) : asc(agendaItems.position))
          .limit(1)
          .for('update');
        if (!other) return { status: 'edge' };
        const bump = { updatedAt: new Date(), lockVersion: sql`${agendaItems.lockVersion} + 1` };
        // Park the item (and free its § number), move the neighbour in, then put the item in place.
        await tx
          .update(agendaItems)
          .set({ position: item.position + PARK, sectionYear: null, sectionNumber: null })
          .where(eq(agendaItems.id, item.id));
        await tx
          .update(agendaItems)
          .set({ position: item.position, sectionYear: item.sectionYear, sectionNumber: item.sectionNumber, ...bump })
          .where(eq(agendaItems.id, other.id));
        await tx
          .update(agendaItems)
          .set({ position: other.position, sectionYear: other.sectionYear, sectionNumber: other.sectionNumber, ...bump })
          .where(eq(agendaItems.id, item.id));
        await recordAudit(tx, who.actor, {
          action: 'agenda.item_move',
          entityType: 'agenda_item',
          entityId: item.id,
          councilId: who.councilId,
          regionId: who.regionId,
          changes: { position: [item.position, other.position], swappedWith: other.id },
        });
        return { status: 'ok', id: item.id };
      }),
    { status: 'frozen' },
  );
}

/** Puts the council's standard opening items first, skipping those the agenda already has. */
export async function applyAgendaTemplate(who: Who, meetingId: string): Promise<AgendaOutcome & { added?: number }> {
  return frozenAware(
    () =>
      getDb().transaction(async (tx): Promise<AgendaOutcome & { added?: number }> => {
        const scope = await getMeetingScope(meetingId, tx);
        if (!scope || scope.councilId !== who.councilId) return { status: 'not_found' };
        if (await agendaFrozen(meetingId, tx)) return { status: 'frozen' };
        if (scope.agendaPublishedAt) return { status: 'numbered' };
        const [template, existing] = await Promise.all([
          tx
            .select()
            .from(agendaTemplateItems)
            .where(eq(agendaTemplateItems.councilId, who.councilId))
            .orderBy(asc(agendaTemplateItems.position)),
          tx
            .select({ key: agendaItems.templateKey })
            .from(agendaItems)
            .where(and(eq(agendaItems.meetingId, meetingId), isNotNull(agendaItems.templateKey))),
        ]);
        const have = new Set(existing.map((e) => e.key));
        const missing = template.filter((t) => !have.has(t.key));
        if (missing.length === 0) return { status: 'ok', id: meetingId, added: 0 };
        // Opening items go first; "other matters", "next meeting" and "closing" go last.
        const opening = missing.filter((t) => !CLOSING_TEMPLATE_KEYS.includes(t.key));
        const closing = missing.filter((t) => CLOSING_TEMPLATE_KEYS.includes(t.key));
        const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId))) as [{ count: number }];
        await tx
          .update(agendaItems)
          .set({ position: sql`${agendaItems.position} + ${PARK}` })
          .where(eq(agendaItems.meetingId, meetingId));
        await tx
          .update(agendaItems)
          .set({ position: sql`${agendaItems.position} - ${PARK} + ${opening.length}` })
          .where(eq(agendaItems.meetingId, meetingId));
        const row = (t: (typeof missing)[number], position: number) => ({
          meetingId,
          councilId: who.councilId,
          position,
          templateKey: t.key,
          title: t.title,
          body: t.body,
          proposal: t.proposal,
        });
        await tx.insert(agendaItems).values([
          ...opening.map((t, i) => row(t, i + 1)),
          ...closing.map((t, i) => row(t, opening.length + count + i + 1)),
        ]);
        await recordAudit(tx, who.actor, {
          action: 'agenda.template_apply',
          entityType: 'meeting',
          entityId: meetingId,
          councilId: who.councilId,
          regionId: who.regionId,
          changes: { added: missing.map((t) => t.key) },
        });
        return { status: 'ok', id: meetingId, added: missing.length };
      }),
    { status: 'frozen' },
  );
}

/** When the agenda should be out at the latest: the council's notice period before the start, Helsinki time. */
export function noticeDeadline(startsAt: Date, noticePeriodDays: number): Date {
  const iso = toIsoWithOffset(startsAt);
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - noticePeriodDays);
  return helsinkiWallClock(day.toISOString().slice(0, 10), time);
}

export type PublishAgendaOutcome =
  | { status: 'ok'; late: boolean; deadline: Date; numbered: number }
  | { status: 'not_found' | 'empty' | 'cancelled' | 'frozen' };

/**
 * Publishes the agenda: numbers every unnumbered item in order, continuing from the council's
 * highest § of the meeting's year (Helsinki time), and makes the members' and public views visible.
 */
export async function publishAgenda(who: Who, meetingId: string, now: Date = new Date(), db: Executor = getDb()): Promise<PublishAgendaOutcome> {
  let notices = 0;
  const outcome = await frozenAware(
    () =>
      // Inside a caller's transaction (the scheduled publication) this is a savepoint.
      db.transaction(async (tx): Promise<PublishAgendaOutcome> => {
        const scope = await getMeetingScope(meetingId, tx);
        if (!scope || scope.councilId !== who.councilId) return { status: 'not_found' };
        if (scope.status === 'cancelled') return { status: 'cancelled' };
        await lockCouncil(tx, who.councilId);
        const unnumbered = await tx
          .select({ id: agendaItems.id })
          .from(agendaItems)
          .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.sectionNumber)))
          .orderBy(asc(agendaItems.position));
        const [any] = await tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).limit(1);
        if (!any) return { status: 'empty' };
        const year = helsinkiYear(scope.startsAt);
        let next = await nextSectionNumber(tx, who.councilId, year);
        for (const item of unnumbered) {
          await tx.update(agendaItems).set({ sectionYear: year, sectionNumber: next }).where(eq(agendaItems.id, item.id));
          next += 1;
        }
        const publishedAt = scope.agendaPublishedAt ?? now;
        if (!scope.agendaPublishedAt) {
          await tx.update(meetings).set({ agendaPublishedAt: publishedAt, updatedAt: now }).where(eq(meetings.id, meetingId));
          // The first publication tells the members and subscribers, in this transaction.
          notices = await queuePublicationNotices(tx, 'agenda', {
            meetingId,
            councilId: scope.councilId,
            title: scope.title,
            startsAt: scope.startsAt,
            endsAt: scope.endsAt,
            isPublic: isPublicRecord({ ...scope, agendaPublishedAt: publishedAt }),
          });
        }
        const deadline = noticeDeadline(scope.startsAt, scope.noticePeriodDays);
        const late = publishedAt.getTime() > deadline.getTime();
        await recordAudit(tx, who.actor, {
          action: 'agenda.publish',
          entityType: 'meeting',
          entityId: meetingId,
          councilId: who.councilId,
          regionId: who.regionId,
          changes: { numbered: unnumbered.length, year, late, agendaPublishedAt: publishedAt.toISOString() },
        });
        return { status: 'ok', late, deadline, numbered: unnumbered.length };
      }),
    { status: 'frozen' },
  );
  if (notices > 0) wakeWorkers(MAIL_QUEUE);
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// The public view. Withheld items' content is blanked in SQL, so no template can print it.

const isPublicItem = sql`${agendaItems.publicity} = 'public'`;
const publicOnly = <T>(column: unknown) => sql<T | null>`CASE WHEN ${isPublicItem} THEN ${column} END`;
/** Public and its personal-data part still on the web (issue 14.4: display period). */
const publicOnWeb = <T>(column: unknown) => sql<T | null>`CASE WHEN ${isPublicItem} AND ${itemWebRemovedAt()} IS NULL THEN ${column} END`;

/** Public-safe columns of agenda items: a withheld item has only its number, title and reason. */
export const publicItemColumns = {
  id: agendaItems.id,
  position: agendaItems.position,
  sectionNumber: agendaItems.sectionNumber,
  title: agendaItems.title,
  publicity: agendaItems.publicity,
  withheldReason: agendaItems.withheldReason,
  body: publicOnWeb<string>(agendaItems.body),
  presenter: publicOnly<string>(agendaItems.presenter),
  proposal: publicOnWeb<string>(agendaItems.proposal),
  titleSv: agendaItems.titleSv,
  titleEn: agendaItems.titleEn,
  bodySv: publicOnWeb<string>(agendaItems.bodySv),
  bodyEn: publicOnWeb<string>(agendaItems.bodyEn),
  proposalSv: publicOnWeb<string>(agendaItems.proposalSv),
  proposalEn: publicOnWeb<string>(agendaItems.proposalEn),
  plainSummaryFi: publicOnWeb<string>(agendaItems.plainSummaryFi),
  plainSummarySv: publicOnWeb<string>(agendaItems.plainSummarySv),
  plainSummaryEn: publicOnWeb<string>(agendaItems.plainSummaryEn),
  /** Since when the item's personal-data part is off the web (null: shown). */
  webRemovedAt: itemWebRemovedAt(),
  personalDataClass: agendaItems.personalDataClass,
  appealNotice: agendaItems.appealNotice,
};

/** The public meeting facts, or null when the public may not see this meeting's records. */
export async function getPublicMeeting(meetingId: string) {
  const scope = await getMeetingScope(meetingId);
  if (!scope || !isPublicRecord(scope)) return null;
  return scope;
}

/**
 * A meeting the public may know of from the moment it is scheduled (public meeting of a public
 * council), whether or not its agenda is published yet. Only the facts of getMeetingScope: callers
 * show its agenda and minutes only through getPublicAgenda/getPublishedMinutes, which check publication.
 */
export async function getScheduledPublicMeeting(meetingId: string) {
  const scope = await getMeetingScope(meetingId);
  if (!scope || scope.publicity !== 'public' || scope.councilPublicity !== 'public') return null;
  return scope;
}

/** The public agenda of a public, published meeting (callers check getPublicMeeting first). */
export async function getPublicAgenda(meetingId: string, db: Executor = getDb()) {
  const items = await db
    .select(publicItemColumns)
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(agendaItems.meetingId, meetingId),
        eq(meetings.publicity, 'public'),
        eq(councils.publicityDefault, 'public'),
        isNotNull(meetings.agendaPublishedAt),
      ),
    )
    .orderBy(asc(agendaItems.position));
  const attachments = await attachmentsOf(
    items.filter((i) => i.publicity === 'public').map((i) => i.id),
    db,
    true,
  );
  return items.map((item) => ({
    id: item.id,
    position: item.position,
    number: sectionLabel(item),
    title: item.title,
    publicity: item.publicity,
    withheld: item.publicity !== 'public',
    withheldReason: item.publicity === 'public' ? null : item.withheldReason,
    /** The personal-data part was removed from the web on this date (display period ended). */
    webRemovedAt: item.publicity === 'public' ? item.webRemovedAt : null,
    webRemovedNever: item.publicity === 'public' && (item.personalDataClass === 'special' || item.personalDataClass === 'criminal'),
    presenter: item.presenter,
    /** Markdown sources (null for withheld items: blanked in SQL above). */
    body: item.body,
    proposal: item.proposal,
    bodyHtml: item.body ? renderMarkdown(item.body) : null,
    proposalHtml: item.proposal ? renderMarkdown(item.proposal) : null,
    /** Every language version (issue #14): the API's `{fi, sv, en}` objects and the pages' choice. */
    titles: langTexts(item, 'title'),
    bodies: langTexts(item, 'body'),
    proposals: langTexts(item, 'proposal'),
    plainSummaries: langTexts(item, 'plainSummary', 'plainSummaryFi'),
    bodyHtmls: htmlTexts(item, 'body'),
    proposalHtmls: htmlTexts(item, 'proposal'),
    plainSummaryHtmls: plainSummaryHtmls(item),
    attachments: attachments
      .filter((a) => a.agendaItemId === item.id)
      .map(({ id, title, filename, mediaType, sizeBytes }) => ({ id, title, filename, mediaType, sizeBytes })),
  }));
}
export type PublicAgendaItem = Awaited<ReturnType<typeof getPublicAgenda>>[number];

/** A public council's meetings with a published agenda or minutes, newest first (for the council page). */
export async function listPublishedRecords(councilId: string, limit = 20) {
  return getDb()
    .select({
      id: meetings.id,
      title: meetings.title,
      titleSv: meetings.titleSv,
      titleEn: meetings.titleEn,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      agendaPublishedAt: meetings.agendaPublishedAt,
      minutesPublishedAt: sql<Date | null>`(
        select max(v.published_at) from ${minutes} m join ${minutesVersions} v on v.minutes_id = m.id
        where m.meeting_id = ${meetings.id} and v.status = 'published')`.mapWith(meetings.startsAt),
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(meetings.councilId, councilId),
        eq(meetings.publicity, 'public'),
        eq(councils.publicityDefault, 'public'),
        isNotNull(meetings.agendaPublishedAt),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(limit);
}
export type PublishedRecord = Awaited<ReturnType<typeof listPublishedRecords>>[number];

// ---------------------------------------------------------------------------------------------
// The council's agenda template

/** The council's standard opening items in order. */
export async function listTemplateItems(councilId: string) {
  return getDb()
    .select()
    .from(agendaTemplateItems)
    .where(eq(agendaTemplateItems.councilId, councilId))
    .orderBy(asc(agendaTemplateItems.position));
}

export interface TemplateItemInput {
  key: string;
  title: string;
  body?: string;
  proposal?: string;
  /** The version the form read; required when updating (a stale one is a 'conflict'). */
  lockVersion?: number;
}

/** Creates or updates a template item; 'duplicate_key' when the key is used by another item, 'conflict' on a stale form. */
export async function saveTemplateItem(
  who: Who,
  id: string | undefined,
  input: TemplateItemInput,
): Promise<{ status: 'ok' | 'not_found' | 'duplicate_key' | 'conflict' }> {
  return getDb().transaction(async (tx) => {
    const values = {
      key: input.key,
      title: input.title.trim(),
      body: input.body ? normalisePastedText(input.body) : null,
      proposal: input.proposal ? normalisePastedText(input.proposal) : null,
    };
    const [clash] = await tx
      .select({ id: agendaTemplateItems.id })
      .from(agendaTemplateItems)
      .where(and(eq(agendaTemplateItems.councilId, who.councilId), eq(agendaTemplateItems.key, values.key)));
    if (clash && clash.id !== id) return { status: 'duplicate_key' as const };
    if (id) {
      const [before] = await tx
        .select()
        .from(agendaTemplateItems)
        .where(and(eq(agendaTemplateItems.id, id), eq(agendaTemplateItems.councilId, who.councilId)));
      if (!before) return { status: 'not_found' as const };
      if (input.lockVersion === undefined || before.lockVersion !== input.lockVersion) return { status: 'conflict' as const };
      const updated = await tx
        .update(agendaTemplateItems)
        .set({ ...values, lockVersion: sql`${agendaTemplateItems.lockVersion} + 1` })
        .where(and(eq(agendaTemplateItems.id, id), eq(agendaTemplateItems.lockVersion, input.lockVersion)))
        .returning({ id: agendaTemplateItems.id });
      if (updated.length === 0) return { status: 'conflict' as const };
      await recordAudit(tx, who.actor, {
        action: 'agenda.template_update',
        entityType: 'agenda_template_item',
        entityId: id,
        councilId: who.councilId,
        regionId: who.regionId,
        changes: diffChanges(before, values),
      });
      return { status: 'ok' as const };
    }
    const [last] = await tx
      .select({ n: max(agendaTemplateItems.position) })
      .from(agendaTemplateItems)
      .where(eq(agendaTemplateItems.councilId, who.councilId));
    const [row] = await tx
      .insert(agendaTemplateItems)
      .values({ councilId: who.councilId, position: (last?.n ?? 0) + 1, ...values })
      .returning({ id: agendaTemplateItems.id });
    await recordAudit(tx, who.actor, {
      action: 'agenda.template_create',
      entityType: 'agenda_template_item',
      entityId: row!.id,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: values,
    });
    return { status: 'ok' as const };
  });
}

/** Moves a template item up or down, or deletes it (positions are compacted afterwards). */
export async function changeTemplateItem(
  who: Who,
  id: string,
  change: 'move-up' | 'move-down' | 'delete',
): Promise<{ status: 'ok' | 'not_found' | 'edge' }> {
  return getDb().transaction(async (tx) => {
    const all = await tx
      .select()
      .from(agendaTemplateItems)
      .where(eq(agendaTemplateItems.councilId, who.councilId))
      .orderBy(asc(agendaTemplateItems.position))
      .for('update');
    const index = all.findIndex((t) => t.id === id);
    if (index < 0) return { status: 'not_found' as const };
    const order = [...all];
    if (change === 'delete') {
      await tx.delete(agendaTemplateItems).where(eq(agendaTemplateItems.id, id));
      order.splice(index, 1);
    } else {
      const target = change === 'move-up' ? index - 1 : index + 1;
      if (target < 0 || target >= order.length) return { status: 'edge' as const };
      [order[index], order[target]] = [order[target]!, order[index]!];
    }
    await tx
      .update(agendaTemplateItems)
      .set({ position: sql`${agendaTemplateItems.position} + ${PARK}` })
      .where(eq(agendaTemplateItems.councilId, who.councilId));
    for (const [i, row] of order.entries()) {
      await tx.update(agendaTemplateItems).set({ position: i + 1 }).where(eq(agendaTemplateItems.id, row.id));
    }
    await recordAudit(tx, who.actor, {
      action: change === 'delete' ? 'agenda.template_delete' : 'agenda.template_move',
      entityType: 'agenda_template_item',
      entityId: id,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { key: all[index]!.key, change },
    });
    return { status: 'ok' as const };
  });
}

/**
 * Inside a minutes transaction: carries an item postponed to a later meeting onto that meeting's
 * agenda (once), numbered at once if that agenda is already published.
 */
export async function carryItemForward(
  tx: Tx,
  councilId: string,
  item: Pick<AgendaItem, 'id' | 'title' | 'body' | 'presenter' | 'proposal' | 'publicity' | 'withheldReason'>,
  targetMeetingId: string,
): Promise<string | null> {
  const [existing] = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, targetMeetingId), eq(agendaItems.carriedFromItemId, item.id)));
  if (existing) return existing.id;
  const target = await getMeetingScope(targetMeetingId, tx);
  if (!target || target.councilId !== councilId || (await agendaFrozen(targetMeetingId, tx))) return null;
  const [last] = await tx.select({ n: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, targetMeetingId));
  let section: { sectionYear: number; sectionNumber: number } | null = null;
  if (target.agendaPublishedAt) {
    await lockCouncil(tx, councilId);
    const year = helsinkiYear(target.startsAt);
    section = { sectionYear: year, sectionNumber: await nextSectionNumber(tx, councilId, year) };
  }
  const [row] = await tx
    .insert(agendaItems)
    .values({
      meetingId: targetMeetingId,
      councilId,
      position: (last?.n ?? 0) + 1,
      title: item.title,
      body: item.body,
      presenter: item.presenter,
      proposal: item.proposal,
      publicity: item.publicity,
      withheldReason: item.withheldReason,
      carriedFromItemId: item.id,
      ...section,
    })
    .returning({ id: agendaItems.id });
  return row!.id;
}

// ---------------------------------------------------------------------------------------------
// Content in the council's languages: what is missing before publishing (issue #14)

export interface MissingTranslation {
  /** Stable key for the list (item id + field). */
  key: string;
  what: 'meetingTitle' | 'title' | 'body' | 'proposal' | 'plainSummary' | 'decision';
  /** The item's number and Finnish title, or null for the meeting itself. */
  item: string | null;
  langs: Locale[];
}

type TranslatableItem = { id: string; number: string | null; title: string } & Record<string, unknown>;

/**
 * The texts that have a version in some language but not in every language the council uses:
 * the meeting title and each item's title, body, proposal, plain-language summary and (for minutes)
 * decision. Shown to the secretary before publishing; publishing is never blocked by it.
 */
export function missingTranslations(
  meeting: object,
  items: readonly TranslatableItem[],
  languages: readonly string[],
  decisionsByItem?: ReadonlyMap<string, object>,
): MissingTranslation[] {
  if (!languages.some((l) => l !== 'fi')) return [];
  const out: MissingTranslation[] = [];
  const meetingMissing = missingLanguages(langTexts(meeting, 'title'), languages);
  if (meetingMissing.length > 0) out.push({ key: 'meeting', what: 'meetingTitle', item: null, langs: meetingMissing });
  for (const item of items) {
    const label = [item.number, item.title].filter(Boolean).join(' ');
    const fields = [
      ['title', langTexts(item, 'title')],
      ['body', langTexts(item, 'body')],
      ['proposal', langTexts(item, 'proposal')],
      ['plainSummary', langTexts(item, 'plainSummary', 'plainSummaryFi')],
    ] as const;
    for (const [what, texts] of fields) {
      const langs = missingLanguages(texts, languages);
      if (langs.length > 0) out.push({ key: `${item.id}:${what}`, what, item: label, langs });
    }
    const decision = decisionsByItem?.get(item.id);
    if (decision) {
      const langs = missingLanguages(langTexts(decision, 'decision'), languages);
      if (langs.length > 0) out.push({ key: `${item.id}:decision`, what: 'decision', item: label, langs });
    }
  }
  return out;
}
