/**
 * `npx tsx scripts/queue-cost.ts`: what the job queue costs on the embedded PGlite: start-up
 * time of pg-boss with its workers, and idle CPU over a window with and without it.
 */
import { openPglite, setDatabase } from '../db/client.server';
import { migrateDatabase } from '../db/migrate';

const WINDOW_MS = Number(process.env.WINDOW_MS ?? 30_000);

async function idleCpu(): Promise<number> {
  const start = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const used = process.cpuUsage(start);
  return ((used.user + used.system) / 1000 / (performance.now() - t0)) * 100;
}

const database = await openPglite();
await migrateDatabase(database);
setDatabase(database);
const without = await idleCpu();
const { startQueue, stopQueue } = await import('../app/lib/queue/queue.server');
const { startedInMs } = await startQueue({ database });
const withQueue = await idleCpu();
await stopQueue({ timeoutMs: 2000 });
await database.close();
console.log(JSON.stringify({ startedInMs, idleCpuPercentWithout: +without.toFixed(2), idleCpuPercentWithQueue: +withQueue.toFixed(2), windowMs: WINDOW_MS }));
process.exit(0);
