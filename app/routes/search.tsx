import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Snippet } from '~/components/search-snippet';
import { formatDate } from '~/lib/dates';
import { localized, isLocale } from '~/lib/i18n';
import { SEARCH_TYPES } from '~/lib/search-text';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { listRegionsWithCouncils } from '~/models/regions.server';
import { searchPublished } from '~/models/search.server';
import { readSearchParams, SEARCH_PAGE_SIZE } from '~/validation/search';
import { queryText } from '~/lib/http/params';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.q ? `${data.q} – Neuvos` : 'Haku – Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = readSearchParams(url);
  const { locale } = await getT(request);
  const params = parsed.success ? parsed.data : { q: queryText(url.searchParams.get('q'), 200), page: 1 };
  const regions = await listRegionsWithCouncils();
  const result =
    params.q.trim() === ''
      ? { hits: [], total: 0 }
      : await searchPublished({
          q: params.q,
          region: 'region' in params ? params.region : undefined,
          council: 'council' in params ? params.council : undefined,
          year: 'year' in params ? params.year : undefined,
          type: 'type' in params ? params.type : undefined,
          limit: SEARCH_PAGE_SIZE,
          offset: (params.page - 1) * SEARCH_PAGE_SIZE,
          locale: isLocale(locale) ? locale : 'fi',
        });
  return json({
    ...params,
    invalid: !parsed.success,
    hits: result.hits,
    total: result.total,
    regions: regions.map((r) => ({ slug: r.slug, nameFi: r.nameFi, nameSv: r.nameSv, nameEn: r.nameEn, councils: r.councils.map((c) => ({ slug: c.slug, nameFi: c.nameFi, nameSv: c.nameSv, nameEn: c.nameEn })) })),
  });
}

/** Search over published records, with filters; works without JavaScript. */
export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const filters = data as typeof data & { region?: string; council?: string; year?: number; type?: string };
  const pages = Math.ceil(data.total / SEARCH_PAGE_SIZE);
  const linkTo = (page: number) => {
    const p = new URLSearchParams({ q: data.q, page: String(page) });
    for (const k of ['region', 'council', 'year', 'type'] as const) if (filters[k]) p.set(k, String(filters[k]));
    return `?${p}`;
  };
  return (
    <>
      <h1>{t('portal.search.title')}</h1>
      <Form method="get" role="search" className="search-form">
        <div className="field">
          <label htmlFor="q">{t('portal.search.query')}</label>
          <input id="q" name="q" type="search" defaultValue={data.q} maxLength={200} />
        </div>
        <div className="filters">
          <label>
            {t('portal.search.region')}
            <select name="region" defaultValue={filters.region ?? ''}>
              <option value="">{t('portal.search.any')}</option>
              {data.regions.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {localized(r, 'name', locale).text}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('portal.search.council')}
            <select name="council" defaultValue={filters.council ?? ''}>
              <option value="">{t('portal.search.any')}</option>
              {data.regions.flatMap((r) =>
                r.councils.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {localized(c, 'name', locale).text}
                  </option>
                )),
              )}
            </select>
          </label>
          <label>
            {t('portal.search.year')}
            <input name="year" type="number" min={2000} max={2100} defaultValue={filters.year ?? ''} />
          </label>
          <label>
            {t('portal.search.type')}
            <select name="type" defaultValue={filters.type ?? ''}>
              <option value="">{t('portal.search.any')}</option>
              {SEARCH_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`portal.search.types.${ty}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('portal.search.submit')}</button>
        </div>
      </Form>
      {data.invalid ? <p className="notice">{t('portal.search.invalid')}</p> : null}
      {data.q.trim() !== '' ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" role="status">
            {t('portal.search.results', { count: data.total })}
          </h2>
          <ol className="search-results" start={(data.page - 1) * SEARCH_PAGE_SIZE + 1}>
            {data.hits.map((hit) => (
              <li key={`${hit.type}-${hit.url}`}>
                <h3>
                  <Link to={hit.url}>{hit.title}</Link>
                </h3>
                <p className="muted">
                  {t(`portal.search.types.${hit.type}`)} · {hit.councilName}
                  {hit.date ? ` · ${formatDate(hit.date, locale)}` : ''}
                </p>
                <p>
                  <Snippet text={hit.snippet} />
                </p>
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <nav aria-label={t('portal.search.pages')}>
              <ul className="pager">
                {data.page > 1 ? (
                  <li>
                    <Link to={linkTo(data.page - 1)}>{t('meetings.previous')}</Link>
                  </li>
                ) : null}
                {data.page < pages ? (
                  <li>
                    <Link to={linkTo(data.page + 1)}>{t('meetings.next')}</Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
