import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Primary key used by every domain table: random UUIDs, so ids in URLs cannot be enumerated. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** Creation and change timestamps (timestamptz, UTC). */
export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Optimistic-locking counter: every update must say which version it read. */
export const lockVersion = () => integer('lock_version').notNull().default(1);

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
