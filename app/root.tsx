import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import { json } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/error-page';
import { SiteFooter, SiteHeader } from '~/components/site-chrome';
import { getAuth } from '~/auth/session.server';
import i18nServer, { localeCookie } from '~/i18n.server';
import { pathHydrates } from '~/lib/hydration';
import { pageAreas, pickAreas } from '~/lib/i18n-areas';
import { getBrowserI18n, type BrowserI18n } from '~/lib/i18n-client';
import { isLocale } from '~/lib/i18n';
import { resources } from '~/lib/i18n-resources.server';
import { useNonce } from '~/lib/nonce';
import { absoluteUrl } from '~/lib/url.server';
import { supportedLanguages } from '~/lib/i18n';
import styles from '~/styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [locale, auth] = await Promise.all([i18nServer.getLocale(request), getAuth(request)]);
  const url = new URL(request.url);
  const headers = new Headers();
  const chosen = url.searchParams.get('lng');
  if (isLocale(chosen)) headers.append('Set-Cookie', await localeCookie.serialize(chosen));
  if (auth.setCookie) headers.append('Set-Cookie', auth.setCookie);
  if (auth.user) headers.set('Cache-Control', 'no-store');
  return json(
    {
      locale,
      // Only hydrating pages read the strings in the browser (a public page's document skips them), and
      // only the message areas the page uses; a client-side navigation (a data request) brings the
      // next page's areas, public or not.
      translations:
        pathHydrates(url.pathname) || context?.dataRequest === true
          ? pickAreas(resources[isLocale(locale) ? locale : 'fi'].common, pageAreas(url.pathname))
          : null,
      path: url.pathname,
      origin: absoluteUrl(request, ''),
      lngParam: isLocale(chosen) ? chosen : null,
      user: auth.user ? { displayName: auth.user.displayName, isAdmin: auth.principal.isAdmin } : null,
    },
    { headers },
  );
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>> extends infer R
  ? R extends { json(): Promise<infer D> }
    ? D
    : never
  : never;

export const handle = { i18n: 'common' };

/** Load the root data again when the next page names a message area the browser does not have yet. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || getBrowserI18n()?.hasAreas(pageAreas(nextUrl.pathname)) === false;

/** The fallback title (error pages); each route sets its own. */
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** Pages opt in to hydration with `handle.hydrate = true`; public pages ship no JavaScript. */
function useHydrate() {
  return useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === true);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const hydrate = useHydrate();
  const locale = data?.locale ?? i18n.language ?? 'fi';
  // In the browser, keep the strings of every page seen so far (the server's i18next has them all).
  if (data?.translations && 'addMessages' in i18n) (i18n as BrowserI18n).addMessages(data.translations);
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {data ? (
          <>
            <link rel="canonical" href={`${data.origin}${data.path}${data.lngParam ? `?lng=${data.lngParam}` : ''}`} />
            {supportedLanguages.map((l) => (
              <link key={l} rel="alternate" hrefLang={l} href={`${data.origin}${data.path}?lng=${l}`} />
            ))}
            <link rel="alternate" hrefLang="x-default" href={`${data.origin}${data.path}`} />
            <link rel="alternate" type="application/atom+xml" title="Neuvos" href="/feed.xml" />
          </>
        ) : null}
        <Links />
      </head>
      <body>
        <SiteHeader locale={locale} path={data?.path ?? '/'} user={data?.user ?? null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage error={error} />;
}
