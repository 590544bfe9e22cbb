import { useTranslation } from 'react-i18next';

/**
 * The public council page's "subscribe" links: the council's .ics feed (as https and as
 * webcal:, which Apple Calendar and Outlook open as a subscription) and the JSON API.
 */
export function CalendarSubscribe({ slug, origin }: { slug: string; origin: string }) {
  const { t } = useTranslation();
  const feed = `${origin}/councils/${slug}/calendar.ics`;
  return (
    <section aria-labelledby="calendar-subscribe-title" className="calendar-subscribe">
      <h2 id="calendar-subscribe-title">{t('calendar.subscribe.title')}</h2>
      <p>{t('calendar.subscribe.text')}</p>
      <ul>
        <li>
          <a href={feed.replace(/^https?:/, 'webcal:')}>{t('calendar.subscribe.webcal')}</a>
        </li>
        <li>
          <a href={feed} type="text/calendar">
            {t('calendar.subscribe.ics')}
          </a>
        </li>
        <li>
          <a href={`/api/v1/councils/${slug}/meetings`} type="application/json">
            {t('calendar.subscribe.api')}
          </a>
        </li>
      </ul>
    </section>
  );
}
