import { and, asc, eq, isNull, sql } from 'drizzle-orm';
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
  // Each region's first councils by name through a lateral LIMIT (an index walk per region),
  // not a window over every council in the country.
  const top = db
    .select({
      id: councils.id,
      slug: councils.slug,
      regionId: councils.regionId,
      nameFi: councils.nameFi,
      nameSv: councils.nameSv,
      nameEn: councils.nameEn,
      kind: councils.kind,
    })
    .from(councils)
    .where(and(eq(councils.regionId, regions.id), active, isNull(councils.parentId)))
    .orderBy(asc(councils.nameFi), asc(councils.id))
    .limit(perRegion)
    .as('top');
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
    db
      .select({ id: top.id, slug: top.slug, regionId: top.regionId, nameFi: top.nameFi, nameSv: top.nameSv, nameEn: top.nameEn, kind: top.kind })
      .from(regions)
      .crossJoinLateral(top)
      .orderBy(asc(top.nameFi), asc(top.id)),
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
