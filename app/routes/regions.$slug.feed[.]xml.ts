import type { LoaderFunctionArgs } from '@remix-run/node';
import { feedLanguage, renderAtom } from '~/lib/atom.server';
import { localized } from '~/lib/i18n';
import { absoluteUrl } from '~/lib/url.server';
import { getRegionBySlug } from '~/models/regions.server';
import { listFeedEntries } from '~/models/portal.server';

/** A region's Atom feed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const region = await getRegionBySlug(params.slug ?? '');
  if (!region) throw new Response('Not found', { status: 404 });
  const entries = await listFeedEntries({ regionId: region.id });
  const lang = await feedLanguage(request);
  return renderAtom({
    lang,
    origin: absoluteUrl(request, ''),
    selfPath: `/regions/${region.slug}/feed.xml${lang === 'fi' ? '' : `?lng=${lang}`}`,
    htmlPath: `/regions/${region.slug}`,
    title: `${localized(region, 'name', lang).text} – Neuvos`,
    feedKey: `region:${region.id}`,
    entries,
  });
}
