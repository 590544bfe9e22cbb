import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { localized, type Locale } from '~/lib/i18n';
import { SEARCH_TYPES } from '~/lib/search-text';

export interface SearchFilterValues {
  q: string;
  region: string | null;
  council: string | null;
  year?: number;
  type?: string;
}

export interface SearchFilterChoices {
  regions: Array<{ slug: string; nameFi: string; nameSv: string; nameEn: string }>;
  councils: Array<{ slug: string; nameFi: string; nameSv: string | null; nameEn: string | null }>;
  councilsTruncated: boolean;
}

/**
 * The search form. Works without JavaScript: the council list holds only the chosen
 * region's councils, so choosing a region and submitting brings up its councils.
 */
export function SearchFilters({ values, choices, locale }: { values: SearchFilterValues; choices: SearchFilterChoices; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <Form method="get" role="search" className="search-form">
      <div className="field">
        <label htmlFor="search-q">{t('portal.search.query')}</label>
        <input id="search-q" name="q" type="search" defaultValue={values.q} maxLength={200} aria-describedby="search-q-hint" />
        <p id="search-q-hint" className="muted">
          {t('portal.search.queryHint')}
        </p>
      </div>
      <fieldset className="filters">
        <legend>{t('portal.search.filters')}</legend>
        <div className="field">
          <label htmlFor="search-region">{t('portal.search.region')}</label>
          <select id="search-region" name="region" defaultValue={values.region ?? ''}>
            <option value="">{t('portal.search.any')}</option>
            {choices.regions.map((r) => (
              <option key={r.slug} value={r.slug}>
                {localized(r, 'name', locale).text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          {values.region ? (
            <>
              <label htmlFor="search-council">{t('portal.search.council')}</label>
              <select
                id="search-council"
                name="council"
                defaultValue={values.council ?? ''}
                aria-describedby={choices.councilsTruncated ? 'search-council-hint' : undefined}
              >
                <option value="">{t('portal.search.any')}</option>
                {choices.councils.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {localized(c, 'name', locale).text}
                  </option>
                ))}
              </select>
              {choices.councilsTruncated ? (
                <p id="search-council-hint" className="muted">
                  {t('portal.search.councilsTruncated')}
                </p>
              ) : null}
            </>
          ) : (
            <p className="muted">{t('portal.search.councilHint')}</p>
          )}
        </div>
        <div className="field">
          <label htmlFor="search-year">{t('portal.search.year')}</label>
          <input id="search-year" name="year" type="number" min={2000} max={2100} defaultValue={values.year ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="search-type">{t('portal.search.type')}</label>
          <select id="search-type" name="type" defaultValue={values.type ?? ''}>
            <option value="">{t('portal.search.any')}</option>
            {SEARCH_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`portal.search.types.${ty}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <button type="submit">{t('portal.search.submit')}</button>
    </Form>
  );
}
