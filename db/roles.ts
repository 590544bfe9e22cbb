import type { Database } from './client.server';

/**
 * Two PostgreSQL roles (docs/decisions/sec-database-roles.md): the OWNER runs the migrations and
 * owns every table; the APP role the server connects as owns nothing and holds only row rights.
 * Without TRUNCATE, DDL or superuser it cannot switch the freeze triggers off
 * (`SET session_replication_role = replica` is refused) nor empty a frozen table.
 */

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A role name safe to put into SQL as an identifier (lower case letters, digits, underscore). */
export function roleIdentifier(name: string): string {
  if (!ROLE_NAME.test(name)) throw new Error(`Unsupported role name "${name}": use lower-case letters, digits and _`);
  return `"${name}"`;
}

/** The user name of a postgres:// URL. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username || 'postgres');
}

/** The schema pg-boss keeps its queue in; created by the owner so the app needs no CREATE on the database. */
export const JOBS_SCHEMA = 'pgboss';

/**
 * Statements granting the app role what it needs and nothing more. Run by the owner after every
 * migration, so tables added later are covered; default privileges cover tables the owner creates
 * in between. The audit log gets INSERT and SELECT only.
 */
export function appGrantStatements(appRole: string, ownerRole: string): string[] {
  const app = roleIdentifier(appRole);
  const owner = roleIdentifier(ownerRole);
  return [
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    // Read-only view of the applied migrations, so the app can see it has nothing to migrate.
    `GRANT USAGE ON SCHEMA drizzle TO ${app}`,
    `GRANT SELECT ON drizzle.__drizzle_migrations TO ${app}`,
    // The job queue's schema, tables and queues are created by the migration step as the owner
    // (app/lib/queue/schema.server.ts); the app only reads and writes jobs.
    `CREATE SCHEMA IF NOT EXISTS ${JOBS_SCHEMA} AUTHORIZATION ${owner}`,
    `GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO ${app}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOBS_SCHEMA} TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${JOBS_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
  ];
}

/** Grant the app role its rights, as the owner (no-op on PGlite, which has one user). */
export async function grantAppRole(owner: Database, appRole: string): Promise<void> {
  if (owner.kind !== 'postgres') return;
  const { sql } = await import('drizzle-orm');
  const [row] = (await owner.db.execute(sql`select current_user as name`)) as unknown as Array<{ name: string }>;
  const ownerRole = row!.name;
  if (ownerRole === appRole) return;
  await owner.db.transaction(async (tx) => {
    for (const statement of appGrantStatements(appRole, ownerRole)) await tx.execute(sql.raw(statement));
  });
}

/**
 * Create a login role without any attribute (no superuser, no CREATEDB, no CREATEROLE, no
 * BYPASSRLS) unless it exists. Needs a role that may create roles; used by the test setup and
 * by `npm run db:roles`.
 */
export async function ensureLoginRole(admin: { unsafe: (q: string) => Promise<unknown> }, name: string, password?: string): Promise<void> {
  const role = roleIdentifier(name);
  const pw = password ? ` PASSWORD '${password.replace(/'/g, "''")}'` : '';
  await admin.unsafe(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${name}') THEN
      CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${pw};
    END IF;
  END $$`).catch((error: { code?: string }) => {
    // Two test workers racing to create the same role: the loser sees unique_violation.
    if (error.code !== '23505' && error.code !== '42710') throw error;
  });
}
