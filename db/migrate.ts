import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.server';
import { grantAppRole, roleOfUrl } from './roles';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'drizzle');

/**
 * Apply pending migrations. drizzle runs all pending migrations in one transaction, so a
 * failure leaves the database as it was.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/**
 * Migrate for the running app. With MIGRATION_DATABASE_URL (the owner role) the migrations run
 * as the owner and the app role of DATABASE_URL is then granted row rights only; without it the
 * app's own connection migrates (one role: the embedded database, or a quick local PostgreSQL).
 */
export async function migrateForApp(database: Database): Promise<void> {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL?.trim();
  const appUrl = process.env.DATABASE_URL?.trim();
  if (!ownerUrl || !appUrl || database.kind !== 'postgres') return migrateDatabase(database);
  const { openPostgres } = await import('./client.server');
  const owner = await openPostgres(ownerUrl);
  try {
    await migrateDatabase(owner);
    await grantAppRole(owner, roleOfUrl(appUrl));
  } finally {
    await owner.close();
  }
}

// `npm run db:migrate`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { openFromEnv, DatabaseConfigError } = await import('./client.server');
  try {
    const database = await openFromEnv();
    await migrateForApp(database);
    await database.close();
    console.log('Migrations applied.');
  } catch (error) {
    console.error(error instanceof DatabaseConfigError ? error.message : `Migration failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
