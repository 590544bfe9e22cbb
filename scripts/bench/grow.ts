/**
 * Grow the database in place: every domain table is copied (factor - 1) times with INSERT … SELECT
 * over generate_series, so a 100× data set takes a few dozen statements. Foreign keys stay intact by
 * construction: every uuid is mapped with the same function (md5 of the old id, the round and the
 * copy number), so a child's copy points at its parent's copy; uuids pointing into tables that are not
 * copied (regions) keep their value. Unique text columns get a suffix. Triggers (freezing approved
 * records, cache notifications, foreign key checks) are off for the session while copying, as in a
 * restore; the cache is emptied by the caller.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.server';

/** Reference data and private bookkeeping: not multiplied. */
const NOT_COPIED = new Set([
  'regions', 'sessions', 'auth_tokens', 'rate_limit_events', 'mail_messages', 'audit_log', 'feedback_messages',
  'meeting_reminders', 'milestone_reminders', 'calendar_feed_tokens',
  // Fingerprints of rendered files and private mail bookkeeping: not public data that grows with councils.
  'document_fingerprints', 'email_subscriptions', 'mail_opt_outs', 'unsubscribe_links', 'extract_sendings',
]);

interface Column {
  name: string;
  type: string;
  generated: boolean;
  identity: boolean;
  references: string | null;
}

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Multiply every domain table by `factor`; `round` keeps ids of successive growths distinct. */
export async function growDatabase(database: Database, factor: number, round: number): Promise<{ tables: number; rows: number }> {
  if (!Number.isInteger(factor) || factor < 2 || factor > 1000) throw new Error('grow factor must be an integer 2–1000');
  const tables = (
    await rows<{ name: string }>(database, sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`)
  )
    .map((r) => r.name)
    .filter((t) => !NOT_COPIED.has(t));
  const statements: string[] = [];
  for (const table of tables) {
    const columns = await rows<Column>(
      database,
      sql`SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated <> '' AS generated,
                 a.attidentity <> '' AS identity,
                 (SELECT rc.relname FROM pg_constraint k JOIN pg_class rc ON rc.oid = k.confrelid
                   WHERE k.conrelid = a.attrelid AND k.contype = 'f' AND a.attnum = ANY (k.conkey) LIMIT 1) AS references
          FROM pg_attribute a WHERE a.attrelid = ${table}::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    );
    const uniqueDefs = (
      await rows<{ def: string }>(database, sql`SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i WHERE i.indrelid = ${table}::regclass AND i.indisunique`)
    ).map((r) => r.def);
    const targets: string[] = [];
    const values: string[] = [];
    for (const c of columns) {
      if (c.generated || c.identity) continue;
      const col = `t.${ident(c.name)}`;
      let value = col;
      if (c.type === 'uuid' && !(c.references && NOT_COPIED.has(c.references))) {
        value = `CASE WHEN ${col} IS NULL THEN NULL ELSE md5(${col}::text || ':${round}:' || g.k)::uuid END`;
      } else if (/^(text|character varying|citext)/.test(c.type) && uniqueDefs.some((d) => new RegExp(`[("\\s,]${c.name}[)"\\s,]`).test(d))) {
        value = /email/.test(c.name)
          ? `regexp_replace(${col}, '@', '+g${round}x' || g.k || '@')`
          : `${col} || '-g${round}x' || g.k`;
      }
      targets.push(ident(c.name));
      values.push(value);
    }
    statements.push(
      `INSERT INTO ${ident(table)} (${targets.join(', ')}) SELECT ${values.join(', ')} FROM ${ident(table)} t CROSS JOIN generate_series(1, ${factor - 1}) AS g(k)`,
    );
  }
  let inserted = 0;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    for (const statement of statements) {
      const result = (await tx.execute(sql.raw(statement))) as unknown as { count?: number; affectedRows?: number };
      inserted += Number(result.count ?? result.affectedRows ?? 0);
    }
  });
  await database.db.execute(sql`ANALYZE`);
  return { tables: statements.length, rows: inserted };
}
