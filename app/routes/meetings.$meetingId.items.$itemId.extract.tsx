import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RecordsItem } from '~/components/records-items';
import { RecordsCheckers, RecordsMeetingFacts } from '~/components/records-minutes';
import { formatDate, formatDateTime } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { useLocale } from '~/lib/use-locale';
import { resolveExtract } from '~/models/extracts.server';
import { mattersOfItems } from '~/models/matters.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data && 'extract' in data && data.extract
        ? `${data.extract.item.number ?? ''} ${data.extract.item.title} – Neuvos`
        : 'Neuvos',
  },
];

/**
 * An extract from the minutes (pöytäkirjanote) of one §: the latest published version's proposal,
 * decision, votes and recusals, the checkers' confirmations and the certification. An unpublished
 * § is refused with a message (404); a § the asker may not see is plain 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const result = await resolveExtract(request, params.meetingId, params.itemId);
  if (result.status === 'not_found') notFound();
  if (result.status === 'unpublished') {
    return json(
      { refused: true as const, meetingId: params.meetingId ?? '', meetingTitle: result.meetingTitle, extract: null },
      { status: 404, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const { extract } = result;
  const matter = (await mattersOfItems([extract.item.id]))[extract.item.id] ?? null;
  return json(
    {
      refused: false as const,
      meetingId: extract.meeting.id,
      meetingTitle: extract.meeting.title,
      extract: {
        meeting: extract.meeting,
        meetingNumber: extract.meetingNumber,
        version: extract.version,
        item: extract.item,
        checkers: extract.checkers,
        certifier: extract.certifier,
        members: extract.audience === 'members',
        matter:
          matter && extract.meeting.councilPublicity === 'public'
            ? { ...matter, href: `/councils/${extract.meeting.councilSlug}/matters/${matter.id}` }
            : null,
      },
    },
    { headers: { 'Cache-Control': extract.audience === 'members' ? 'private, no-store' : 'public, max-age=60' } },
  );
}

export default function ExtractPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/meetings/${data.meetingId}`;
  if (data.refused || !data.extract) {
    return (
      <article className="records-page">
        <h1>{t('practice.extract.title')}</h1>
        <p className="notice" role="alert">
          {t('practice.extract.notPublished')}
        </p>
        <p>
          <Link to={base}>{data.meetingTitle}</Link>
        </p>
      </article>
    );
  }
  const { extract } = data;
  const query = extract.members ? '' : `?version=${extract.version.versionNo}`;
  return (
    <article className="records-page records-extract">
      <p className="muted">{t('practice.extract.title')}</p>
      <h1>
        {extract.item.number ? `${extract.item.number} ` : ''}
        {extract.item.title}
      </h1>
      <RecordsMeetingFacts meeting={extract.meeting} locale={locale} />
      {extract.matter ? (
        <p>
          <Link to={extract.matter.href}>{t('practice.matters.partOf', { title: extract.matter.title })}</Link>
          {extract.matter.diaryNumber ? ` (${t('practice.matters.diaryNumber')} ${extract.matter.diaryNumber})` : ''}
        </p>
      ) : null}
      <p>
        <Link to={`${base}${extract.members ? '/members' : ''}`}>{extract.meeting.title}</Link> ·{' '}
        <Link to={`${base}/minutes${query}`}>{t('practice.extract.fullMinutes')}</Link> ·{' '}
        <a href={`${base}/items/${extract.item.id}/extract.pdf`}>{t('practice.extract.pdf')}</a>
      </p>
      <p className="muted">
        {t('records.versionN', { n: extract.version.versionNo })} ·{' '}
        {t('records.meeting.minutesPublished', { date: formatDateTime(extract.version.publishedAt, locale) })}
      </p>
      <RecordsItem item={extract.item} showMinutes />
      <RecordsCheckers checkers={extract.checkers} locale={locale} />
      <section aria-labelledby="extract-certify">
        <h2 id="extract-certify">{t('practice.extract.certify')}</h2>
        <p>
          {t('practice.extract.certifyLine', {
            name: extract.certifier.name,
            date: formatDate(extract.certifier.date, locale),
          })}
        </p>
      </section>
    </article>
  );
}
