import { messages } from '~/locales';

/**
 * Every string in all three languages, apart from app/lib/i18n.ts so that the browser bundle of a
 * page that only needs the helpers does not carry 47 KB (gzipped) of translations: hydrating pages
 * get their language's strings from the root loader.
 */
export const resources = {
  fi: { common: messages.fi },
  sv: { common: messages.sv },
  en: { common: messages.en },
};
