import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { agendaItems, meetings, statements, type Statement } from '~db/schema';
import { diffChanges, recordAudit, type AuditActor } from '~/models/audit.server';
import { itemBelongsToCouncil, type StatementStatusName, type StatementTypeName } from '~/models/reports.server';

interface Scope {
  councilId: string;
  regionId: string;
  actor: AuditActor;
}

export interface StatementFields {
  type: StatementTypeName;
  issuedOn: string | null;
  recipient: string;
  title: string;
  body: string | null;
  approvedItemId: string | null;
  status: StatementStatusName;
  response: string | null;
  responseDate: string | null;
  /** Shown on the public register (never for drafts). */
  published: boolean;
}

const listColumns = {
  id: statements.id,
  type: statements.type,
  issuedOn: statements.issuedOn,
  recipient: statements.recipient,
  title: statements.title,
  body: statements.body,
  status: statements.status,
  response: statements.response,
  responseDate: statements.responseDate,
  publishedAt: statements.publishedAt,
  approvedItemId: statements.approvedItemId,
  itemTitle: agendaItems.title,
  itemSection: agendaItems.sectionNumber,
  meetingStartsAt: meetings.startsAt,
};

/** Every statement of a council, newest first (secretariat view: drafts included). */
export async function listStatements(councilId: string) {
  return getDb()
    .select({ ...listColumns, lockVersion: statements.lockVersion })
    .from(statements)
    .leftJoin(agendaItems, eq(agendaItems.id, statements.approvedItemId))
    .leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(statements.councilId, councilId))
    .orderBy(sql`${statements.issuedOn} desc nulls first`, desc(statements.createdAt));
}

/**
 * The public register: statements that were sent and marked published. The approving item's
 * title is only shown when the item itself is public. With `page`, one page and the total.
 */
export async function listPublicStatements(councilId: string, opts: { type?: StatementTypeName; limit?: number; offset?: number } = {}) {
  const where = and(
    eq(statements.councilId, councilId),
    ne(statements.status, 'draft'),
    isNotNull(statements.publishedAt),
    opts.type ? eq(statements.type, opts.type) : undefined,
  );
  let query = getDb()
    .select({ ...listColumns, itemPublicity: agendaItems.publicity })
    .from(statements)
    .leftJoin(agendaItems, eq(agendaItems.id, statements.approvedItemId))
    .leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(where)
    .orderBy(desc(statements.issuedOn), desc(statements.createdAt), desc(statements.id))
    .$dynamic();
  if (opts.limit !== undefined) query = query.limit(opts.limit).offset(opts.offset ?? 0);
  const rows = await query;
  return rows.map(({ itemPublicity, ...row }) =>
    itemPublicity === 'public' ? row : { ...row, approvedItemId: null, itemTitle: null, itemSection: null, meetingStartsAt: null },
  );
}

/** How many statements the public register of a council holds (of one type). */
export async function countPublicStatements(councilId: string, type?: StatementTypeName) {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(statements)
    .where(and(eq(statements.councilId, councilId), ne(statements.status, 'draft'), isNotNull(statements.publishedAt), type ? eq(statements.type, type) : undefined));
  return Number(row?.n ?? 0);
}

export type StatementRow = Awaited<ReturnType<typeof listStatements>>[number];
export type StatementResult = 'ok' | 'not_found' | 'conflict' | 'item_not_found';

function columns(fields: StatementFields, before: Pick<Statement, 'publishedAt'> | null, now: Date) {
  const { published, ...rest } = fields;
  return { ...rest, publishedAt: published && fields.status !== 'draft' ? before?.publishedAt ?? now : null };
}

/** Add a statement, position or initiative to the register. */
export async function createStatement(input: Scope & StatementFields & { now?: Date }): Promise<StatementResult> {
  if (input.approvedItemId && !(await itemBelongsToCouncil(input.councilId, input.approvedItemId))) return 'item_not_found';
  const values = columns(input, null, input.now ?? new Date());
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(statements)
      .values({ councilId: input.councilId, ...values })
      .returning({ id: statements.id });
    await recordAudit(tx, input.actor, {
      action: 'statement.create',
      entityType: 'statement',
      entityId: row!.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { type: input.type, title: input.title, status: input.status },
    });
    return 'ok' as const;
  });
}

/** Edit a statement (optimistic locking): record the county's response, publish, correct. */
export async function updateStatement(input: Scope & StatementFields & { id: string; lockVersion: number; now?: Date }): Promise<StatementResult> {
  if (input.approvedItemId && !(await itemBelongsToCouncil(input.councilId, input.approvedItemId))) return 'item_not_found';
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(statements).where(and(eq(statements.id, input.id), eq(statements.councilId, input.councilId)));
    if (!before) return 'not_found' as const;
    const after = columns(input, before, input.now ?? new Date());
    const updated = await tx
      .update(statements)
      .set({ ...after, updatedAt: new Date(), lockVersion: sql`${statements.lockVersion} + 1` })
      .where(and(eq(statements.id, before.id), eq(statements.lockVersion, input.lockVersion)))
      .returning({ id: statements.id });
    if (updated.length === 0) return 'conflict' as const;
    await recordAudit(tx, input.actor, {
      action: 'statement.update',
      entityType: 'statement',
      entityId: before.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: diffChanges(before, after),
    });
    return 'ok' as const;
  });
}
