import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderAtom } from '~/lib/atom.server';
import { absoluteUrl } from '~/lib/url.server';
import { getRegionBySlug } from '~/models/regions.server';
import { listFeedEntries } from '~/models/portal.server';

/** A region's Atom feed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const region = await getRegionBySlug(params.slug ?? '');
  if (!region) throw new Response('Not found', { status: 404 });
  const entries = await listFeedEntries({ regionId: region.id });
  return renderAtom({
    origin: absoluteUrl(request, ''),
    selfPath: `/regions/${region.slug}/feed.xml`,
    htmlPath: `/regions/${region.slug}`,
    title: `${region.nameFi} – Neuvos`,
    feedKey: `region:${region.id}`,
    entries,
  });
}
