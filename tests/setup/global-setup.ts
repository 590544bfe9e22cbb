import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { openPostgres } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';

/**
 * With TEST_DATABASE_URL, build one migrated template database on the PostgreSQL server;
 * each test file then gets its own copy (CREATE DATABASE … TEMPLATE). Without it, every
 * test file builds an in-memory PGlite from the same migrations.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) {
    project.provide('templateDatabase', '');
    return;
  }
  const name = `neuvos_tmpl_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const templateUrl = withDatabase(url, name);
  const database = await openPostgres(templateUrl);
  await migrateDatabase(database);
  await database.close();
  project.provide('templateDatabase', name);
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
