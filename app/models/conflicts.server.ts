import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '~db/client.server';
import { agendaItems, attendance, conflictDeclarations, people, recusals, users } from '~db/schema';
import type { MeetingRole } from '~/auth/permissions';
import { getMeetingScope, isUuid, type Who } from '~/models/agendas.server';
import { recordAudit, type AuditActor } from '~/models/audit.server';
import { frozenAware } from '~/models/db-errors.server';
import { claimDraft } from '~/models/minutes.server';

// ---------------------------------------------------------------------------------------------
// Conflict-of-interest declarations (esteellisyysilmoitukset): a member declares before the
// meeting; the secretary confirms (a recusal in the minutes draft) or rejects in the minutes.

/** Roles that sit at the meeting (a checker or expert has no seat to leave). */
const SEATED: readonly MeetingRole[] = ['member', 'deputy', 'chair', 'vice_chair'];

export type ConflictOutcome =
  | { status: 'ok'; id: string }
  | { status: 'not_found' | 'too_late' | 'no_seat' | 'decided' | 'conflict' | 'no_draft' | 'not_attendee' | 'frozen' };

/**
 * A member declares a conflict of interest on an item of a meeting that has not started. The
 * person is the signed-in user's own, never taken from the form. Declaring again updates the reason
 * while the secretary has not decided it.
 */
export async function declareConflict(
  actor: AuditActor & { userId: string },
  personId: string | null,
  meetingRoles: ReadonlySet<MeetingRole>,
  meetingId: string,
  itemId: string,
  reason: string | undefined,
  now = new Date(),
): Promise<ConflictOutcome> {
  if (!personId || !SEATED.some((r) => meetingRoles.has(r))) return { status: 'no_seat' };
  const scope = await getMeetingScope(meetingId);
  if (!scope || !scope.agendaPublishedAt || !isUuid(itemId)) return { status: 'not_found' };
  if (scope.status === 'cancelled' || scope.startsAt.getTime() <= now.getTime()) return { status: 'too_late' };
  return getDb().transaction(async (tx) => {
    const [item] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
    if (!item) return { status: 'not_found' };
    const [existing] = await tx
      .select()
      .from(conflictDeclarations)
      .where(and(eq(conflictDeclarations.agendaItemId, itemId), eq(conflictDeclarations.personId, personId)))
      .for('update');
    if (existing && existing.status !== 'declared') return { status: 'decided' };
    const [row] = existing
      ? await tx
          .update(conflictDeclarations)
          .set({
            reason: reason ?? null,
            declaredAt: now,
            declaredBy: actor.userId,
            lockVersion: sql`${conflictDeclarations.lockVersion} + 1`,
          })
          .where(eq(conflictDeclarations.id, existing.id))
          .returning({ id: conflictDeclarations.id })
      : await tx
          .insert(conflictDeclarations)
          .values({ agendaItemId: itemId, personId, reason: reason ?? null, declaredBy: actor.userId, declaredAt: now })
          .returning({ id: conflictDeclarations.id });
    await recordAudit(tx, actor, {
      action: 'conflict.declare',
      entityType: 'conflict_declaration',
      entityId: row!.id,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: { itemId, personId, reason: reason ?? null, declaredAt: now.toISOString() },
    });
    return { status: 'ok', id: row!.id };
  });
}

/** Every declaration of a meeting with the person's name, in item order (bounded by the items × seats). */
export async function listDeclarations(meetingId: string) {
  if (!isUuid(meetingId)) return [];
  return getDb()
    .select({
      id: conflictDeclarations.id,
      agendaItemId: conflictDeclarations.agendaItemId,
      personId: conflictDeclarations.personId,
      name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
      reason: conflictDeclarations.reason,
      declaredAt: conflictDeclarations.declaredAt,
      status: conflictDeclarations.status,
      decidedAt: conflictDeclarations.decidedAt,
      decidedBy: users.displayName,
      decisionNote: conflictDeclarations.decisionNote,
      lockVersion: conflictDeclarations.lockVersion,
    })
    .from(conflictDeclarations)
    .innerJoin(agendaItems, eq(agendaItems.id, conflictDeclarations.agendaItemId))
    .innerJoin(people, eq(people.id, conflictDeclarations.personId))
    .leftJoin(users, eq(users.id, conflictDeclarations.decidedBy))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(people.familyName))
    .limit(1000);
}

