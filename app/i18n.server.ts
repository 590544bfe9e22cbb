import { createCookie } from '@remix-run/node';
import { RemixI18Next } from 'remix-i18next/server';
import { fallbackLanguage, i18nConfig, resources, supportedLanguages } from '~/lib/i18n';

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
