import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { agendaItems, councils, meetings, statements, statementSteps, type Statement } from '~db/schema';
import type { Executor } from '~db/client.server';
import i18nServer from '~/i18n.server';
import { appOrigin } from '~/lib/config.server';
import { formatDate, todayInHelsinki } from '~/lib/dates';
import { queueMail } from '~/lib/mail.server';
import { wakeWorkers } from '~/lib/queue/queue.server';
import { MAIL_QUEUE } from '~/lib/queue/queues';
import { diffChanges, recordAudit, type AuditActor } from '~/models/audit.server';
import { secretariesOf, type Recipient } from '~/models/cycle.server';
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
  /** Swedish and English versions (councils that use them; the route refuses the others). */
  titleSv?: string | null;
  titleEn?: string | null;
  bodySv?: string | null;
  bodyEn?: string | null;
  approvedItemId: string | null;
  status: StatementStatusName;
  response: string | null;
  responseDate: string | null;
  /** Shown on the public register (never for drafts). */
  published: boolean;
  /** The influence trace: the receiving body's case number and link, the expected response date, the outcome. */
  caseNumber: string | null;
  caseUrl: string | null;
  responseDueOn: string | null;
  outcome: InfluenceOutcomeName;
  /** Handling steps at the receiving body, oldest first; saving replaces them all. */
  steps: StatementStep[];
}

export type InfluenceOutcomeName = Statement['outcome'];
export interface StatementStep {
  happenedOn: string;
  description: string;
}

const listColumns = {
  id: statements.id,
  type: statements.type,
  issuedOn: statements.issuedOn,
  recipient: statements.recipient,
  title: statements.title,
  body: statements.body,
  titleSv: statements.titleSv,
  titleEn: statements.titleEn,
  bodySv: statements.bodySv,
  bodyEn: statements.bodyEn,
  status: statements.status,
  response: statements.response,
  responseDate: statements.responseDate,
  publishedAt: statements.publishedAt,
  approvedItemId: statements.approvedItemId,
  caseNumber: statements.caseNumber,
  caseUrl: statements.caseUrl,
  responseDueOn: statements.responseDueOn,
  outcome: statements.outcome,
  itemTitle: agendaItems.title,
  itemSection: agendaItems.sectionNumber,
  meetingStartsAt: meetings.startsAt,
};

/** Every statement of a council, newest first (secretariat view: drafts included). */
export async function listStatements(councilId: string) {
  const rows = await getDb()
    .select({ ...listColumns, lockVersion: statements.lockVersion })
    .from(statements)
    .leftJoin(agendaItems, eq(agendaItems.id, statements.approvedItemId))
    .leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(statements.councilId, councilId))
    .orderBy(sql`${statements.issuedOn} desc nulls first`, desc(statements.createdAt))
    .limit(2000);
  return withSteps(rows);
}

/** The handling steps of these statements, oldest first, grouped by statement. */
export async function listSteps(statementIds: string[], db: Executor = getDb()): Promise<Map<string, StatementStep[]>> {
  const out = new Map<string, StatementStep[]>();
  if (statementIds.length === 0) return out;
  const rows = await db
    .select({ statementId: statementSteps.statementId, happenedOn: statementSteps.happenedOn, description: statementSteps.description })
    .from(statementSteps)
    .where(inArray(statementSteps.statementId, statementIds))
    .orderBy(asc(statementSteps.position));
  for (const { statementId, ...step } of rows) out.set(statementId, [...(out.get(statementId) ?? []), step]);
  return out;
}

async function withSteps<T extends { id: string }>(rows: T[]): Promise<Array<T & { steps: StatementStep[] }>> {
  const steps = await listSteps(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, steps: steps.get(r.id) ?? [] }));
}

