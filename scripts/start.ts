/**
 * `npm start`: build if the sources changed, open the database (PGlite in ./data unless
 * DATABASE_URL is set), apply migrations, load demo data on the embedded database's first
 * run, and serve the app.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseConfigError, openFromEnv, setDatabase } from '../db/client.server';
import { migrateForApp } from '../db/migrate';
import { originConfigProblem } from '../app/lib/config.server';
import { getLogger } from '../app/lib/log.server';
import { StorageConfigError, storageFromEnv } from '../app/lib/storage.server';
import { onShutdown } from '../app/lib/shutdown.server';
import { installGracefulShutdown } from './lifecycle';
import { createApp } from './server';

process.env.NODE_ENV ??= 'production';
const root = process.cwd();
const buildFile = path.join(root, 'build', 'index.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const sourceTime = Math.max(newestMtime(path.join(root, 'app')), statSync(path.join(root, 'remix.config.js')).mtimeMs);
  if (existsSync(buildFile) && statSync(buildFile).mtimeMs >= sourceTime) return;
  console.log('Building the app…');
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'remix'), ['build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error('Build failed.');
    process.exit(1);
  }
}

async function main() {
  const originProblem = originConfigProblem();
  if (originProblem) {
    console.error(originProblem);
    process.exit(1);
  }
  try {
    storageFromEnv();
  } catch (error) {
    console.error(error instanceof StorageConfigError ? error.message : String(error));
    process.exit(1);
  }
  if (!process.argv.includes('--no-build')) buildIfNeeded();
  const t0 = Date.now();
  let database;
  try {
    database = await openFromEnv();
    await migrateForApp(database);
  } catch (error) {
    if (error instanceof DatabaseConfigError) console.error(error.message);
    else console.error(`Database start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  setDatabase(database);

  let seeded: { emails: string[]; password: string } | null = null;
  if (database.kind === 'pglite') {
    const { seedDemoIfEmpty } = await import('../db/seed-demo');
    seeded = await seedDemoIfEmpty(database);
    // PGlite has no autovacuum: give the planner statistics (search uses trigram indexes).
    await database.pglite?.exec('ANALYZE');
  }

  // The job queue's workers (mail, reminders) in this process unless WORKER=0 (then run
  // `npm run worker` separately; the web still enqueues). Stopped at shutdown after the server.
  const { startWorkerFromEnv } = await import('./worker');
  const stopJobs = await startWorkerFromEnv(database);
  onShutdown('queue', stopJobs);

  const app = await createApp();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  const server = app.listen(port, host, () => {
    const where = database.kind === 'pglite' ? 'embedded PGlite in ./data' : 'PostgreSQL (DATABASE_URL)';
    console.log(`Neuvos is running at http://localhost:${port} (database: ${where}, ready in ${Date.now() - t0} ms)`);
    if (seeded) {
      console.log(`Demo accounts (password: ${seeded.password}):`);
      for (const email of seeded.emails) console.log(`  ${email}`);
    }
  });
  installGracefulShutdown(server, { closeDatabase: () => database.close() });
  getLogger().info({ port, database: database.kind }, 'listening');
}

void main();
