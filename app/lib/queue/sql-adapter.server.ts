/**
 * pg-boss talks to the database through `executeSql(text, values)`. These adapters let it run
 * on the embedded PGlite, and inside an open drizzle transaction (so a job commits or rolls
 * back with the change that caused it).
 */
import type { PGlite } from '@electric-sql/pglite';
import { SQL, sql } from 'drizzle-orm';
import type { Executor } from '~db/client.server';

export interface SqlAdapter {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** pg-boss hands plain objects for jsonb parameters; the pg driver would stringify them, so do the same. */
function param(value: unknown): unknown {
  if (value === undefined) return null;
  // Arrays (job ids for `($n)::uuid[]`) as an array literal: drizzle would expand a JS array into a list.
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

/** Rewrites `$1 … $n` placeholders into a drizzle SQL object (drizzle numbers its own parameters). */
export function toDrizzleSql(text: string, values: unknown[] = []): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= values.length) continue;
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${sql.param(param(values[index]))}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks, sql.raw(''));
}

/** An adapter bound to a drizzle executor (the database or an open transaction). */
export function drizzleAdapter(executor: Executor): SqlAdapter {
  return {
    async executeSql(text, values) {
      const result = (await executor.execute(toDrizzleSql(text, values ?? []))) as unknown;
      // postgres.js returns the rows as an array; PGlite returns { rows }.
      const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
      return { rows };
    },
  };
}

/** pg-boss's own connection on the embedded database: PGlite serialises every query itself. */
export function pgliteAdapter(pglite: PGlite): SqlAdapter {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await pglite.query(text, values.map(param));
        return { rows: result.rows as unknown[] };
      }
      // Without parameters pg-boss may send several statements (its schema plans).
      const results = await pglite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as unknown[] };
    },
  };
}
