import { Feed } from 'feed';
import type { FeedEntry } from '~/models/portal.server';

const KIND_LABEL = {
  fi: { agenda: 'Esityslista', minutes: 'Pöytäkirja', statement: 'Lausunto tai aloite' },
} as const;

/** An Atom 1.0 document of published records (built with the `feed` package). */
export function renderAtom(opts: { origin: string; selfPath: string; htmlPath: string; title: string; entries: FeedEntry[] }): Response {
  const updated = opts.entries[0]?.updated ?? new Date(0);
  const feed = new Feed({
    id: `${opts.origin}${opts.selfPath}`,
    title: opts.title,
    link: `${opts.origin}${opts.htmlPath}`,
    language: 'fi',
    updated,
    generator: 'Neuvos',
    copyright: '',
    feedLinks: { atom: `${opts.origin}${opts.selfPath}` },
    author: { name: 'Neuvos' },
  });
  for (const e of opts.entries) {
    feed.addItem({
      id: `${opts.origin}/#${e.id}`,
      title: `${KIND_LABEL.fi[e.kind]}: ${e.title} (${e.councilName})`,
      link: `${opts.origin}${e.path}`,
      date: e.updated,
      description: e.summary ?? undefined,
      author: [{ name: e.councilName }],
    });
  }
  return new Response(feed.atom1(), {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
