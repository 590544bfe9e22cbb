import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pager } from '~/components/pager';
import { StatementsTable } from '~/components/plans-statements-table';
import { notFound } from '~/lib/http.server';
import { localized } from '~/lib/i18n';
import { lastPage, parsePagination } from '~/lib/pagination.server';
import { useLocale } from '~/lib/use-locale';
import { getCouncilBySlug } from '~/models/councils.server';
import { countPublicStatements, listPublicStatements } from '~/models/statements.server';

const PER_PAGE = 50;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.council.nameFi} – Neuvos` : 'Neuvos' }];

/**
 * The public register of a public council: sent and published entries only, newest first, 50 a
 * page (`?page=`; a page that is not a whole number from 1 shows the first page).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || found.council.publicityDefault !== 'public') notFound();
  const url = new URL(request.url);
  url.searchParams.delete('per_page');
  const parsed = parsePagination(url, PER_PAGE);
  const requested = parsed.ok ? parsed.value.page : 1;
  const total = await countPublicStatements(found.council.id);
  const pages = lastPage(total, PER_PAGE);
  const page = Math.min(requested, pages);
  const statements = await listPublicStatements(found.council.id, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  return json({
    council: { slug: found.council.slug, nameFi: found.council.nameFi, nameSv: found.council.nameSv, nameEn: found.council.nameEn },
    statements,
    page,
    pages,
  });
}

export default function PublicStatements() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(data.council, 'name', locale);
  return (
    <article>
      <p className="muted">
        <Link to={`/councils/${data.council.slug}`} lang={name.lang !== locale ? name.lang : undefined}>
          {name.text}
        </Link>
      </p>
      <h1>{t('plans.statements.title')}</h1>
      <p className="lead">{t('plans.statements.intro')}</p>
      {data.statements.length === 0 ? <p className="muted">{t('plans.statements.none')}</p> : <StatementsTable statements={data.statements} locale={locale} />}
      <Pager page={data.page} pages={data.pages} linkTo={(page) => `/councils/${data.council.slug}/statements?page=${page}`} />
    </article>
  );
}
