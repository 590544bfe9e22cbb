import { and, asc, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import {
  agendaItems,
  councils,
  decisions,
  matterItems,
  matterStatements,
  matters,
  meetings,
  minutes,
  minutesVersions,
  statements,
} from '~db/schema';
import { renderMarkdown } from '~/lib/markdown.server';
import { isUuid, type Who } from '~/models/agendas.server';
import { recordAudit } from '~/models/audit.server';
import { isSlug } from '~/lib/http/params';

// ---------------------------------------------------------------------------------------------
// Matters (asiat): one case handled over several meetings, with an optional diary number. Agenda
// items and statements of the same council are linked to it; its public page shows the handling
// history from published records only.

const MAX_MATTERS = 500;
const MAX_HISTORY = 200;

/** A council's matters for pickers, newest first (bounded). */
export async function listMatters(councilId: string) {
  return getDb()
    .select({ id: matters.id, title: matters.title, diaryNumber: matters.diaryNumber })
    .from(matters)
    .where(eq(matters.councilId, councilId))
    .orderBy(desc(matters.createdAt))
    .limit(MAX_MATTERS);
}

/** Which matter each of these agenda items belongs to. */
export async function mattersOfItems(
  itemIds: string[],
): Promise<Record<string, { id: string; title: string; diaryNumber: string | null }>> {
  if (itemIds.length === 0) return {};
  const rows = await getDb()
    .select({
      itemId: matterItems.agendaItemId,
      id: matters.id,
      title: matters.title,
      diaryNumber: matters.diaryNumber,
    })
    .from(matterItems)
    .innerJoin(matters, eq(matters.id, matterItems.matterId))
    .where(inArray(matterItems.agendaItemId, itemIds));
  return Object.fromEntries(rows.map(({ itemId, ...m }) => [itemId, m]));
}

/** Which matter each of these statements belongs to. */
export async function mattersOfStatements(
  statementIds: string[],
): Promise<Record<string, { id: string; title: string; diaryNumber: string | null }>> {
  if (statementIds.length === 0) return {};
  const rows = await getDb()
    .select({
      statementId: matterStatements.statementId,
      id: matters.id,
      title: matters.title,
      diaryNumber: matters.diaryNumber,
    })
    .from(matterStatements)
    .innerJoin(matters, eq(matters.id, matterStatements.matterId))
    .where(inArray(matterStatements.statementId, statementIds));
  return Object.fromEntries(rows.map(({ statementId, ...m }) => [statementId, m]));
}

export type MatterLinkOutcome =
  { status: 'ok'; matterId: string | null } | { status: 'not_found' | 'unknown_matter' | 'conflict' };

/**
 * Links an agenda item or a statement of the council to a matter: an existing one (`matterId`), a
 * new one (`newTitle`, optional `newDiaryNumber`), or none (both empty: unlinks). One transaction,
 * audited.
 */
export async function linkMatter(
  who: Who,
  input: {
    itemId?: string;
    statementId?: string;
    matterId?: string;
    newTitle?: string;
    newDiaryNumber?: string;
    /** The link the form showed ('' for none): the optimistic lock; a changed link is refused. */
    expectedMatterId?: string;
  },
): Promise<MatterLinkOutcome> {
  return getDb().transaction(async (tx) => {
    const target = input.itemId
      ? (
          await tx
            .select({ id: agendaItems.id })
            .from(agendaItems)
            .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.councilId, who.councilId)))
        )[0]
      : input.statementId
        ? (
            await tx
              .select({ id: statements.id })
              .from(statements)
              .where(and(eq(statements.id, input.statementId), eq(statements.councilId, who.councilId)))
          )[0]
        : undefined;
    if (!target) return { status: 'not_found' };
    if (input.expectedMatterId !== undefined) {
      const [linked] = input.itemId
        ? await tx
            .select({ matterId: matterItems.matterId })
            .from(matterItems)
            .where(eq(matterItems.agendaItemId, target.id))
            .for('update')
        : await tx
            .select({ matterId: matterStatements.matterId })
            .from(matterStatements)
            .where(eq(matterStatements.statementId, target.id))
            .for('update');
      if ((linked?.matterId ?? '') !== input.expectedMatterId) return { status: 'conflict' };
    }
    let matterId: string | null = null;
    if (input.newTitle) {
      const [created] = await tx
        .insert(matters)
        .values({
          councilId: who.councilId,
          title: input.newTitle,
          diaryNumber: input.newDiaryNumber ?? null,
          createdBy: who.actor.userId,
        })
        .returning({ id: matters.id });
      matterId = created!.id;
      await recordAudit(tx, who.actor, {
        action: 'matter.create',
        entityType: 'matter',
        entityId: matterId,
        councilId: who.councilId,
        regionId: who.regionId,
        changes: { title: input.newTitle, diaryNumber: input.newDiaryNumber ?? null },
      });
    } else if (input.matterId) {
      const [found] = await tx
        .select({ id: matters.id })
        .from(matters)
        .where(and(eq(matters.id, input.matterId), eq(matters.councilId, who.councilId)));
      if (!found) return { status: 'unknown_matter' };
      matterId = found.id;
    }
    if (input.itemId) {
      await tx.delete(matterItems).where(eq(matterItems.agendaItemId, input.itemId));
      if (matterId)
        await tx.insert(matterItems).values({ agendaItemId: input.itemId, matterId, councilId: who.councilId });
    } else {
      await tx.delete(matterStatements).where(eq(matterStatements.statementId, input.statementId!));
      if (matterId)
        await tx
          .insert(matterStatements)
          .values({ statementId: input.statementId!, matterId, councilId: who.councilId });
    }
    await recordAudit(tx, who.actor, {
      action: 'matter.link',
      entityType: input.itemId ? 'agenda_item' : 'statement',
      entityId: target.id,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { matterId },
    });
    return { status: 'ok', matterId };
  });
}

