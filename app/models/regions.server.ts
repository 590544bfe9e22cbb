import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { councils, regions } from '~db/schema';
import { isSlug } from '~/lib/http/params';

/** All regions with their councils (public facts only), two queries whatever the size. */
export async function listRegionsWithCouncils() {
  const db = getDb();
  const [regionRows, councilRows] = await Promise.all([
    db.select().from(regions).orderBy(asc(regions.shortFi)),
    db
      .select({
        id: councils.id,
        slug: councils.slug,
        regionId: councils.regionId,
        parentId: councils.parentId,
        nameFi: councils.nameFi,
        nameSv: councils.nameSv,
        nameEn: councils.nameEn,
        kind: councils.kind,
        origin: councils.origin,
      })
      .from(councils)
      .where(isNull(councils.dissolvedOn))
      .orderBy(asc(councils.nameFi)),
  ]);
  return regionRows.map((region) => ({
    ...region,
    councils: councilRows.filter((c) => c.regionId === region.id),
  }));
}

/**
 * The home page's regions: each with its number of councils and at most `perRegion` top-level
 * councils by name, so the page stays the same size whatever the country's data grows to.
 */
export async function listRegionsForHome(perRegion = 6) {
  const db = getDb();
  const active = isNull(councils.dissolvedOn);
  const ranked = db
    .select({
      id: councils.id,
      slug: councils.slug,
      regionId: councils.regionId,
      nameFi: councils.nameFi,
      nameSv: councils.nameSv,
      nameEn: councils.nameEn,
      kind: councils.kind,
      rank: sql<number>`row_number() over (partition by ${councils.regionId} order by ${councils.nameFi}, ${councils.id})`.as('rank'),
    })
    .from(councils)
    .where(and(active, isNull(councils.parentId)))
    .as('ranked');
  const [regionRows, councilRows] = await Promise.all([
    db
      .select({
        id: regions.id,
        slug: regions.slug,
        nameFi: regions.nameFi,
        nameSv: regions.nameSv,
        nameEn: regions.nameEn,
        councilCount: sql<number>`(select count(*)::int from councils c where c.region_id = "regions"."id" and c.dissolved_on is null)`,
      })
      .from(regions)
      .orderBy(asc(regions.shortFi)),
    db.select().from(ranked).where(lte(ranked.rank, perRegion)).orderBy(asc(ranked.nameFi)),
  ]);
  return regionRows.map((region) => ({
    ...region,
    councilCount: Number(region.councilCount),
    councils: councilRows.filter((c) => c.regionId === region.id),
  }));
}

export async function getRegionBySlug(slug: string) {
  if (!isSlug(slug)) return null;
  const [row] = await getDb().select().from(regions).where(eq(regions.slug, slug)).limit(1);
  return row ?? null;
}
