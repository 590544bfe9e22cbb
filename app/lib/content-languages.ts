/**
 * Content in the council's languages (issue #14). Finnish texts live in the plain columns
 * (title, body…), Swedish and English beside them (titleSv, titleEn…). A council writes only in
 * the languages it uses (councils.languages): a Swedish text for a council without Swedish is
 * refused at its field.
 */
export type ContentLang = 'sv' | 'en';

/** The form fields of one text in every language: `title` → title, titleSv, titleEn. */
export function languageFieldNames(base: string, fiName: string = base): { fi: string; sv: string; en: string } {
  return { fi: fiName, sv: `${base}Sv`, en: `${base}En` };
}

/** Which Swedish/English fields of `values` carry text in a language the council does not use. */
export function unusedLanguageFields(
  values: object,
  languages: readonly string[],
): Array<{ field: string; lang: ContentLang }> {
  const refused: Array<{ field: string; lang: ContentLang }> = [];
  for (const [field, value] of Object.entries(values)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const lang: ContentLang | null = field.endsWith('Sv') ? 'sv' : field.endsWith('En') ? 'en' : null;
    if (lang && !languages.includes(lang)) refused.push({ field, lang });
  }
  return refused;
}

/** Whether the editor shows a field in `lang`: the council uses it, or the record already has such a text. */
export function showsLanguage(
  lang: ContentLang,
  languages: readonly string[],
  existing?: ReadonlyArray<string | null | undefined>,
): boolean {
  return languages.includes(lang) || (existing ?? []).some((v) => typeof v === 'string' && v.trim() !== '');
}
