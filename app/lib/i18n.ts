
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

/** One text in each language a record may carry; null where there is no version in that language. */
export type LangTexts = { fi: string | null; sv: string | null; en: string | null };

/** The per-language object of a column: `base` is the Finnish column, `baseSv`/`baseEn` its versions. */
export function langTexts(input: object, base: string, fiKey: string = base): LangTexts {
  const record = input as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
  return { fi: text(record[fiKey]), sv: text(record[`${base}Sv`]), en: text(record[`${base}En`]) };
}

/**
 * The reader's version of a text, else the Finnish one, else any other: `fallback` is true when the
 * text is not in the reader's language (the page then marks it, e.g. "endast på finska", with `lang`).
 */
export function pickLang(texts: LangTexts | null | undefined, locale: Locale): { text: string; lang: Locale; fallback: boolean } | null {
  if (!texts) return null;
  for (const lang of [locale, 'fi', 'sv', 'en'] as const) {
    const text = texts[lang];
    if (typeof text === 'string' && text.trim() !== '') return { text, lang, fallback: lang !== locale };
  }
  return null;
}

/** The languages of `languages` (a council's) that a record has no text in, given its Finnish-first texts. */
export function missingLanguages(texts: LangTexts, languages: readonly string[]): Locale[] {
  const hasAny = Object.values(texts).some((v) => v !== null && v.trim() !== '');
  if (!hasAny) return [];
  return supportedLanguages.filter((l) => languages.includes(l) && (texts[l] === null || texts[l]!.trim() === ''));
}

/** The reader's language inside a route's `meta` function (the root loader decided it). */
export function metaLocale(matches: ReadonlyArray<{ id: string; data?: unknown }>): Locale {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : fallbackLanguage;
}
