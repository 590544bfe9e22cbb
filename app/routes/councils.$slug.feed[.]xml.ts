import type { LoaderFunctionArgs } from '@remix-run/node';
import { feedLanguage, renderAtom } from '~/lib/atom.server';
import { localized } from '~/lib/i18n';
import { absoluteUrl } from '~/lib/url.server';
import { getCouncilBySlug } from '~/models/councils.server';
import { listFeedEntries } from '~/models/portal.server';

/** A council's Atom feed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found) throw new Response('Not found', { status: 404 });
  const entries = await listFeedEntries({ councilId: found.council.id });
  const lang = await feedLanguage(request);
  return renderAtom({
    lang,
    origin: absoluteUrl(request, ''),
    selfPath: `/councils/${found.council.slug}/feed.xml${lang === 'fi' ? '' : `?lng=${lang}`}`,
    htmlPath: `/councils/${found.council.slug}`,
    title: `${localized(found.council, 'name', lang).text} – Neuvos`,
    feedKey: `council:${found.council.id}`,
    entries,
  });
}
