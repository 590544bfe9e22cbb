import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderAtom } from '~/lib/atom.server';
import { absoluteUrl } from '~/lib/url.server';
import { listFeedEntries } from '~/models/portal.server';

/** Site-wide Atom feed of newly published agendas, minutes and statements. */
export async function loader({ request }: LoaderFunctionArgs) {
  const entries = await listFeedEntries({});
  return renderAtom({ origin: absoluteUrl(request, ''), selfPath: '/feed.xml', htmlPath: '/', title: 'Neuvos', feedKey: 'site', entries });
}
