import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '~/lib/dates';
import { localized } from '~/lib/i18n';
import { notFound } from '~/lib/http.server';
import { useLocale } from '~/lib/use-locale';
import { getPublicMatter } from '~/models/matters.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.matter.title} – Neuvos` : 'Neuvos' },
];

/** A matter's public page: its diary number and handling history across meetings, from published records only. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getPublicMatter(params.slug ?? '', params.matterId ?? '');
  if (!found) notFound();
  return json(found, { headers: { 'Cache-Control': 'public, max-age=60' } });
}

export default function MatterPage() {
  const { matter, history } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const council = localized(matter, 'councilName', locale);
  return (
    <article className="records-page">
      <p className="muted">{t('practice.matters.matter')}</p>
      <h1>{matter.title}</h1>
      <dl className="facts">
        <dt>{t('records.meeting.council')}</dt>
        <dd lang={council.lang !== locale ? council.lang : undefined}>
          <Link to={`/councils/${matter.councilSlug}`}>{council.text}</Link>
        </dd>
        {matter.diaryNumber ? (
          <>
            <dt>{t('practice.matters.diaryNumber')}</dt>
            <dd>{matter.diaryNumber}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('practice.matters.history')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('practice.matters.noHistory')}</p>
      ) : (
        <ol className="plain-list">
          {history.map((h) =>
            h.kind === 'item' ? (
              <li key={`i-${h.itemId}`} className="records-item">
                <h3>
                  <time dateTime={new Date(h.date).toISOString()}>{formatDate(h.date, locale)}</time>:{' '}
                  <Link to={`/meetings/${h.meetingId}`}>{h.meetingTitle}</Link>
                  {h.number ? ` ${h.number}` : ''} {h.title}
                </h3>
                {h.decisionHtml ? (
                  <div className="records-decision">
                    <h4>
                      {t('records.decision')}
                      {h.outcome && h.outcome !== 'decided' ? (
                        <span className="badge">{t(`records.outcomes.${h.outcome}`)}</span>
                      ) : null}
                    </h4>
                    <div className="records-text" dangerouslySetInnerHTML={{ __html: h.decisionHtml }} />
                    <p>
                      <Link to={`/meetings/${h.meetingId}/items/${h.itemId}/extract`}>
                        {t('practice.extract.title')}
                      </Link>
                    </p>
                  </div>
                ) : (
                  <p className="muted">{t('records.meeting.minutesNotYet')}</p>
                )}
              </li>
            ) : (
              <li key={`s-${h.id}`} className="records-item">
                <h3>
                  <time dateTime={new Date(h.date).toISOString()}>{formatDate(h.date, locale)}</time>:{' '}
                  {t(`plans.statements.types.${h.type}`)} – {h.title}
                </h3>
                <p>
                  {t('plans.statements.fields.recipient')}: {h.recipient} · {t(`plans.statements.statuses.${h.status}`)}
                </p>
              </li>
            ),
          )}
        </ol>
      )}
    </article>
  );
}
