
export const supportedLanguages = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof supportedLanguages)[number];
export const fallbackLanguage: Locale = 'fi';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/** Shared i18next options for server and client. */
export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: 'common',
  ns: ['common'],
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
};

/** Pick a localised column: name_sv in Swedish when present, else the Finnish original. */
export function localized(
  input: object,
  base: string,
  locale: Locale,
): { text: string; lang: Locale } {
  const record = input as Record<string, unknown>;
  const own = record[`${base}${locale === 'fi' ? 'Fi' : locale === 'sv' ? 'Sv' : 'En'}`];
  if (typeof own === 'string' && own.trim() !== '') return { text: own, lang: locale };
  const fiText = record[`${base}Fi`];
  return { text: typeof fiText === 'string' ? fiText : '', lang: 'fi' };
}
