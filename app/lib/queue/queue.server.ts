/**
 * The job queue (pg-boss 10) on the app's own database. On PostgreSQL pg-boss keeps its own
 * small connection pool; on the embedded PGlite it shares the one PGlite client through an
 * adapter. Jobs are enqueued with `enqueue(tx, …)` inside the transaction of the change that
 * causes them, so both commit or neither does.
 *
 * One instance per process, through globalThis (the start script and the server bundle load
 * this module separately). Nothing starts on import.
 */
import PgBoss from 'pg-boss';
import type { Database, Executor } from '~db/client.server';
import { drizzleAdapter, pgliteAdapter } from './sql-adapter.server';
import { ALL_QUEUES, QUEUE_SCHEMA, type QueueDefinition } from './queues';
import { isConnectionLoss, retryWrite } from './retry-write.server';

export type JobHandler = (job: PgBoss.JobWithMetadata<Record<string, unknown>>) => Promise<unknown>;

export interface StartQueueOptions {
  database: Database;
  /** Run workers (take jobs). Default true; false gives a queue that only enqueues and schedules nothing. */
  work?: boolean;
  /** How often an idle worker asks for mail jobs (seconds). Default 2 on PostgreSQL, 5 on PGlite. */
  mailPollSeconds?: number;
  /** Handlers by queue name; the default is the app's own (app/lib/queue/handlers.server.ts). */
  handlers?: Map<string, JobHandler>;
}

interface QueueState {
  boss: PgBoss;
  database: Database;
  working: boolean;
  workerIds: Map<string, string[]>;
  startedInMs: number;
}

const key = Symbol.for('neuvos.queue');
type WithQueue = typeof globalThis & { [key]?: QueueState };

function state(): QueueState | undefined {
  return (globalThis as WithQueue)[key];
}

/** Only for building send commands: never started, never connects. */
let sender: PgBoss | null = null;
function senderBoss(): PgBoss {
  sender ??= new PgBoss({
    db: { executeSql: () => Promise.reject(new Error('enqueue needs a transaction')) },
    schema: QUEUE_SCHEMA,
  });
  return sender;
}

export interface EnqueueOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job with this key (per queue) at a time. */
  singletonKey?: string;
}

/**
 * Adds a job within the caller's transaction (or on the database, for a one-statement change).
 * Returns the job id; throws when the queue does not exist (the migration step creates them).
 */
export async function enqueue(executor: Executor, queue: QueueDefinition | string, data: object, options: EnqueueOptions = {}): Promise<string | null> {
  const name = typeof queue === 'string' ? queue : queue.name;
  const id = await senderBoss().send(name, data, {
    db: drizzleAdapter(executor),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  });
  if (id === null && !options.singletonKey) throw new Error(`Queue ${name} refused the job (does the queue exist? run the migrations)`);
  return id;
}

/** Cancels a queued job (e.g. a scheduled publication the secretary took back), within the transaction. */
export async function cancelJob(executor: Executor, queue: QueueDefinition | string, jobId: string): Promise<void> {
  const name = typeof queue === 'string' ? queue : queue.name;
  await senderBoss().cancel(name, jobId, { db: drizzleAdapter(executor) });
}

/** Wakes this process's idle workers of a queue at once (after a commit that enqueued jobs). */
export function wakeWorkers(queue: QueueDefinition | string): void {
  const s = state();
  if (!s?.working) return;
  const name = typeof queue === 'string' ? queue : queue.name;
  for (const id of s.workerIds.get(name) ?? []) s.boss.notifyWorker(id);
}

/** True when this process runs queue workers. */
export function isQueueWorking(): boolean {
  return state()?.working ?? false;
}

/**
 * Starts pg-boss: its maintenance (expired jobs back to retry, archiving), the cron schedules
 * of the periodic queues, and one worker per queue. Safe to call once per process.
 */
