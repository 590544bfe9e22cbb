import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a model function can run queries on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /**
   * Listen for NOTIFY on a channel on a dedicated connection. `onListen` runs on every (re)connect:
   * notifications may have been missed while disconnected. Resolves to an unsubscribe function.
   */
  listen: (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => Promise<() => Promise<void>>;
  /** The PGlite instance, for tests that dump or clone it. */
  pglite?: PGlite;
  /** The PostgreSQL URL, for connections of their own (the job queue, the migration step). */
  url?: string;
}

/** Counts every query the app sends; benchmarks and query-count tests read it. */
export const queryCounter = { count: 0 };
const countingLogger: Logger = {
  logQuery() {
    queryCounter.count += 1;
  },
};

export const DEFAULT_DATA_DIR = path.resolve(process.cwd(), 'data', 'pglite');

/** Thrown with a one-line, user-facing message when the database cannot be reached. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

/** Open PostgreSQL through postgres.js. Fails fast with a one-line message when unreachable. */
export async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error('protocol');
  } catch {
    throw new DatabaseConfigError('DATABASE_URL is not a postgres:// URL');
  }
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connect_timeout: 10,
    types: {
      // Keep `date` columns as 'YYYY-MM-DD' strings, as PGlite does.
      date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x },
    },
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseConfigError(
      `Cannot connect to the database at ${parsed.host || 'localhost'}${parsed.pathname}: ${reason}`,
    );
  }
  if (process.env.DATABASE_PREPARE !== '0') {
    // drizzle sends every query unnamed (parse + bind each time, ~7x the execution of a page's small
    // queries); named prepared statements are parsed once per connection. DATABASE_PREPARE=0 turns
    // this off behind a transaction-pooling proxy that cannot keep them.
    const unsafe = client.unsafe.bind(client);
    client.unsafe = ((query: string, args?: unknown[], options?: Record<string, unknown>) =>
      unsafe(query, args as never, { ...options, prepare: true })) as typeof client.unsafe;
  }
  const db = drizzle(client, { schema, logger: countingLogger }) as unknown as Db;
  const listen: Database['listen'] = async (channel, onNotify, onListen) => {
    // postgres.js keeps listeners on one dedicated connection and re-listens after reconnects.
    const { unlisten } = await client.listen(channel, (payload) => onNotify(payload), onListen);
    return unlisten;
  };
  return { db, kind: 'postgres', url, close: () => client.end({ timeout: 5 }), listen };
}

/** Open the embedded PGlite database; `dataDir` undefined means in memory. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ?? 'memory://', {
    extensions: { pg_trgm },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzle(client, { schema, logger: countingLogger }) as unknown as Db;
  // Embedded: one backend in this process; notifications arrive before COMMIT resolves.
  const listen: Database['listen'] = async (channel, onNotify, onListen) => {
    const unsubscribe = await client.listen(channel, (payload) => onNotify(payload));
    onListen?.();
    return unsubscribe;
  };
  return { db, kind: 'pglite', close: () => client.close(), pglite: client, listen };
}

/** Open the database the environment asks for: DATABASE_URL, else PGlite in ./data. */
export function openFromEnv(): Promise<Database> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return openPostgres(url);
  return openPglite(process.env.PGLITE_DIR ? path.resolve(process.env.PGLITE_DIR) : DEFAULT_DATA_DIR);
}

// One database per process, shared through globalThis so the server bundle and the
// start script (which load this module separately) use the same connection.
const globalKey = Symbol.for('neuvos.database');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Database };

export function setDatabase(database: Database | undefined): void {
  (globalThis as GlobalWithDb)[globalKey] = database;
}

export function getDatabase(): Database {
  const database = (globalThis as GlobalWithDb)[globalKey];
  if (!database) throw new Error('Database not initialised: call setDatabase() at start-up');
  return database;
}

/** The shared database handle used by all models. */
export function getDb(): Db {
  return getDatabase().db;
}