async function replaceSteps(tx: Executor, statementId: string, steps: StatementStep[]) {
  await tx.delete(statementSteps).where(eq(statementSteps.statementId, statementId));
  if (steps.length > 0) await tx.insert(statementSteps).values(steps.map((step, i) => ({ statementId, position: i + 1, ...step })));
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
  // Unpaged callers (the public register page, the influence page) get at most 2,000 entries.
  query = query.limit(opts.limit ?? 2000).offset(opts.offset ?? 0);
  const rows = await query;
  return withSteps(
    rows.map(({ itemPublicity, ...row }) =>
      itemPublicity === 'public' ? row : { ...row, approvedItemId: null, itemTitle: null, itemSection: null, meetingStartsAt: null },
    ),
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
  const { published, steps: _steps, ...rest } = fields;
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
    await replaceSteps(tx, row!.id, input.steps);
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
      .set({
        ...after,
        // A new due date (or none) re-arms the overdue reminder.
        ...(after.responseDueOn !== before.responseDueOn ? { overdueRemindedAt: null } : {}),
        updatedAt: new Date(),
        lockVersion: sql`${statements.lockVersion} + 1`,
      })
      .where(and(eq(statements.id, before.id), eq(statements.lockVersion, input.lockVersion)))
      .returning({ id: statements.id });
    if (updated.length === 0) return 'conflict' as const;
    const stepsBefore = (await listSteps([before.id], tx)).get(before.id) ?? [];
    await replaceSteps(tx, before.id, input.steps);
    const stepsChanged = JSON.stringify(stepsBefore) !== JSON.stringify(input.steps);
    await recordAudit(tx, input.actor, {
      action: 'statement.update',
      entityType: 'statement',
      entityId: before.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { ...diffChanges(before, after), ...(stepsChanged ? { steps: { from: stepsBefore, to: input.steps } } : {}) },
    });
    return 'ok' as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Overdue responses (queue cron.statement-overdue)

/**
 * Emails the council's secretaries once per statement whose expected response date has passed
 * with no response recorded. The reminder is claimed (overdue_reminded_at) in the same
 * transaction as its queued messages, so a second run, or a run on another instance, sends
 * nothing more. A new due date re-arms it (updateStatement).
 */
export async function sendOverdueStatementReminders(now: Date = new Date()) {
  const db = getDb();
  const today = todayInHelsinki(now);
  const due = await db
    .select({
      id: statements.id,
      councilId: statements.councilId,
      title: statements.title,
      responseDueOn: statements.responseDueOn,
      nameFi: councils.nameFi,
      nameSv: councils.nameSv,
      nameEn: councils.nameEn,
    })
    .from(statements)
    .innerJoin(councils, eq(councils.id, statements.councilId))
    .where(
      and(
        eq(statements.status, 'sent'),
        isNull(statements.response),
        isNull(statements.overdueRemindedAt),
        isNotNull(statements.responseDueOn),
        lt(statements.responseDueOn, today),
      ),
    )
    .orderBy(asc(statements.responseDueOn))
    .limit(500);
  if (due.length === 0) return { claimed: 0, sent: 0 };
  const recipients = await secretariesOf([...new Set(due.map((d) => d.councilId))], [], today);
  const origin = appOrigin();
  let claimed = 0;
  let sent = 0;
  for (const statement of due) {
    const targets = new Map<string, Recipient>();
    for (const r of recipients) if (r.councilId === statement.councilId && !targets.has(r.email)) targets.set(r.email, r);
    const queued = await db.transaction(async (tx) => {
      const rows = await tx
        .update(statements)
        .set({ overdueRemindedAt: now })
        .where(and(eq(statements.id, statement.id), isNull(statements.overdueRemindedAt)))
        .returning({ id: statements.id });
      if (rows.length === 0) return null;
      for (const r of targets.values()) {
        const t = await i18nServer.getFixedT(r.locale, 'common');
        const council = (r.locale === 'sv' ? statement.nameSv : r.locale === 'en' ? statement.nameEn : null) || statement.nameFi;
        await queueMail(tx, {
          to: r.email,
          subject: t('plans.statements.errors.overdueSubject', { title: statement.title }),
          text: t('plans.statements.errors.overdueText', {
            title: statement.title,
            council,
            due: formatDate(statement.responseDueOn!, r.locale),
            url: `${origin}/manage/councils/${r.councilSlug}/statements`,
          }),
          councilId: statement.councilId,
          kind: 'statement_overdue',
          locale: r.locale,
        });
      }
      return targets.size;
    });
    if (queued === null) continue;
    claimed += 1;
    sent += queued;
  }
  if (sent > 0) wakeWorkers(MAIL_QUEUE);
  return { claimed, sent };
}
