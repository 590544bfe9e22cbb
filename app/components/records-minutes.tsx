import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMeetingTime } from '~/lib/dates';
import { localized, type Locale } from '~/lib/i18n';
import { meetingNumber } from '~/lib/meeting-lifecycle';

type When = string | Date;

/** The public facts of a meeting above its agenda or minutes (never an online link). */
export function RecordsMeetingFacts({
  meeting,
  locale,
}: {
  meeting: {
    title: string;
    startsAt: When;
    endsAt: When;
    address: string | null;
    room: string | null;
    councilSlug: string;
    councilNameFi: string;
    councilNameSv: string | null;
    councilNameEn: string | null;
    councilPublicity: string;
    meetingNo?: number | null;
  };
  locale: Locale;
}) {
  const { t } = useTranslation();
  const name = localized(meeting, 'councilName', locale);
  const number = meetingNumber(meeting.meetingNo, meeting.startsAt);
  return (
    <dl className="facts">
      {number ? (
        <>
          <dt>{t('ws.meeting.numberTerm')}</dt>
          <dd>{t('ws.meeting.number', number)}</dd>
        </>
      ) : null}
      <dt>{t('records.meeting.council')}</dt>
      <dd lang={name.lang !== locale ? name.lang : undefined}>
        {meeting.councilPublicity === 'public' ? <Link to={`/councils/${meeting.councilSlug}`}>{name.text}</Link> : name.text}
      </dd>
      <dt>{t('meetings.when')}</dt>
      <dd>
        <time dateTime={new Date(meeting.startsAt).toISOString()}>{formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)}</time>
      </dd>
      {meeting.address ? (
        <>
          <dt>{t('meetings.where')}</dt>
          <dd>{[meeting.address, meeting.room].filter(Boolean).join(', ')}</dd>
        </>
      ) : null}
    </dl>
  );
}

export interface VersionSummary {
  versionNo: number;
  status: string;
  correctionNote: string | null;
  openedAt: When | null;
  closedAt: When | null;
  place: string | null;
  approvedAt: When | null;
  approvalMethod: string | null;
  publishedAt: When | null;
}

/** When and how a minutes version was approved and published, and its correction note. */
export function RecordsVersionFacts({ version, locale }: { version: VersionSummary; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      {version.correctionNote ? (
        <div className="notice" role="note">
          <strong>{t('records.minutesView.correction', { n: version.versionNo })}:</strong> {version.correctionNote}
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t('records.versionN', { n: '' }).trim()}</dt>
        <dd>
          {version.versionNo} ({t(`records.statuses.${version.status}`)})
        </dd>
        {version.place ? (
          <>
            <dt>{t('records.minutesView.place')}</dt>
            <dd>{version.place}</dd>
          </>
        ) : null}
        {version.openedAt ? (
          <>
            <dt>{t('records.minutesView.opened')}</dt>
            <dd>{formatDateTime(version.openedAt, locale)}</dd>
          </>
        ) : null}
        {version.closedAt ? (
          <>
            <dt>{t('records.minutesView.closed')}</dt>
            <dd>{formatDateTime(version.closedAt, locale)}</dd>
          </>
        ) : null}
        {version.approvedAt && version.approvalMethod ? (
          <>
            <dt>{t('records.minutesView.approved')}</dt>
            <dd>
              {formatDateTime(version.approvedAt, locale)}: {t(`records.methods.${version.approvalMethod}`)}
            </dd>
          </>
        ) : null}
        {version.publishedAt ? (
          <>
            <dt>{t('records.minutesView.published')}</dt>
            <dd>{formatDateTime(version.publishedAt, locale)}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

export interface AttendeeView {
  name: string;
  role: string;
  present: boolean;
  substitutesForName: string | null;
  arrivedAt: string | null;
  leftAt: string | null;
  note: string | null;
}

function attendeeLine(a: AttendeeView, t: (key: string, o?: Record<string, unknown>) => string): string {
  return [
    a.name,
    t(`records.roles.${a.role}`),
    a.substitutesForName ? t('records.minutesView.substitutes', { name: a.substitutesForName }) : null,
    a.arrivedAt ? t('records.minutesView.arrived', { item: a.arrivedAt }) : null,
    a.leftAt ? t('records.minutesView.left', { item: a.leftAt }) : null,
    a.note,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Who was present and who was absent (names and roles only). */
export function RecordsAttendance({ attendees }: { attendees: AttendeeView[] }) {
  const { t } = useTranslation();
  const present = attendees.filter((a) => a.present);
  const absent = attendees.filter((a) => !a.present);
  return (
    <section aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('records.minutesView.attendance')}</h2>
      <h3>{t('records.minutesView.present')}</h3>
      <ul>
        {present.map((a) => (
          <li key={`${a.name}-${a.role}`}>{attendeeLine(a, t)}</li>
        ))}
      </ul>
      {absent.length > 0 ? (
        <>
          <h3>{t('records.minutesView.absent')}</h3>
          <ul>
            {absent.map((a) => (
              <li key={`${a.name}-${a.role}`}>{attendeeLine(a, t)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The minutes checkers and when each confirmed. */
export function RecordsCheckers({ checkers, locale }: { checkers: Array<{ name: string; confirmedAt: When | null }>; locale: Locale }) {
  const { t } = useTranslation();
  if (checkers.length === 0) return null;
  return (
    <section aria-labelledby="checkers-title">
      <h2 id="checkers-title">{t('records.minutesView.checkers')}</h2>
      <ul>
        {checkers.map((c) => (
          <li key={c.name}>
            {c.name},{' '}
            {c.confirmedAt ? t('records.minutesView.confirmedAt', { date: formatDateTime(c.confirmedAt, locale) }) : t('records.minutesView.notConfirmed')}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The published versions, newest first, each linking to its own page with its correction note. */
export function RecordsVersionHistory({
  history,
  current,
  basePath,
  locale,
}: {
  history: VersionSummary[];
  current: number;
  basePath: string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  if (history.length === 0) return null;
  const latest = history[0]?.versionNo;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('records.minutesView.history')}</h2>
      <ol reversed className="records-history">
        {history.map((v) => (
          <li key={v.versionNo}>
            {v.versionNo === current ? (
              <strong aria-current="page">{t('records.versionN', { n: v.versionNo })}</strong>
            ) : (
              <Link to={v.versionNo === latest ? basePath : `${basePath}?version=${v.versionNo}`}>{t('records.versionN', { n: v.versionNo })}</Link>
            )}
            {v.versionNo === latest ? ` (${t('records.minutesView.latest')})` : ''}
            {v.publishedAt ? ` – ${formatDateTime(v.publishedAt, locale)}` : ''}
            {v.correctionNote ? (
              <>
                <br />
                <span className="muted">{v.correctionNote}</span>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
