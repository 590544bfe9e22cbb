import { langTexts, type LangTexts } from '~/lib/i18n';
import { renderMarkdown } from '~/lib/markdown.server';

/** Every language version of a Markdown column, rendered through the sanitiser. */
export function htmlTexts(input: object, base: string, fiKey: string = base): LangTexts {
  const texts = langTexts(input, base, fiKey);
  return {
    fi: texts.fi ? renderMarkdown(texts.fi) : null,
    sv: texts.sv ? renderMarkdown(texts.sv) : null,
    en: texts.en ? renderMarkdown(texts.en) : null,
  };
}

/** The plain-language summary's versions (plain_summary_fi/_sv/_en). */
export function plainSummaryHtmls(input: object): LangTexts {
  return htmlTexts(input, 'plainSummary', 'plainSummaryFi');
}
