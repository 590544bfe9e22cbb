import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { openPglite, openPostgres, setDatabase, type Database } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';
import { withDatabase } from './global-setup';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL?.trim());

/** A fresh database for this test file, built from the real migrations. */
export async function createTestDatabase(): Promise<Database & { drop: () => Promise<void>; url?: string }> {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) {
    const database = await openPglite();
    await migrateDatabase(database);
    return { ...database, drop: () => database.close() };
  }
  const template = inject('templateDatabase');
  const name = `neuvos_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const database = await openPostgres(withDatabase(url, name));
  return {
    ...database,
    url: withDatabase(url, name),
    drop: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Register a fresh database for the whole test file and make it the app's database. */
export function useTestDatabase(): { current: () => Database & { url?: string } } {
  let database: (Database & { drop: () => Promise<void>; url?: string }) | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    setDatabase(database);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await database?.drop();
  });
  return {
    current: () => {
      if (!database) throw new Error('test database not ready');
      return database;
    },
  };
}