export async function startQueue(options: StartQueueOptions): Promise<{ startedInMs: number }> {
  const existing = state();
  if (existing) return { startedInMs: existing.startedInMs };
  const t0 = performance.now();
  const { database } = options;
  const work = options.work ?? true;
  const pglite = database.kind === 'pglite';
  const connection: PgBoss.ConstructorOptions =
    pglite
      ? { db: pgliteAdapter(database.pglite!) }
      : { connectionString: database.url, max: Number(process.env.QUEUE_POOL_SIZE ?? 3), application_name: 'neuvos-queue' };
  const boss = new PgBoss({
    ...connection,
    schema: QUEUE_SCHEMA,
    migrate: false,
    supervise: work,
    schedule: work,
    // Idle cost: on PGlite every poll is a query on the one shared connection. Maintenance puts
    // the jobs of a worker that died (expired while active) back for retry.
    maintenanceIntervalSeconds: Number(process.env.QUEUE_MAINTENANCE_SECONDS) || (pglite ? 300 : 120),
    cronMonitorIntervalSeconds: 30,
    cronWorkerIntervalSeconds: pglite ? 30 : 10,
    clockMonitorIntervalMinutes: 10,
    archiveCompletedAfterSeconds: 12 * 3600,
    deleteAfterDays: 7,
  });
  boss.on('error', (error: Error) => console.warn(`[queue] ${error.message}`));
  if (!pglite) surviveDatabaseRestarts(boss);
  await boss.start();
  const s: QueueState = { boss, database, working: work, workerIds: new Map(), startedInMs: 0 };
  if (work) {
    const handlers = options.handlers ?? (await import('./handlers.server')).defaultHandlers();
    const mailPoll = options.mailPollSeconds ?? (pglite ? 5 : 2);
    for (const queue of ALL_QUEUES) {
      const handler = handlers.get(queue.name);
      if (!handler) continue;
      const id = await boss.work<Record<string, unknown>>(
        queue.name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: queue.name === 'mail.send' ? mailPoll : 30 },
        async ([job]) => (job ? handler(job) : undefined),
      );
      s.workerIds.set(queue.name, [id]);
      if (queue.cron) await boss.schedule(queue.name, queue.cron, {}, { tz: 'Europe/Helsinki' });
    }
  }
  s.startedInMs = Math.round(performance.now() - t0);
  (globalThis as WithQueue)[key] = s;
  return { startedInMs: s.startedInMs };
}

/**
 * pg-boss 10 completes or fails a job after its handler without awaiting the call, so a
 * database restart at that moment was an unhandled rejection (the process would exit). Its
 * statements are retried here while the connection is lost or refused (about two minutes), so a
 * restart of the database only pauses the workers. Every statement pg-boss sends is safe to
 * repeat for us: a job fetched twice is expired and retried, and every handler is idempotent.
 */
function surviveDatabaseRestarts(boss: PgBoss): void {
  const db = boss.getDb() as { executeSql: (text: string, values?: unknown[]) => Promise<unknown> };
  const inner = db.executeSql.bind(db);
  db.executeSql = (text, values) => retryWrite(() => inner(text, values), undefined, isConnectionLoss);
}

/**
 * Stops taking jobs, waits up to `timeoutMs` for running ones to finish, then stops pg-boss
 * (its own PostgreSQL pool is closed; the shared PGlite is left open for the caller).
 */
export async function stopQueue(options: { timeoutMs?: number } = {}): Promise<void> {
  const s = state();
  if (!s) return;
  (globalThis as WithQueue)[key] = undefined;
  await new Promise<void>((resolve) => {
    s.boss.once('stopped', () => resolve());
    s.boss.stop({ graceful: true, timeout: options.timeoutMs ?? 30_000, close: true }).catch(() => resolve());
  });
}

/** The running pg-boss, for tests and the admin's queue view. */
export function runningBoss(): PgBoss | null {
  return state()?.boss ?? null;
}

/**
 * Runs the jobs of one queue that are due now, in this process, without a started pg-boss:
 * fetch, run the handler, complete or fail (a failure is retried later with the queue's
 * backoff). For tests and one-off maintenance. Returns the number of jobs run.
 */
export async function runQueuedJobs(
  executor: Executor,
  queue: QueueDefinition | string,
  options: { handler?: JobHandler; max?: number } = {},
): Promise<{ ran: number; failed: number }> {
  const name = typeof queue === 'string' ? queue : queue.name;
  const handler = options.handler ?? (await import('./handlers.server')).defaultHandlers().get(name);
  if (!handler) throw new RangeError(`No handler for queue ${name}`);
  const db = drizzleAdapter(executor);
  const boss = senderBoss();
  let ran = 0;
  let failed = 0;
  for (let i = 0; i < (options.max ?? 1000); i += 1) {
    const [job] = await boss.fetch<Record<string, unknown>>(name, { batchSize: 1, includeMetadata: true, db });
    if (!job) break;
    ran += 1;
    try {
      const output = await handler(job);
      await boss.complete(name, job.id, output && typeof output === 'object' ? output : {}, { db });
    } catch (error) {
      failed += 1;
      await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) }, { db });
    }
  }
  return { ran, failed };
}
