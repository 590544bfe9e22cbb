import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pager } from '~/components/pager';
import { SearchFilters } from '~/components/search-filters';
import { Snippet } from '~/components/search-snippet';
import { formatDate } from '~/lib/dates';
import { isLocale } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { searchFilterOptions, searchPublished } from '~/models/search.server';
import { lenientSearchParams, SEARCH_PAGE_SIZE, SEARCH_RESULT_WINDOW } from '~/validation/search';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.q ? `${data.q} – Neuvos` : 'Haku – Neuvos' }];

/** Search over published records. Bounded: one region's councils, 20 hits a page, SEARCH_RESULT_WINDOW in all. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { params, invalid } = lenientSearchParams(url);
  const { locale } = await getT(request);
  const options = await searchFilterOptions(params.region, params.council);
  const result =
    params.q.trim() === ''
      ? { hits: [], total: 0, more: false }
      : await searchPublished({
          q: params.q,
          region: options.region ?? params.region,
          council: options.council ?? undefined,
          year: params.year,
          type: params.type,
          limit: SEARCH_PAGE_SIZE,
          offset: (params.page - 1) * SEARCH_PAGE_SIZE,
          locale: isLocale(locale) ? locale : 'fi',
        });
  return json({
    q: params.q,
    page: params.page,
    year: params.year,
    type: params.type,
    region: options.region,
    council: options.council,
    invalid: invalid || Boolean(params.council && !options.council),
    hits: result.hits,
    total: result.total,
    more: result.more,
    choices: { regions: options.regions, councils: options.councils, councilsTruncated: options.councilsTruncated },
  });
}

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const pages = Math.ceil(Math.min(data.total, SEARCH_RESULT_WINDOW) / SEARCH_PAGE_SIZE);
  const linkTo = (page: number) => {
    const p = new URLSearchParams({ q: data.q });
    for (const k of ['region', 'council', 'year', 'type'] as const) if (data[k]) p.set(k, String(data[k]));
    p.set('page', String(page));
    return `?${p}`;
  };
  return (
    <>
      <h1>{t('portal.search.title')}</h1>
      <SearchFilters values={data} choices={data.choices} locale={locale} />
      {data.invalid ? <p className="notice">{t('portal.search.invalid')}</p> : null}
      {data.q.trim() !== '' ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" role="status">
            {data.more ? t('portal.search.resultsMore', { count: data.total }) : t('portal.search.results', { count: data.total })}
          </h2>
          {data.more ? <p className="muted">{t('portal.search.moreHint')}</p> : null}
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
          <Pager page={data.page} pages={pages} linkTo={linkTo} label={t('portal.search.pages')} />
        </section>
      ) : null}
    </>
  );
}
