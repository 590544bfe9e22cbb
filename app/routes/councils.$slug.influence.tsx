import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { getCouncilBySlug } from '~/models/councils.server';
import { listPublicStatements } from '~/models/statements.server';
import { INFLUENCE_OUTCOME_VALUES } from '~/validation/plans';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.council.nameFi} – Neuvos` : 'Neuvos' }];

/** What a public council's published statements led to: where they went, their handling, the outcome. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || found.council.publicityDefault !== 'public') notFound();
  const statements = await listPublicStatements(found.council.id);
  const counts = Object.fromEntries(INFLUENCE_OUTCOME_VALUES.map((o) => [o, statements.filter((s) => s.outcome === o).length]));
  return json({
    council: { slug: found.council.slug, nameFi: found.council.nameFi, nameSv: found.council.nameSv, nameEn: found.council.nameEn },
    statements,
    counts,
  });
}

export default function Influence() {
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
      <h1>{t('plans.statements.influence.title')}</h1>
      <p className="lead">{t('plans.statements.influence.intro')}</p>
      <dl className="facts">
        {INFLUENCE_OUTCOME_VALUES.map((o) => (
          <div key={o}>
            <dt>{t(`plans.statements.outcomes.${o}`)}</dt>
            <dd>{data.counts[o] ?? 0}</dd>
          </div>
        ))}
      </dl>
      {data.statements.length === 0 ? <p className="muted">{t('plans.statements.none')}</p> : null}
      {data.statements.map((s) => (
        <section key={s.id} aria-labelledby={`influence-${s.id}`}>
          <h2 id={`influence-${s.id}`}>{s.title}</h2>
          <p>
            {t(`plans.statements.types.${s.type}`)}
            {s.issuedOn ? `, ${formatDate(s.issuedOn, locale)}` : ''} → {s.recipient}
            {s.caseNumber ? ` (${s.caseNumber})` : ''}
          </p>
          {s.caseUrl ? (
            <p>
              <a href={s.caseUrl} rel="noopener noreferrer">
                {t('plans.statements.influence.caseLink')}
              </a>
            </p>
          ) : null}
          {s.steps.length > 0 ? (
            <ol aria-label={t('plans.statements.fields.steps')}>
              {s.steps.map((step, i) => (
                <li key={i}>
                  <time dateTime={step.happenedOn}>{formatDate(step.happenedOn, locale)}</time> {step.description}
                </li>
              ))}
            </ol>
          ) : null}
          {s.response ? (
            <p>
              <strong>{t('plans.statements.fields.response')}</strong>
              {s.responseDate ? ` (${formatDate(s.responseDate, locale)})` : ''}: {s.response}
            </p>
          ) : s.responseDueOn ? (
            <p>{t('plans.statements.influence.due', { date: formatDate(s.responseDueOn, locale) })}</p>
          ) : null}
          <p>
            <strong>{t('plans.statements.fields.outcome')}:</strong> {t(`plans.statements.outcomes.${s.outcome}`)}
          </p>
        </section>
      ))}
    </article>
  );
}
