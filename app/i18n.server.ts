import { createCookie } from '@remix-run/node';
import { RemixI18Next } from 'remix-i18next/server';
import { fallbackLanguage, i18nConfig, supportedLanguages } from '~/lib/i18n';
import { resources } from '~/lib/i18n-resources.server';

/** Remembers the language chosen with ?lng= for a year. */
export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  secure: process.env.NODE_ENV === 'production',
});

const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: localeCookie,
    searchParamKey: 'lng',
    order: ['searchParams', 'cookie'], // Finnish by default; the visitor chooses
  },
  i18next: { ...i18nConfig, resources },
});

export default i18next;
