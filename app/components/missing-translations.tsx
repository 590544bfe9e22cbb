import { useTranslation } from 'react-i18next';

export interface MissingTranslationView {
  key: string;
  what: 'meetingTitle' | 'title' | 'body' | 'proposal' | 'plainSummary' | 'decision';
  item: string | null;
  langs: Array<'fi' | 'sv' | 'en'>;
}

/** Before publishing: the texts without a version in one of the council's languages (publishing is not blocked). */
export function MissingTranslations({
  missing,
  id = 'missing-translations',
}: {
  missing: MissingTranslationView[];
  id?: string;
}) {
  const { t } = useTranslation();
  if (missing.length === 0) return null;
  return (
    <div className="notice" role="region" aria-labelledby={id}>
      <h3 id={id}>{t('content.missing.title')}</h3>
      <p>{t('content.missing.intro')}</p>
      <ul>
        {missing.map((m) => (
          <li key={m.key}>
            {t('content.missing.line', {
              what: m.item ? `${m.item}: ${t(`content.fields.${m.what}`)}` : t(`content.fields.${m.what}`),
              langs: m.langs.map((l) => t(`content.inLanguage.${l}`)).join(', '),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
