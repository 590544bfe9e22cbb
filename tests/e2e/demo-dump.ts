import { writeFileSync } from 'node:fs';
import { openPglite } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { hashPassword } from '../../app/auth/password.server';

export const DEMO_PASSWORD = 'e2e-demo-password-2026';

/** Migrate and seed an in-memory PGlite once and write its data directory (the global setup calls this). */
export async function dumpDemoDatabase(file: string) {
  const database = await openPglite();
  await migrateDatabase(database);
  await seedDemo(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
  const blob = await database.pglite!.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
}
