import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client.server';
import { grantAppRole, roleOfUrl } from './roles';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'drizzle');

/**
 * Apply pending migrations. drizzle runs all pending migrations in one transaction, so a
 * failure leaves the database as it was.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    // Already up to date: nothing to do, so the least-privilege app role (which may not CREATE the
    // migrator's schema or table) can start on a database its owner migrated.
    if (await upToDate(database)) return;
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  // Cache invalidation triggers also on tables that later migrations added (db/sql/perf_cache_notify.sql).
  await database.db.execute(sql`SELECT neuvos_cache_install()`);
  // The job queue's schema (pg-boss) and queues, created as the same owner.
  const { ensureQueueSchema } = await import('../app/lib/queue/schema.server');
  await ensureQueueSchema(database);
}

/** Whether the newest migration of the journal is applied (drizzle's own rule: created_at >= its timestamp). */
async function upToDate(database: Database): Promise<boolean> {
  const { readFileSync } = await import('node:fs');
  const { sql } = await import('drizzle-orm');
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
  const newest = Math.max(...journal.entries.map((e) => e.when));
  try {
    const rows = (await database.db.execute(sql`select max(created_at)::bigint as at from drizzle.__drizzle_migrations`)) as unknown as Array<{ at: string | null }>;
    return rows[0]?.at != null && Number(rows[0].at) >= newest;
  } catch {
    return false;
  }
}

/**
 * Migrate for the running app. With MIGRATION_DATABASE_URL (the owner role) the migrations run
 * as the owner and the app role of DATABASE_URL is then granted row rights only; without it the
 * app's own connection migrates (one role: the embedded database, or a quick local PostgreSQL).
 */
export async function migrateForApp(database: Database): Promise<void> {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL?.trim();
  const appUrl = process.env.DATABASE_URL?.trim();
  if (!ownerUrl || !appUrl || database.kind !== 'postgres') return migrateDatabase(database);
  const { openPostgres } = await import('./client.server');
  const owner = await openPostgres(ownerUrl);
  try {
    await migrateDatabase(owner);
    await grantAppRole(owner, roleOfUrl(appUrl));
  } finally {
    await owner.close();
  }
}

// `npm run db:migrate`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { openFromEnv, DatabaseConfigError } = await import('./client.server');
  try {
    const database = await openFromEnv();
    await migrateForApp(database);
    await database.close();
    console.log('Migrations applied.');
  } catch (error) {
    console.error(error instanceof DatabaseConfigError ? error.message : `Migration failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
