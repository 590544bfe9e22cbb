import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema with `npm run db:generate` and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
});
