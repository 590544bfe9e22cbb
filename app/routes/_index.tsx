import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { MeetingTable } from '~/components/meeting-list';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { listUpcomingPublicMeetings } from '~/models/meetings.server';
import { listRegionsForHome } from '~/models/regions.server';

export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader(_args: LoaderFunctionArgs) {
  const [regions, upcoming] = await Promise.all([listRegionsForHome(), listUpcomingPublicMeetings({ limit: 8 })]);
  return json({ regions, upcoming });
}

export default function Index() {
  const { regions, upcoming } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('home.upcoming')}</h2>
        {upcoming.length === 0 ? (
          <p className="muted">{t('home.noUpcoming')}</p>
        ) : (
          <MeetingTable meetings={upcoming} caption={t('home.upcoming')} />
        )}
        <p>
          <Link to="/meetings">{t('home.allMeetings')}</Link>
        </p>
      </section>
      <section aria-labelledby="regions-title">
        <h2 id="regions-title">{t('site.regions')}</h2>
        <ul className="region-grid">
          {regions.map((region) => {
            const rName = localized(region, 'name', locale);
            return (
              <li key={region.id}>
                <h3 lang={rName.lang !== locale ? rName.lang : undefined}>{rName.text}</h3>
                <p className="muted">{t('home.councilsInRegion', { count: region.councilCount })}</p>
                <ul className="plain-list">
                  {region.councils.map((c) => {
                    const cName = localized(c, 'name', locale);
                    return (
                      <li key={c.id}>
                        <Link to={`/councils/${c.slug}`} lang={cName.lang !== locale ? cName.lang : undefined}>
                          {cName.text}
                        </Link>
                        <span className="badge">{t(`kinds.${c.kind}`)}</span>
                      </li>
                    );
                  })}
                </ul>
                {region.councilCount > region.councils.length ? (
                  <p>
                    <Link to={`/regions/${region.slug}`}>{t('home.allCouncils', { count: region.councilCount })}</Link>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
