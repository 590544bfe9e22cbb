import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { openPglite, openPostgres, setDatabase, type Database } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';
import { testRoles, withDatabase, withUser } from './global-setup';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL?.trim());

/** `url` is the app role's connection string (as production connects); `urls.owner` runs migrations. */
export type TestDatabase = Database & { drop: () => Promise<void>; url?: string; urls?: { app: string; owner: string } };

/** A fresh database for this test file, built from the real migrations. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) {
    const database = await openPglite();
    await migrateDatabase(database);
    return { ...database, drop: () => database.close() };
  }
  const template = inject('templateDatabase');
  const name = `neuvos_test_${randomBytes(6).toString('hex')}`;
  const roles = testRoles();
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER "${roles.owner}"`);
  // The app connects as the least-privilege role, as in production (see global-setup.ts).
  const database = await openPostgres(withUser(withDatabase(url, name), roles.app));
  return {
    ...database,
    url: withUser(withDatabase(url, name), roles.app),
    urls: { app: withUser(withDatabase(url, name), roles.app), owner: withUser(withDatabase(url, name), roles.owner) },
    drop: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Register a fresh database for the whole test file and make it the app's database. */
export function useTestDatabase(): { current: () => TestDatabase } {
  let database: TestDatabase | undefined;
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
