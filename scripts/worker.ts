/**
 * `npm run worker`: only the job queue (mail, reminders, series, scheduled publication), no web
 * server. Needs DATABASE_URL: the embedded PGlite belongs to the one `npm start` process, which
 * runs the workers itself. Migrations are the web's (or `npm run db:migrate`'s) job.
 *
 * `startWorkerFromEnv` is also what `npm start` uses: WORKER=0 leaves the workers out of a web process.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/client.server';

/** Starts the queue workers unless WORKER=0 (or the older NEUVOS_JOBS=off); returns a stop function. */
export async function startWorkerFromEnv(database: Database): Promise<() => Promise<void>> {
  if (process.env.WORKER === '0' || process.env.NEUVOS_JOBS === 'off') return async () => {};
  const { startQueue, stopQueue } = await import('../app/lib/queue/queue.server');
  const { startedInMs } = await startQueue({ database, work: true });
  console.log(`Job queue started in ${startedInMs} ms (workers in this process).`);
  return () => stopQueue({ timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000) });
}

async function main() {
  process.env.NODE_ENV ??= 'production';
  const { DatabaseConfigError, openFromEnv, setDatabase } = await import('../db/client.server');
  if (!process.env.DATABASE_URL?.trim()) {
    console.error('npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database, npm start runs the workers.');
    process.exit(1);
  }
  let database: Database;
  try {
    database = await openFromEnv();
  } catch (error) {
    console.error(error instanceof DatabaseConfigError ? error.message : `Database start-up failed: ${(error as Error).message}`);
    process.exit(1);
  }
  setDatabase(database);
  delete process.env.WORKER;
  let stop: () => Promise<void>;
  try {
    stop = await startWorkerFromEnv(database);
  } catch (error) {
    console.error(`Job queue start-up failed (run npm run db:migrate first?): ${(error as Error).message}`);
    await database.close();
    process.exit(1);
  }
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // Finish the running jobs (pg-boss waits for them), then close the database.
    void stop()
      .catch(() => {})
      .finally(() => void database.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000) + 5_000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
