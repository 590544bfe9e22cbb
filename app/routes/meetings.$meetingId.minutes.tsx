import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RecordsItemList } from '~/components/records-items';
import { RecordsAttendance, RecordsCheckers, RecordsMeetingFacts, RecordsVersionFacts, RecordsVersionHistory } from '~/components/records-minutes';
import { notFound } from '~/lib/http.server';
import { useLocale } from '~/lib/use-locale';
import { councilLanguage, getPublicAgenda } from '~/models/agendas.server';
import { latestFingerprint } from '~/models/fingerprints.server';
import { getPublishedMinutes, publicMeetingFacts, toItemView } from '~/models/minutes.server';
import { versionParam } from '~/validation/records';
import { metaLocale, pickLang } from '~/lib/i18n';
import { FallbackMark } from '~/components/lang-text';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${pickLang(data.meeting.titles, metaLocale(matches))?.text ?? data.meeting.title} – Neuvos` : 'Neuvos' },
];

/** Public minutes: the latest published version, or an older one from the history. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const requested = versionParam(new URL(request.url));
  const minutes = await getPublishedMinutes(params.meetingId ?? '', requested);
  if (!minutes) notFound();
  const [agenda, pdfSha256] = await Promise.all([
    getPublicAgenda(minutes.scope.meetingId),
    latestFingerprint(minutes.scope.meetingId, 'minutes', minutes.version.versionNo, councilLanguage(minutes.scope)),
  ]);
  const attachmentsByItem = new Map(agenda.map((i) => [i.id, i.attachments]));
  return json({
    meeting: publicMeetingFacts(minutes.scope),
    version: minutes.version,
    latestVersionNo: minutes.latestVersionNo,
    history: minutes.history,
    items: minutes.items.map((i) => ({ ...toItemView(i), attachments: attachmentsByItem.get(i.id) ?? [] })),
    attendees: minutes.attendees,
    checkers: minutes.checkers,
    pdfSha256,
  });
}

export default function PublicMinutesPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const shownTitle = pickLang(data.meeting.titles, locale);
  const base = `/meetings/${data.meeting.id}`;
  const old = data.version.versionNo !== data.latestVersionNo;
  return (
    <article className="records-page">
      <h1>
        {t('records.minutesView.title', { title: shownTitle?.text ?? data.meeting.title })}
        {shownTitle?.fallback ? <FallbackMark lang={shownTitle.lang} /> : null}
      </h1>
      <RecordsMeetingFacts meeting={data.meeting} locale={locale} />
      {old ? (
        <p className="notice" role="status">
          {t('records.minutesView.viewing', { n: data.version.versionNo })} <Link to={`${base}/minutes`}>{t('records.minutesView.showLatest')}</Link>
        </p>
      ) : null}
      <ul className="records-links">
        <li>
          <Link to={base}>{t('records.meeting.publicView')}</Link>
        </li>
        <li>
          <Link to={`${base}/print?doc=minutes${old ? `&version=${data.version.versionNo}` : ''}`}>{t('records.meeting.printMinutes')}</Link>
        </li>
        <li>
          <a href={`${base}/minutes.pdf?version=${data.version.versionNo}`}>{t('records.meeting.pdfMinutes')}</a>
        </li>
      </ul>
      {data.pdfSha256 ? (
        <p className="muted records-fingerprint">
          <small>
            {t('verify.fingerprint')}: <code>{data.pdfSha256}</code> (<Link to={`/verify?sha256=${data.pdfSha256}`}>{t('verify.fingerprintVerify')}</Link>)
          </small>
        </p>
      ) : null}
      <RecordsVersionFacts version={data.version} locale={locale} />
      <RecordsAttendance attendees={data.attendees} />
      <h2>{t('records.minutesPage.items')}</h2>
      <RecordsItemList items={data.items} showMinutes />
      <RecordsCheckers checkers={data.checkers} locale={locale} />
      <RecordsVersionHistory history={data.history} current={data.version.versionNo} basePath={`${base}/minutes`} locale={locale} />
    </article>
  );
}