/** One person's own declarations in a meeting. */
export async function myDeclarations(meetingId: string, personId: string | null) {
  if (!personId) return [];
  return (await listDeclarations(meetingId)).filter((d) => d.personId === personId);
}

/**
 * The secretary decides a declaration. Confirming records the person's recusal from the item in the
 * minutes draft (claimed with its lock version like every minutes edit); rejecting records the note.
 * Both keep who and when on the declaration, in one transaction with the audit entry.
 */
export async function decideConflict(
  who: Who,
  meetingId: string,
  input: {
    declarationId: string;
    declarationLockVersion: number;
    decision: 'confirm' | 'reject';
    note?: string;
    minutes?: { versionId: string; lockVersion: number };
  },
  now = new Date(),
): Promise<ConflictOutcome> {
  const rollback = Symbol('rollback');
  let refused: ConflictOutcome | null = null;
  const refuse = (status: Exclude<ConflictOutcome['status'], 'ok'>) => {
    refused = { status } as ConflictOutcome;
    throw rollback;
  };
  try {
    return await frozenAware<ConflictOutcome>(
      () =>
        getDb().transaction(async (tx: Tx) => {
          const [row] = await tx
            .select({ declaration: conflictDeclarations })
            .from(conflictDeclarations)
            .innerJoin(agendaItems, eq(agendaItems.id, conflictDeclarations.agendaItemId))
            .where(
              and(
                eq(conflictDeclarations.id, input.declarationId),
                eq(agendaItems.meetingId, meetingId),
                eq(agendaItems.councilId, who.councilId),
              ),
            )
            .for('update', { of: conflictDeclarations });
          if (!row) return refuse('not_found');
          const d = row.declaration;
          if (d.status !== 'declared') return refuse('decided');
          if (d.lockVersion !== input.declarationLockVersion) return refuse('conflict');
          if (input.decision === 'confirm') {
            if (!input.minutes) return refuse('no_draft');
            const claimed = await claimDraft(tx, who, meetingId, input.minutes.versionId, input.minutes.lockVersion);
            if (claimed === 'not_found' || claimed === 'not_draft') return refuse('no_draft');
            if (claimed === 'frozen') return refuse('frozen');
            if (claimed === 'conflict') return refuse('conflict');
            if (typeof claimed === 'string') return refuse('no_draft');
            const [present] = await tx
              .select({ id: attendance.id })
              .from(attendance)
              .where(and(eq(attendance.versionId, input.minutes.versionId), eq(attendance.personId, d.personId)));
            if (!present) return refuse('not_attendee');
            await tx
              .insert(recusals)
              .values({
                versionId: input.minutes.versionId,
                agendaItemId: d.agendaItemId,
                personId: d.personId,
                reason: d.reason,
              })
              .onConflictDoNothing();
          }
          await tx
            .update(conflictDeclarations)
            .set({
              status: input.decision === 'confirm' ? 'confirmed' : 'rejected',
              decidedBy: who.actor.userId,
              decidedAt: now,
              decisionNote: input.note ?? null,
              lockVersion: sql`${conflictDeclarations.lockVersion} + 1`,
            })
            .where(eq(conflictDeclarations.id, d.id));
          await recordAudit(tx, who.actor, {
            action: input.decision === 'confirm' ? 'conflict.confirm' : 'conflict.reject',
            entityType: 'conflict_declaration',
            entityId: d.id,
            councilId: who.councilId,
            regionId: who.regionId,
            changes: {
              itemId: d.agendaItemId,
              personId: d.personId,
              status: ['declared', input.decision === 'confirm' ? 'confirmed' : 'rejected'],
              note: input.note ?? null,
              versionId: input.minutes?.versionId ?? null,
            },
          });
          return { status: 'ok' as const, id: d.id };
        }),
      { status: 'frozen' },
    );
  } catch (error) {
    if (error === rollback && refused) return refused;
    throw error;
  }
}
