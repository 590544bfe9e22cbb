import { asc, eq, isNull } from 'drizzle-orm';
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

export async function getRegionBySlug(slug: string) {
  if (!isSlug(slug)) return null;
  const [row] = await getDb().select().from(regions).where(eq(regions.slug, slug)).limit(1);
  return row ?? null;
}