type MatterHistoryEntry =
  | {
      kind: 'item';
      date: Date;
      meetingId: string;
      meetingTitle: string;
      itemId: string;
      number: string | null;
      title: string;
      decisionHtml: string | null;
      outcome: string | null;
      minutesPublished: boolean;
    }
  | { kind: 'statement'; date: Date; id: string; type: string; title: string; recipient: string; status: string };

/**
 * A matter of a public council with its handling history from published records only: public items
 * of public meetings with a published agenda (with the decision of the latest published minutes),
 * and published statements; in date order. Null when unknown or not public.
 */
export async function getPublicMatter(slug: string, matterId: string) {
  if (!isSlug(slug) || !isUuid(matterId)) return null;
  const db = getDb();
  const [row] = await db
    .select({
      id: matters.id,
      title: matters.title,
      diaryNumber: matters.diaryNumber,
      councilId: councils.id,
      councilSlug: councils.slug,
      councilNameFi: councils.nameFi,
      councilNameSv: councils.nameSv,
      councilNameEn: councils.nameEn,
    })
    .from(matters)
    .innerJoin(councils, eq(councils.id, matters.councilId))
    .where(and(eq(matters.id, matterId), eq(councils.slug, slug), eq(councils.publicityDefault, 'public')));
  if (!row) return null;
  const [items, linkedStatements] = await Promise.all([
    db
      .select({
        itemId: agendaItems.id,
        sectionNumber: agendaItems.sectionNumber,
        title: agendaItems.title,
        meetingId: meetings.id,
        meetingTitle: meetings.title,
        startsAt: meetings.startsAt,
      })
      .from(matterItems)
      .innerJoin(agendaItems, eq(agendaItems.id, matterItems.agendaItemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(
        and(
          eq(matterItems.matterId, matterId),
          eq(agendaItems.publicity, 'public'),
          eq(meetings.publicity, 'public'),
          isNotNull(meetings.agendaPublishedAt),
        ),
      )
      .orderBy(asc(meetings.startsAt))
      .limit(MAX_HISTORY),
    db
      .select({
        id: statements.id,
        type: statements.type,
        title: statements.title,
        recipient: statements.recipient,
        status: statements.status,
        issuedOn: statements.issuedOn,
        publishedAt: statements.publishedAt,
      })
      .from(matterStatements)
      .innerJoin(statements, eq(statements.id, matterStatements.statementId))
      .where(
        and(eq(matterStatements.matterId, matterId), ne(statements.status, 'draft'), isNotNull(statements.publishedAt)),
      )
      .limit(MAX_HISTORY),
  ]);
  // The decision of each item from its meeting's latest published minutes: one query for all.
  const decided =
    items.length === 0
      ? []
      : await db
          .select({
            itemId: decisions.agendaItemId,
            decision: decisions.decision,
            outcome: decisions.outcome,
            versionNo: minutesVersions.versionNo,
          })
          .from(decisions)
          .innerJoin(minutesVersions, eq(minutesVersions.id, decisions.versionId))
          .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
          .where(
            and(
              inArray(
                decisions.agendaItemId,
                items.map((i) => i.itemId),
              ),
              eq(minutesVersions.status, 'published'),
            ),
          )
          .orderBy(desc(minutesVersions.versionNo));
  const decisionOf = new Map<string, (typeof decided)[number]>();
  for (const d of decided) if (!decisionOf.has(d.itemId)) decisionOf.set(d.itemId, d);
  const history: MatterHistoryEntry[] = [
    ...items.map((i) => {
      const d = decisionOf.get(i.itemId);
      return {
        kind: 'item' as const,
        date: i.startsAt,
        meetingId: i.meetingId,
        meetingTitle: i.meetingTitle,
        itemId: i.itemId,
        number: i.sectionNumber === null ? null : `§ ${i.sectionNumber}`,
        title: i.title,
        decisionHtml: d?.decision ? renderMarkdown(d.decision) : null,
        outcome: d?.outcome ?? null,
        minutesPublished: d !== undefined,
      };
    }),
    ...linkedStatements.map((s) => ({
      kind: 'statement' as const,
      date: s.issuedOn ? new Date(`${s.issuedOn}T12:00:00Z`) : s.publishedAt!,
      id: s.id,
      type: s.type,
      title: s.title,
      recipient: s.recipient,
      status: s.status,
    })),
  ].sort((a, b) => a.date.getTime() - b.date.getTime());
  return { matter: row, history };
}
