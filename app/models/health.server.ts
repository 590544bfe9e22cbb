import { readFileSync } from 'node:fs';
import path from 'node:path';
import { count, max } from 'drizzle-orm';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import { getDb } from '~db/client.server';
import { MIGRATIONS_FOLDER } from '~db/migrate';

// drizzle's own bookkeeping table, declared here (not in db/schema) so drizzle-kit never manages it.
const migrationsTable = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});

let journal: number[] | null = null;
/** The `when` of every migration this build ships, from drizzle/meta/_journal.json. */
function shippedMigrations(): number[] {
  journal ??= (JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> }).entries.map(
    (e) => e.when,
  );
  return journal;
}

export type Readiness =
  | { ready: true; database: 'ok'; migrations: 'current' }
  | { ready: false; database: 'ok'; migrations: 'pending'; pending: number }
  | { ready: false; database: 'unreachable'; migrations: 'unknown'; reason: string };

/**
 * Whether this instance can serve: the database answers and every migration this build ships has
 * been applied (drizzle applies those newer than the last one recorded, so that is the test).
 */
export async function checkReadiness(timeoutMs = 3000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const [row] = await Promise.race([
      getDb().select({ last: max(migrationsTable.createdAt), n: count() }).from(migrationsTable),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database did not answer in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    const last = Number(row?.last ?? 0);
    const pending = shippedMigrations().filter((when) => when > last).length;
    return pending === 0 ? { ready: true, database: 'ok', migrations: 'current' } : { ready: false, database: 'ok', migrations: 'pending', pending };
  } catch (error) {
    // A missing bookkeeping table means nothing was ever migrated; anything else is unreachable.
    const reason = error instanceof Error ? error.message : String(error);
    // drizzle wraps the driver's error; its SQLSTATE says "no such table/schema": nothing migrated.
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === '42P01' || code === '3F000') {
      return { ready: false, database: 'ok', migrations: 'pending', pending: shippedMigrations().length };
    }
    return { ready: false, database: 'unreachable', migrations: 'unknown', reason };
  } finally {
    clearTimeout(timer);
  }
}
