import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLang, type LangTexts, type Locale } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';

/**
 * The language texts are picked in: the visitor's, unless a page renders a document in another
 * (the printable agenda and minutes use the language asked with ?lng= or the council's).
 */
export const ContentLocale = createContext<Locale | null>(null);

function useContentLocale(): Locale {
  const visitor = useLocale();
  return useContext(ContentLocale) ?? visitor;
}

/** "endast på finska": shown beside a text that is not in the reader's language. */
export function FallbackMark({ lang }: { lang: 'fi' | 'sv' | 'en' }) {
  const { t } = useTranslation();
  return <span className="lang-fallback muted"> ({t(`content.onlyIn.${lang}`)})</span>;
}

/**
 * A plain text in the reader's language, else the Finnish one marked visibly and with `lang`.
 * `fallbackText` is used when the record carries no per-language object (older callers).
 */
export function LangText({ texts, fallbackText }: { texts?: LangTexts | null; fallbackText?: string | null }) {
  const locale = useContentLocale();
  const picked = pickLang(texts, locale);
  if (!picked) return <>{fallbackText ?? ''}</>;
  if (!picked.fallback) return <>{picked.text}</>;
  return (
    <>
      <span lang={picked.lang}>{picked.text}</span>
      <FallbackMark lang={picked.lang} />
    </>
  );
}

/** Sanitised HTML (renderMarkdown on the server) in the reader's language, marked when it falls back. */
export function LangHtml({
  htmls,
  fallbackHtml,
  className,
}: {
  htmls?: LangTexts | null;
  fallbackHtml?: string | null;
  className?: string;
}) {
  const { t } = useTranslation();
  const locale = useContentLocale();
  const picked =
    pickLang(htmls, locale) ?? (fallbackHtml ? { text: fallbackHtml, lang: 'fi' as const, fallback: false } : null);
  if (!picked) return null;
  return (
    <>
      {picked.fallback ? <p className="lang-fallback muted">({t(`content.onlyIn.${picked.lang}`)})</p> : null}
      <div
        className={className ?? 'records-text'}
        lang={picked.fallback ? picked.lang : undefined}
        dangerouslySetInnerHTML={{ __html: picked.text }}
      />
    </>
  );
}
