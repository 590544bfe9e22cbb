import { TZDate } from '@date-fns/tz';
import { Link } from '@remix-run/react';
import { format } from 'date-fns';
import { enGB, fi, sv } from 'date-fns/locale';
import { useTranslation } from 'react-i18next';
import { formatTime, helsinkiWallClock, TIME_ZONE, todayInHelsinki } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';

const dfLocales = { fi, sv, en: enGB } as const;
/** A day cell's spoken name: "tiistai 14. tammikuuta", "tisdag 14 januari", "Tuesday 14 January". */
const DAY_LABEL: Record<Locale, string> = { fi: 'cccc d. MMMM', sv: 'cccc d MMMM', en: 'cccc d MMMM' };

/** The month containing an instant in Helsinki, 'YYYY-MM'. */
export function monthOf(now: Date = new Date()): string {
  return todayInHelsinki(now).slice(0, 7);
}

/** The month next to 'YYYY-MM' (delta -1 or +1). */
export function shiftMonth(month: string, delta: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + delta;
  const d = new Date(Date.UTC(y, m, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A Helsinki month as instants [from, to): local midnight of the 1st to that of the next 1st. */
export function monthBounds(month: string): { from: Date; to: Date } {
  return { from: helsinkiWallClock(`${month}-01`, '00:00'), to: helsinkiWallClock(`${shiftMonth(month, 1)}-01`, '00:00') };
}

/** Monday-first weeks of a month: each day 'YYYY-MM-DD', null outside the month. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: Array<string | null> = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

const localDate = (value: string | Date) => format(new TZDate(new Date(value), TIME_ZONE), 'yyyy-MM-dd');

export interface MonthMeeting {
  id: string;
  title: string;
  startsAt: string | Date;
  status: string;
}

function weekdayNames(locale: Locale) {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(2024, 0, 1 + i);
    return {
      // Stand-alone forms: "maanantai", not the "maanantaina" of a running date.
      short: format(date, 'cccccc', { locale: dfLocales[locale] }),
      long: format(date, 'cccc', { locale: dfLocales[locale] }),
    };
  });
}

/**
 * A month as a real table (caption, weekday headers with abbr) whose day cells list the
 * meetings as links; previous/next month are plain links, so it works without JavaScript.
 */
export function CalendarMonth({
  month,
  meetings,
  hrefFor,
  monthHref,
  now,
}: {
  month: string;
  meetings: MonthMeeting[];
  hrefFor: (meeting: MonthMeeting) => string;
  monthHref: (month: string) => string;
  now?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byDay = new Map<string, MonthMeeting[]>();
  for (const m of meetings) {
    const key = localDate(m.startsAt);
    byDay.set(key, [...(byDay.get(key) ?? []), m]);
  }
  const today = now ? localDate(now) : null;
  const title = format(new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1), 'LLLL yyyy', { locale: dfLocales[locale] });
  const names = weekdayNames(locale);
  const prev = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <div className="calendar-month">
      <nav aria-label={t('calendar.month.nav')}>
        <ul className="pager">
          <li>
            <Link to={monthHref(prev)} rel="prev">
              {t('calendar.month.previous')}
            </Link>
          </li>
          <li>
            <Link to={monthHref(next)} rel="next">
              {t('calendar.month.next')}
            </Link>
          </li>
        </ul>
      </nav>
      <table className="month-grid">
        <caption>{title}</caption>
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n.long} scope="col" abbr={n.long}>
                {n.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week.find(Boolean) ?? 'empty'}>
              {week.map((day, i) => {
                if (!day) return <td key={`blank-${i}`} className="month-grid__blank" />;
                const list = byDay.get(day) ?? [];
                const dayNumber = Number(day.slice(8, 10));
                return (
                  <td key={day} aria-current={day === today ? 'date' : undefined} className={list.length ? 'has-meetings' : undefined}>
                    <span className="month-grid__day" aria-hidden="true">
                      {dayNumber}
                    </span>
                    <span className="visually-hidden">
                      {format(new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, dayNumber), DAY_LABEL[locale], { locale: dfLocales[locale] })}
                    </span>
                    {list.length > 0 ? (
                      <ul className="plain-list">
                        {list.map((m) => (
                          <li key={m.id} className={m.status === 'cancelled' ? 'is-cancelled' : undefined}>
                            <Link to={hrefFor(m)}>
                              {`${formatTime(m.startsAt, locale)} ${m.title}${m.status === 'cancelled' ? ` (${t('meetings.statuses.cancelled')})` : ''}`}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {meetings.length === 0 ? <p className="muted">{t('calendar.month.empty')}</p> : null}
    </div>
  );
}
