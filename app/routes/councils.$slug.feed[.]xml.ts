import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderAtom } from '~/lib/atom.server';
import { absoluteUrl } from '~/lib/url.server';
import { getCouncilBySlug } from '~/models/councils.server';
import { listFeedEntries } from '~/models/portal.server';

/** A council's Atom feed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found) throw new Response('Not found', { status: 404 });
  const entries = await listFeedEntries({ councilId: found.council.id });
  return renderAtom({
    origin: absoluteUrl(request, ''),
    selfPath: `/councils/${found.council.slug}/feed.xml`,
    htmlPath: `/councils/${found.council.slug}`,
    title: `${found.council.nameFi} – Neuvos`,
    feedKey: `council:${found.council.id}`,
    entries,
  });
}
