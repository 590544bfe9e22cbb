import { relations, sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, lockVersion, timestamps } from './_common';
import { organisations } from './regions';

/**
 * One record per real person. Email and phone are contact details: never public,
 * never selected by public loaders.
 */
export const people = pgTable(
  'people',
  {
    id: id(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    check('people_names_not_blank', sql`btrim(${t.givenName}) <> '' AND btrim(${t.familyName}) <> ''`),
    check('people_email_lowercase', sql`${t.email} IS NULL OR (${t.email} = lower(${t.email}) AND ${t.email} LIKE '%_@_%')`),
    index('people_name_idx').on(t.familyName, t.givenName),
    index('people_organisation_idx').on(t.organisationId),
  ],
);

export const peopleRelations = relations(people, ({ one }) => ({
  organisation: one(organisations, { fields: [people.organisationId], references: [organisations.id] }),
}));

export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;
