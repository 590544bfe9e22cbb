import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import { categories, councils, memberships, organisations, people, regions, termExtraSeats, terms } from '~db/schema';
import { todayInHelsinki } from '~/lib/dates';
import { buildRoster, type RosterMembership } from '~/lib/roster';

/** The public facts of a council and its region; null when there is no such council. */
export async function getCouncilBySlug(slug: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ council: councils, region: regions })
    .from(councils)
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .where(eq(councils.slug, slug))
    .limit(1);
  if (!row) return null;
  const [parent, children] = await Promise.all([
    row.council.parentId
      ? db
          .select({ slug: councils.slug, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn })
          .from(councils)
          .where(eq(councils.id, row.council.parentId))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    db
      .select({ slug: councils.slug, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, kind: councils.kind })
      .from(councils)
      .where(eq(councils.parentId, row.council.id))
      .orderBy(asc(councils.nameFi)),
  ]);
  return { ...row, parent, children };
}

/** The term in force on a date (the latest started one), or null. */
export async function getCurrentTerm(councilId: string, onDate = todayInHelsinki(), db: Executor = getDb()) {
  const [term] = await db
    .select()
    .from(terms)
    .where(
      and(
        eq(terms.councilId, councilId),
        lte(terms.startDate, onDate),
        or(isNull(terms.endDate), gte(terms.endDate, onDate)),
      ),
    )
    .orderBy(desc(terms.startDate))
    .limit(1);
  return term ?? null;
}

/**
 * A term's roster as it stood on a date: names, roles and organisations only (never
 * contact details). Three queries whatever the size of the council.
 */
export async function getRoster(termId: string, onDate = todayInHelsinki(), db: Executor = getDb()) {
  const [cats, extra, rows] = await Promise.all([
    db.select().from(categories).where(eq(categories.termId, termId)).orderBy(asc(categories.position)),
    db.select().from(termExtraSeats).where(eq(termExtraSeats.termId, termId)),
    db
      .select({
        id: memberships.id,
        role: memberships.role,
        categoryId: memberships.categoryId,
        principalId: memberships.principalId,
        seatNumber: memberships.seatNumber,
        personId: people.id,
        givenName: people.givenName,
        familyName: people.familyName,
        organisationName: organisations.nameFi,
        startDate: memberships.startDate,
        endDate: memberships.endDate,
      })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(
        and(
          eq(memberships.termId, termId),
          lte(memberships.startDate, onDate),
          or(isNull(memberships.endDate), gte(memberships.endDate, onDate)),
        ),
      ),
  ]);
  const list: RosterMembership[] = rows.map((r) => ({
    id: r.id,
    role: r.role,
    categoryId: r.categoryId,
    principalId: r.principalId,
    seatNumber: r.seatNumber,
    personId: r.personId,
    personName: `${r.givenName} ${r.familyName}`,
    organisationName: r.organisationName,
    startDate: r.startDate,
    endDate: r.endDate,
  }));
  return buildRoster(cats, extra, list);
}

/** Councils by id (names and slugs only), for a user's own list. */
export async function listCouncilsByIds(ids: string[]) {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: councils.id, slug: councils.slug, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, regionId: councils.regionId })
    .from(councils)
    .where(inArray(councils.id, ids))
    .orderBy(asc(councils.nameFi));
}

/** Councils of the given regions (for region admins). */
export async function listCouncilsInRegions(regionIds: string[]) {
  if (regionIds.length === 0) return [];
  return getDb()
    .select({ id: councils.id, slug: councils.slug, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, regionId: councils.regionId })
    .from(councils)
    .where(inArray(councils.regionId, regionIds))
    .orderBy(asc(councils.nameFi));
}
