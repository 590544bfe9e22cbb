/**
 * `npm run db:seed-demo`: apply migrations and load the demo data into an empty database.
 * The start script imports seedDemoIfEmpty() to do the same on PGlite's first run.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import { count } from 'drizzle-orm';
import { type Database, DatabaseConfigError, openFromEnv } from './client.server';
import { migrateDatabase } from './migrate';
import { regions } from './schema/index';
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, type SeedSummary, seedDemo } from './seed/index';

/** The same argon2id parameters the app uses for passwords. */
async function hashDemoPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** What to show as the demo password: never echo a password that came from the environment. */
function passwordHint(): string {
  return process.env.DEMO_PASSWORD === undefined ? DEFAULT_DEMO_PASSWORD : 'the value of DEMO_PASSWORD';
}

async function hasRegions(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(regions);
  return (row?.n ?? 0) > 0;
}

async function seedMigrated(database: Database): Promise<SeedSummary> {
  const passwordHash = await hashDemoPassword(process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
  return seedDemo(database.db, { passwordHash });
}

/**
 * Loads the demo data when the (already migrated) database has no regions yet; returns the
 * demo accounts to print, or null when the database already had data.
 */
export async function seedDemoIfEmpty(database: Database): Promise<{ emails: string[]; password: string } | null> {
  if (await hasRegions(database)) return null;
  const summary = await seedMigrated(database);
  return { emails: summary.demoAccounts, password: passwordHint() };
}

function printSummary(summary: SeedSummary): void {
  console.log('Demo data loaded:');
  const counts: Array<[string, number]> = [
    ['regions', summary.regions],
    ['councils', summary.councils],
    ['organisations', summary.organisations],
    ['people', summary.people],
    ['memberships', summary.memberships],
    ['meetings', summary.meetings],
    ['agenda items', summary.agendaItems],
    ['minutes', summary.minutes],
    ['statements', summary.statements],
    ['users', summary.users],
  ];
  for (const [label, n] of counts) console.log(`  ${label.padEnd(14)} ${n}`);
  console.log(`Demo accounts (password: ${passwordHint()}):`);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(26)} ${account.description}`);
}

async function main(): Promise<number> {
  let database: Database;
  try {
    database = await openFromEnv();
  } catch (error) {
    console.error(error instanceof DatabaseConfigError ? error.message : `Demo seed failed: ${(error as Error).message}`);
    return 1;
  }
  try {
    await migrateDatabase(database);
    if (await hasRegions(database)) {
      console.log('The database already has data (regions exist); demo data was not loaded.');
      return 0;
    }
    printSummary(await seedMigrated(database));
    return 0;
  } catch (error) {
    console.error(error instanceof DatabaseConfigError ? error.message : `Demo seed failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
