import { relations, sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_common';

export const regionKind = pgEnum('region_kind', ['county', 'city']);

/** The 21 wellbeing services counties and the City of Helsinki. */
export const regions = pgTable(
  'regions',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    nameFi: text('name_fi').notNull(),
    nameSv: text('name_sv').notNull(),
    nameEn: text('name_en').notNull(),
    shortFi: text('short_fi').notNull(),
    kind: regionKind('kind').notNull(),
    municipalityCount: integer('municipality_count').notNull(),
    bilingual: boolean('bilingual').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    check('regions_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('regions_municipality_count_positive', sql`${t.municipalityCount} > 0`),
  ],
);

export const organisationKind = pgEnum('organisation_kind', [
  'ngo',
  'parish',
  'municipality',
  'county',
  'city',
  'company',
  'other',
]);

/** NGOs, parishes, municipalities, the county itself: what a member represents. */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    nameFi: text('name_fi').notNull(),
    nameSv: text('name_sv'),
    nameEn: text('name_en'),
    kind: organisationKind('kind').notNull(),
    regionId: uuid('region_id').references(() => regions.id),
    businessId: text('business_id').unique(),
    ...timestamps(),
  },
  (t) => [
    unique('organisations_name_region_unique').on(t.nameFi, t.regionId).nullsNotDistinct(),
    check('organisations_name_not_blank', sql`btrim(${t.nameFi}) <> ''`),
    check('organisations_business_id_format', sql`${t.businessId} IS NULL OR ${t.businessId} ~ '^[0-9]{7}-[0-9]$'`),
    index('organisations_region_idx').on(t.regionId),
  ],
);

export const regionsRelations = relations(regions, ({ many }) => ({
  organisations: many(organisations),
}));

export const organisationsRelations = relations(organisations, ({ one }) => ({
  region: one(regions, { fields: [organisations.regionId], references: [regions.id] }),
}));

export type Region = typeof regions.$inferSelect;
export type NewRegion = typeof regions.$inferInsert;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
