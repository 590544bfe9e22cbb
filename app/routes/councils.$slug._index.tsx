import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { CalendarSubscribe } from '~/components/calendar-subscribe';
import { SubscribeForm } from '~/components/subscribe-form';
import { CouncilRecordsLinks } from '~/components/plans-council-links';
import { TermList } from '~/components/roster-term-list';
import { absoluteUrl } from '~/lib/url.server';
import { getCouncilRecordsSummary } from '~/models/plans.server';
import { listPublishedRecords } from '~/models/agendas.server';
import { RecordsCouncilRecords } from '~/components/records-council-records';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { MeetingTable } from '~/components/meeting-list';
import { RosterView } from '~/components/roster-view';
import { formatDate } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { langTexts, localized, pickLang } from '~/lib/i18n';
import { FallbackMark, LangText } from '~/components/lang-text';
import { useLocale } from '~/lib/use-locale';
import { getCouncilBySlug, getCurrentTerm, getRoster, listTerms } from '~/models/councils.server';
import { listPastPublicMeetings, listUpcomingPublicMeetings } from '~/models/meetings.server';

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.council.nameFi} – Neuvos` },
        { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: data.council.nameFi, href: `/councils/${data.council.slug}/feed.xml` },
        { tagName: 'link', rel: 'alternate', type: 'text/calendar', title: data.council.nameFi, href: `/councils/${data.council.slug}/calendar.ics` },
      ]
    : [{ title: 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found) notFound();
  const { council, region, parent, children } = found;
  const isPublic = council.publicityDefault === 'public';
  const term = isPublic ? await getCurrentTerm(council.id) : null;
  const [roster, upcoming, past, terms, records, published] = await Promise.all([
    term ? getRoster(term.id) : Promise.resolve(null),
    isPublic ? listUpcomingPublicMeetings({ councilId: council.id, limit: 10 }) : Promise.resolve([]),
    isPublic ? listPastPublicMeetings({ councilId: council.id, pageSize: 10 }) : Promise.resolve({ meetings: [], page: 1, hasMore: false }),
    isPublic ? listTerms(council.id) : Promise.resolve([]),
    isPublic ? getCouncilRecordsSummary(council.id, council.regionId) : Promise.resolve(null),
    isPublic ? listPublishedRecords(council.id) : Promise.resolve([]),
  ]);
  return json({
    council: {
      slug: council.slug,
      nameFi: council.nameFi,
      nameSv: council.nameSv,
      nameEn: council.nameEn,
      kind: council.kind,
      origin: council.origin,
      publicityDefault: council.publicityDefault,
      languages: council.languages,
      descriptionFi: council.descriptionFi,
      descriptionSv: council.descriptionSv,
      descriptionEn: council.descriptionEn,
      meetingFeeNote: council.meetingFeeNote,
      meetingFeeNotes: langTexts(council, 'meetingFeeNote'),
      secretariatContact: council.secretariatContact,
      appointingBody: council.appointingBody,
      appointingBodies: langTexts(council, 'appointingBody'),
      appointingDecisionDate: council.appointingDecisionDate,
      appointingDecisionUrl: council.appointingDecisionUrl,
    },
    region: { slug: region.slug, nameFi: region.nameFi, nameSv: region.nameSv, nameEn: region.nameEn },
    parent,
    children,
    term: term ? { id: term.id, name: term.name, startDate: term.startDate, endDate: term.endDate } : null,
    roster,
    upcoming,
    past: past.meetings,
    terms,
    records,
    published,
    origin: absoluteUrl(request, ''),
  });
}

export default function CouncilPage() {
  const data = useLoaderData<typeof loader>();
  const { council, region, term, roster } = data;
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(council, 'name', locale);
  const description = localized(council, 'description', locale);
  const regionName = localized(region, 'name', locale);
  const appointing = pickLang(council.appointingBodies, locale);
  const appointingBody = appointing?.text ?? council.appointingBody ?? '';
  return (
    <article>
      <h1 lang={name.lang !== locale ? name.lang : undefined}>{name.text}</h1>
      {description.text ? (
        <p className="lead" lang={description.lang !== locale ? description.lang : undefined}>
          {description.text}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('council.region')}</dt>
        <dd lang={regionName.lang !== locale ? regionName.lang : undefined}>{regionName.text}</dd>
        <dt>{t('council.kind')}</dt>
        <dd>{t(`kinds.${council.kind}`)}</dd>
        <dt>{t('council.origin')}</dt>
        <dd>{t(`origins.${council.origin}`)}</dd>
        <dt>{t('council.languagesUsed')}</dt>
        <dd>{council.languages.map((l) => t(`languages.${l}`)).join(', ')}</dd>
        {data.parent ? (
          <>
            <dt>{t('council.parent')}</dt>
            <dd>
              <Link to={`/councils/${data.parent.slug}`}>{localized(data.parent, 'name', locale).text}</Link>
            </dd>
          </>
        ) : null}
        {council.appointingBody ? (
          <>
            <dt>{t('council.appointed')}</dt>
            <dd>
              {council.appointingDecisionUrl ? (
                <a href={council.appointingDecisionUrl} rel="noreferrer">
                  {t('council.appointedBy', {
                    body: appointingBody,
                    date: council.appointingDecisionDate ? formatDate(council.appointingDecisionDate, locale) : '',
                  })}
                </a>
              ) : (
                t('council.appointedBy', {
                  body: appointingBody,
                  date: council.appointingDecisionDate ? formatDate(council.appointingDecisionDate, locale) : '',
                })
              )}
              {appointing?.fallback ? <FallbackMark lang={appointing.lang} /> : null}
            </dd>
          </>
        ) : null}
        {council.meetingFeeNote ? (
          <>
            <dt>{t('council.meetingFee')}</dt>
            <dd>
              <LangText texts={council.meetingFeeNotes} fallbackText={council.meetingFeeNote} />
            </dd>
          </>
        ) : null}
        {council.secretariatContact ? (
          <>
            <dt>{t('council.contact')}</dt>
            <dd>{council.secretariatContact}</dd>
          </>
        ) : null}
      </dl>
      {data.children.length > 0 ? (
        <>
          <h2>{t('council.subBodies')}</h2>
          <ul>
            {data.children.map((c) => (
              <li key={c.slug}>
                <Link to={`/councils/${c.slug}`}>{localized(c, 'name', locale).text}</Link>{' '}
                <span className="badge">{t(`kinds.${c.kind}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {council.publicityDefault !== 'public' ? (
        <p className="notice">{t('council.membersOnlyRecords')}</p>
      ) : (
        <>
          <section aria-labelledby="roster-title">
            <h2 id="roster-title">
              {t('council.roster')}
              {term ? `: ${t('council.currentTerm', { name: term.name })}` : ''}
            </h2>
            {roster ? <RosterView roster={roster} locale={locale} /> : <p className="muted">{t('council.noTerm')}</p>}
            {data.terms.length > 0 ? (
              <>
                <h3>{t('roster.public.allTerms')}</h3>
                <TermList slug={council.slug} terms={data.terms} locale={locale} activeId={term?.id} />
              </>
            ) : null}
          </section>
          {data.published.length > 0 ? (
            <section aria-labelledby="records-title">
              <h2 id="records-title">{t('records.meeting.recordsCaption')}</h2>
              <RecordsCouncilRecords records={data.published} />
            </section>
          ) : null}
          {data.records ? <CouncilRecordsLinks slug={council.slug} summary={data.records} /> : null}
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{t('council.upcomingMeetings')}</h2>
            <MeetingTable meetings={data.upcoming} caption={t('council.upcomingMeetings')} showCouncil={false} />
            <CalendarSubscribe slug={council.slug} origin={data.origin} />
          </section>
          <section aria-labelledby="past-title">
            <h2 id="past-title">{t('council.pastMeetings')}</h2>
            <MeetingTable meetings={data.past} caption={t('council.pastMeetings')} showCouncil={false} />
          </section>
          <SubscribeForm slug={council.slug} locale={locale} />
        </>
      )}
      <p className="muted">
        <Link to="/">{t('site.home')}</Link> · <Link to={`/regions/${region.slug}`}>{regionName.text}</Link> ·{' '}
        <a href={`/councils/${council.slug}/feed.xml`}>{t('portal.feed')}</a>
      </p>
    </article>
  );
}
