/**
 * The queue's tables live in their own schema (pgboss), created and upgraded by the migration
 * step as the database owner, like drizzle's own migrations. The running app starts pg-boss
 * with `migrate: false`, so it needs no CREATE rights.
 */
import PgBoss from 'pg-boss';
import type { Database } from '~db/client.server';
import { pgliteAdapter, type SqlAdapter } from './sql-adapter.server';
import { ALL_QUEUES, PGBOSS_INTERNAL_QUEUES, QUEUE_SCHEMA } from './queues';

/** Runs SQL (possibly several statements without parameters) as the migration's owner connection. */
async function ownerAdapter(database: Database): Promise<{ adapter: SqlAdapter; close: () => Promise<void> }> {
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('PGlite database without its client');
    return { adapter: pgliteAdapter(database.pglite), close: async () => {} };
  }
  if (!database.url) throw new Error('PostgreSQL database without its URL');
  const { default: postgres } = await import('postgres');
  const client = postgres(database.url, { max: 1, onnotice: () => {} });
  return {
    adapter: {
      async executeSql(text, values) {
        const rows =
          values && values.length > 0
            ? // postgres.js serialises objects for json parameters itself (unlike drizzle's client).
              await client.unsafe(text, values as never[])
            : await client.unsafe(text).simple();
        // A simple-protocol query with several statements answers with one result per statement.
        const last = Array.isArray(rows) && Array.isArray(rows.at(-1)) ? rows.at(-1) : rows;
        return { rows: [...(last as unknown as unknown[])] };
      },
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Creates or upgrades the pg-boss schema and the app's queues (with their retry policies). */
export async function ensureQueueSchema(database: Database): Promise<void> {
  const { adapter, close } = await ownerAdapter(database);
  try {
    const boss = new PgBoss({ db: adapter, schema: QUEUE_SCHEMA });
    if (!(await boss.isInstalled())) {
      await adapter.executeSql(PgBoss.getConstructionPlans(QUEUE_SCHEMA));
    } else {
      const version = await boss.schemaVersion();
      let plan: string | null = null;
      try {
        // Every migration from the installed version up to this pg-boss's; none when current.
        plan = version === null ? null : PgBoss.getMigrationPlans(QUEUE_SCHEMA, version as unknown as string);
      } catch {
        plan = null;
      }
      if (plan) await adapter.executeSql(plan);
    }
    const existing = new Set(((await boss.getQueues()) as Array<{ name: string }>).map((q) => q.name));
    for (const name of PGBOSS_INTERNAL_QUEUES) if (!existing.has(name)) await boss.createQueue(name);
    for (const queue of ALL_QUEUES) {
      const options = {
        name: queue.name,
        policy: queue.policy,
        retryLimit: queue.retryLimit,
        retryDelay: queue.retryDelay,
        retryBackoff: queue.retryBackoff,
        expireInSeconds: queue.expireInSeconds,
      };
      if (existing.has(queue.name)) await boss.updateQueue(queue.name, options);
      else await boss.createQueue(queue.name, options);
    }
  } finally {
    await close();
  }
}
