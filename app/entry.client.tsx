import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { isLocale } from '~/lib/i18n';
import { createMessageI18n, setBrowserI18n, type MessageTree } from '~/lib/i18n-client';

declare global {
  interface Window {
    __remixContext?: { state?: { loaderData?: Record<string, unknown> } };
  }
}

function hydrate() {
  // The root loader sends the active language's strings for the areas this page uses (only pages
  // that hydrate load them); later pages' areas come with the root data of a client-side
  // navigation (app/root.tsx). The browser translates with a small i18next-compatible translator
  // (docs/decisions/009).
  const root = window.__remixContext?.state?.loaderData?.root as
    | { locale?: string; translations?: MessageTree | null }
    | undefined;
  const lng = isLocale(root?.locale) ? root.locale : 'fi';
  const i18n = createMessageI18n(lng, root?.translations ?? {});
  setBrowserI18n(i18n);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();
