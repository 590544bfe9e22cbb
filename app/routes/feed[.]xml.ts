import type { LoaderFunctionArgs } from '@remix-run/node';
import { feedLanguage, renderAtom } from '~/lib/atom.server';
import { absoluteUrl } from '~/lib/url.server';
import { listFeedEntries } from '~/models/portal.server';

/** Site-wide Atom feed of newly published agendas, minutes and statements. */
export async function loader({ request }: LoaderFunctionArgs) {
  const entries = await listFeedEntries({});
  const lang = await feedLanguage(request);
  return renderAtom({
    lang,
    origin: absoluteUrl(request, ''),
    selfPath: lang === 'fi' ? '/feed.xml' : `/feed.xml?lng=${lang}`,
    htmlPath: '/',
    title: 'Neuvos',
    feedKey: 'site',
    entries,
  });
}
