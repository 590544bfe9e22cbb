import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { openPostgres } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';
import { ensureLoginRole, grantAppRole } from '../../db/roles';

/** The two roles the PostgreSQL suite uses (docs/decisions/sec-database-roles.md). */
export function testRoles() {
  return {
    owner: process.env.TEST_DATABASE_OWNER_ROLE?.trim() || 'neuvos_test_owner',
    app: process.env.TEST_DATABASE_APP_ROLE?.trim() || 'neuvos_test_app',
  };
}

/**
 * With TEST_DATABASE_URL (a role that may create roles and databases), build one migrated
 * template database on the PostgreSQL server, owned by the owner role and migrated by it, with
 * the least-privilege app role granted; each test file then gets its own copy (CREATE DATABASE …
 * TEMPLATE) and connects as the app role. Without it, every test file builds an in-memory PGlite
 * from the same migrations.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) {
    project.provide('templateDatabase', '');
    return;
  }
  const { owner, app } = testRoles();
  const name = `neuvos_tmpl_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const password = new URL(url).password || undefined;
  await ensureLoginRole(admin, owner, password);
  await ensureLoginRole(admin, app, password);
  await admin.unsafe(`CREATE DATABASE "${name}" OWNER "${owner}"`);
  const database = await openPostgres(withUser(withDatabase(url, name), owner));
  await migrateDatabase(database);
  await grantAppRole(database, app);
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

/** The same URL as another role (same password, if any: the setup gives both roles the admin's). */
export function withUser(url: string, role: string): string {
  const u = new URL(url);
  u.username = role;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
