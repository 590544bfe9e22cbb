import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { MeetingTable } from '~/components/meeting-list';
import { pageParam } from '~/lib/http.server';
import { listPastPublicMeetings, listUpcomingPublicMeetings } from '~/models/meetings.server';

export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const page = pageParam(new URL(request.url));
  const [upcoming, past] = await Promise.all([
    page === 1 ? listUpcomingPublicMeetings({ limit: 50 }) : Promise.resolve([]),
    listPastPublicMeetings({ page, pageSize: 25 }),
  ]);
  return json({ upcoming, past: past.meetings, page, hasMore: past.hasMore });
}

export default function MeetingsPage() {
  const { upcoming, past, page, hasMore } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('meetings.title')}</h1>
      {page === 1 ? (
        <section aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{t('meetings.upcoming')}</h2>
          <MeetingTable meetings={upcoming} caption={t('meetings.upcoming')} />
        </section>
      ) : null}
      <section aria-labelledby="past-title">
        <h2 id="past-title">
          {t('meetings.past')} {page > 1 ? `(${t('meetings.page', { page })})` : ''}
        </h2>
        <MeetingTable meetings={past} caption={t('meetings.past')} />
      </section>
      <nav aria-label={t('meetings.title')}>
        <ul className="pager">
          {page > 1 ? (
            <li>
              <Link to={`?page=${page - 1}`}>{t('meetings.previous')}</Link>
            </li>
          ) : null}
          {hasMore ? (
            <li>
              <Link to={`?page=${page + 1}`}>{t('meetings.next')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  );
}
