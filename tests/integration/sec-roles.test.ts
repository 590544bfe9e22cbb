import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database, type Db } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';
import { appGrantStatements } from '../../db/roles';
import { FROZEN_SQLSTATE, sqlState } from '../../app/models/db-errors.server';
import { onPostgres, useTestDatabase } from '../setup/database';
import { testRoles } from '../setup/global-setup';
import { buildFrozenMeeting, freezeStatements, TRUNCATE_REFUSED } from '../support/freeze';

/**
 * The two database roles. On PostgreSQL the suite itself connects as the least-privilege app
 * role and this file opens a second connection as the owner that ran the migrations. On PGlite
 * (one connection, a superuser) the same grants are given to a role created here and each
 * statement runs under SET LOCAL ROLE, so the grant list is checked on both databases.
 */

const test = useTestDatabase();
const APP_ON_PGLITE = 'neuvos_pglite_app';
let ownerDatabase: Database | undefined;

beforeAll(async () => {
  const current = test.current();
  if (onPostgres) {
    ownerDatabase = await openPostgres(current.urls!.owner);
    return;
  }
  await current.db.execute(sql.raw(`CREATE ROLE ${APP_ON_PGLITE} NOLOGIN`));
  const [me] = rowsOf(await current.db.execute(sql`select current_user as name`));
  const owner = String(me!.name);
  for (const statement of appGrantStatements(APP_ON_PGLITE, owner)) await current.db.execute(sql.raw(statement));
});
afterAll(async () => {
  await ownerDatabase?.close();
});

/** Rows of db.execute on either driver (postgres.js: an array; PGlite: { rows }). */
function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return Array.isArray(result) ? result : ((result as { rows: Array<Record<string, unknown>> }).rows ?? []);
}

const ownerDb = (): Db => (onPostgres ? ownerDatabase!.db : test.current().db);

/** Runs one statement as the role, always rolled back; the SQLSTATE it was refused with, or 'accepted'. */
async function as(role: 'app' | 'owner', statement: SQL): Promise<string> {
  const rollback = new Error('rolled back');
  const db = role === 'owner' ? ownerDb() : test.current().db;
  try {
    await db.transaction(async (tx) => {
      if (role === 'app' && !onPostgres) await tx.execute(sql.raw(`SET LOCAL ROLE ${APP_ON_PGLITE}`));
      await tx.execute(statement);
      throw rollback;
    });
  } catch (error) {
    if (error === rollback) return 'accepted';
    return sqlState(error) ?? String(error);
  }
  return 'accepted';
}

const INSUFFICIENT_PRIVILEGE = '42501';

describe('the app role owns nothing and may only read and write rows', () => {
  it('is no superuser and owns no table (PostgreSQL: the connection the whole suite uses)', async () => {
    const rows = rowsOf(await (onPostgres ? test.current().db : ownerDb()).execute(
      sql.raw(
        onPostgres
          ? `select r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, current_user as name,
               (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
             from pg_roles r where r.rolname = current_user`
          : `select r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolname as name,
               (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
             from pg_roles r where r.rolname = '${APP_ON_PGLITE}'`,
      ),
    ));
    const row = rows[0]!;
    expect(row).toMatchObject({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, owned: 0 });
    if (onPostgres) expect(row.name).toBe(testRoles().app);
  });

  it('starts on a database the owner migrated: migrating again is a no-op it may run', async () => {
    await expect(migrateDatabase(test.current())).resolves.toBeUndefined();
  });

  it('may not TRUNCATE, run DDL, switch triggers off or touch frozen rows', async () => {
    const f = await buildFrozenMeeting();
    const results: Record<string, string> = {};
    for (const t of TRUNCATE_REFUSED) results[`TRUNCATE ${t} CASCADE`] = await as('app', sql.raw(`TRUNCATE ${t} CASCADE`));
    const ddl: Array<[string, string]> = [
      ['CREATE TABLE', 'CREATE TABLE public.sneaky (id int)'],
      ['DROP TRIGGER agenda_items_freeze', 'DROP TRIGGER agenda_items_freeze ON agenda_items'],
      ['ALTER TABLE agenda_items DISABLE TRIGGER ALL', 'ALTER TABLE agenda_items DISABLE TRIGGER ALL'],
      ['ALTER TABLE minutes DISABLE TRIGGER minutes_pinned', 'ALTER TABLE minutes DISABLE TRIGGER minutes_pinned'],
      ['CREATE OR REPLACE FUNCTION neuvos_meeting_frozen', 'CREATE OR REPLACE FUNCTION neuvos_meeting_frozen(meeting uuid) RETURNS boolean LANGUAGE sql AS $$ SELECT false $$'],
      ['SET session_replication_role = replica', 'SET session_replication_role = replica'],
      ['UPDATE audit_log', "UPDATE audit_log SET action = 'x'"],
      ['DELETE FROM audit_log', 'DELETE FROM audit_log'],
    ];
    for (const [name, text] of ddl) results[name] = await as('app', sql.raw(text));
    expect(results).toEqual(Object.fromEntries([...TRUNCATE_REFUSED.map((t) => `TRUNCATE ${t} CASCADE`), ...ddl.map(([n]) => n)].map((n) => [n, INSUFFICIENT_PRIVILEGE])));

    // Row changes it has the right to make are still stopped by the freeze triggers.
    const rowStatements = freezeStatements(f).filter(([name]) => !name.startsWith('TRUNCATE'));
    const rowResults: Record<string, string> = {};
    for (const [name, statement] of rowStatements) rowResults[name] = await as('app', statement);
    expect(rowResults).toEqual(Object.fromEntries(rowStatements.map(([name]) => [name, FROZEN_SQLSTATE])));

    // And ordinary work is allowed.
    expect(await as('app', sql`UPDATE agenda_items SET title = 'Uusi' WHERE id = ${f.otherItem.id}`)).toBe('accepted');
    expect(await as('app', sql`INSERT INTO audit_log (action, entity_type) VALUES ('test.write', 'test')`)).toBe('accepted');
  });
});

describe('the owner (who ran the migrations) is still held by the triggers', () => {
  it('TRUNCATE and every change of a frozen row are refused with NV001', async () => {
    const f = await buildFrozenMeeting();
    const statements = freezeStatements(f);
    const results: Record<string, string> = {};
    for (const [name, statement] of statements) results[name] = await as('owner', statement);
    expect(results).toEqual(Object.fromEntries(statements.map(([name]) => [name, FROZEN_SQLSTATE])));
    expect(await as('owner', sql.raw('TRUNCATE audit_log'))).toBe('42501');
  });

  it('is no superuser on PostgreSQL either, so it cannot set session_replication_role', async () => {
    const result = await as('owner', sql.raw('SET session_replication_role = replica'));
    // PGlite's single user is a superuser: the owner check is meaningful on PostgreSQL only.
    expect(result).toBe(onPostgres ? INSUFFICIENT_PRIVILEGE : 'accepted');
  });
});
