import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { StatementsTable } from '~/components/plans-statements-table';
import { notFound } from '~/lib/http.server';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { getCouncilBySlug } from '~/models/councils.server';
import { listPublicStatements } from '~/models/statements.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.council.nameFi} – Neuvos` : 'Neuvos' }];

/** The public register of a public council: sent and published entries only. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || found.council.publicityDefault !== 'public') notFound();
  const statements = await listPublicStatements(found.council.id);
  return json({
    council: { slug: found.council.slug, nameFi: found.council.nameFi, nameSv: found.council.nameSv, nameEn: found.council.nameEn },
    statements,
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
    </article>
  );
}
