import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { i18nConfig, isLocale } from '~/lib/i18n';

declare global {
  interface Window {
    __remixContext?: { state?: { loaderData?: Record<string, unknown> } };
  }
}

async function hydrate() {
  // The root loader sends the active language's strings; only pages that hydrate load them.
  const root = window.__remixContext?.state?.loaderData?.root as
    | { locale?: string; translations?: Record<string, unknown> }
    | undefined;
  const lng = isLocale(root?.locale) ? root.locale : 'fi';
  await i18next.use(initReactI18next).init({
    ...i18nConfig,
    lng,
    resources: { [lng]: { common: root?.translations ?? {} } },
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
