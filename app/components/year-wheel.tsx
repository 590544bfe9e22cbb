import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '~/lib/dates';
import { localized, type Locale } from '~/lib/i18n';

export interface WheelEvent {
  id: string;
  kind: 'milestone' | 'meeting';
  label: string;
  /** Language of the label when it differs from the page's. */
  lang?: Locale;
  /** Local dates, YYYY-MM-DD; an end in the next year is drawn up to 31 December. */
  start: string;
  end: string | null;
  /** Already formatted local time (meetings), shown in the list. */
  time?: string;
}

/** Loader data (milestones with titles in three languages, meetings with their start) as wheel events. */
export function toWheelEvents(
  events: Array<{ id: string; kind: 'milestone' | 'meeting'; titleFi: string; titleSv: string | null; titleEn: string | null; start: string; end: string | null; startsAt: string | Date | null }>,
  locale: Locale,
): WheelEvent[] {
  return events.map((e) => {
    const title = e.kind === 'milestone' ? localized(e, 'title', locale) : { text: e.titleFi, lang: undefined };
    return {
      id: e.id,
      kind: e.kind,
      label: title.text,
      lang: title.lang,
      start: e.start,
      end: e.end,
      time: e.startsAt ? formatTime(e.startsAt, locale) : undefined,
    };
  });
}

const SIZE = 360;
const C = SIZE / 2;
const MONTH_OUTER = 172;
const MONTH_INNER = 148;
const LANE_RADIUS = [132, 116, 100];
const MEETING_RADIUS = 78;

function dayFraction(date: string, year: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const startOfYear = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - startOfYear;
  const at = Date.UTC(y, m - 1, d) - startOfYear;
  return Math.min(Math.max(at / length, 0), 1);
}

/** A point on the wheel: January at the top, clockwise. */
function point(fraction: number, radius: number): [number, number] {
  const angle = fraction * 2 * Math.PI - Math.PI / 2;
  return [C + radius * Math.cos(angle), C + radius * Math.sin(angle)];
}

const fmt = (n: number) => n.toFixed(2);

function arc(from: number, to: number, radius: number): string {
  const [x0, y0] = point(from, radius);
  const [x1, y1] = point(to, radius);
  const large = to - from > 0.5 ? 1 : 0;
  return `M ${fmt(x0)} ${fmt(y0)} A ${radius} ${radius} 0 ${large} 1 ${fmt(x1)} ${fmt(y1)}`;
}

function ring(from: number, to: number, outer: number, inner: number): string {
  const [ox0, oy0] = point(from, outer);
  const [ox1, oy1] = point(to, outer);
  const [ix1, iy1] = point(to, inner);
  const [ix0, iy0] = point(from, inner);
  return `M ${fmt(ox0)} ${fmt(oy0)} A ${outer} ${outer} 0 0 1 ${fmt(ox1)} ${fmt(oy1)} L ${fmt(ix1)} ${fmt(iy1)} A ${inner} ${inner} 0 0 0 ${fmt(ix0)} ${fmt(iy0)} Z`;
}

/** Milestones overlapping each other go to separate lanes so none hides another. */
function assignLanes(events: WheelEvent[], year: number): Map<string, number> {
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const e of events) {
    const from = dayFraction(e.start, year);
    const to = e.end && e.end.slice(0, 4) === String(year) ? dayFraction(e.end, year) : e.end ? 1 : from;
    let lane = laneEnds.findIndex((end) => end < from);
    if (lane === -1) lane = laneEnds.length < LANE_RADIUS.length ? laneEnds.length : laneEnds.length - 1;
    laneEnds[lane] = Math.max(laneEnds[lane] ?? 0, to);
    lanes.set(e.id, lane);
  }
  return lanes;
}

/**
 * The annual cycle as a wheel (January at the top, clockwise): milestones as arcs, meetings as
 * dots. The picture is one image with a title and a description; the same events follow it as
 * an ordered list, which is what keyboard and screen-reader users read.
 */
export function YearWheel({ year, events, locale, idPrefix = 'year-wheel' }: { year: number; events: WheelEvent[]; locale: Locale; idPrefix?: string }) {
  const { t } = useTranslation();
  const sorted = [...events].sort((a, b) => a.start.localeCompare(b.start) || a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  const milestones = sorted.filter((e) => e.kind === 'milestone');
  const meetingEvents = sorted.filter((e) => e.kind === 'meeting');
  const lanes = assignLanes(milestones, year);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const listId = `${idPrefix}-list`;
  const when = (e: WheelEvent) => (e.end ? `${formatDate(e.start, locale)}–${formatDate(e.end, locale)}` : formatDate(e.start, locale));

  return (
    <figure className="year-wheel">
      <svg
        className="year-wheel__svg"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
        width={SIZE}
        height={SIZE}
      >
        <title id={titleId}>{t('plans.cycle.wheel.title', { year })}</title>
        <desc id={descId}>{t('plans.cycle.wheel.desc', { year, milestones: milestones.length, meetings: meetingEvents.length })}</desc>
        {Array.from({ length: 12 }, (_, m) => {
          const from = dayFraction(`${year}-${String(m + 1).padStart(2, '0')}-01`, year);
          const to = m === 11 ? 1 : dayFraction(`${year}-${String(m + 2).padStart(2, '0')}-01`, year);
          const [lx, ly] = point((from + to) / 2, (MONTH_OUTER + MONTH_INNER) / 2);
          return (
            <g key={m} className={m % 2 === 0 ? 'year-wheel__month' : 'year-wheel__month year-wheel__month--alt'}>
              <path d={ring(from, to, MONTH_OUTER, MONTH_INNER)} />
              <text x={fmt(lx)} y={fmt(ly)} textAnchor="middle" dominantBaseline="middle" className="year-wheel__month-label">
                {t(`plans.cycle.wheel.months.m${m + 1}`)}
              </text>
            </g>
          );
        })}
        {milestones.map((e) => {
          const from = dayFraction(e.start, year);
          const to = e.end && e.end.slice(0, 4) === String(year) ? dayFraction(e.end, year) : e.end ? 1 : from;
          const radius = LANE_RADIUS[lanes.get(e.id) ?? 0] ?? LANE_RADIUS[0]!;
          if (to - from < 0.004) {
            const [x, y] = point(from, radius);
            return <circle key={e.id} cx={fmt(x)} cy={fmt(y)} r={6} className="year-wheel__milestone-dot" />;
          }
          return <path key={e.id} d={arc(from, to, radius)} className="year-wheel__milestone" />;
        })}
        {meetingEvents.map((e) => {
          const [x, y] = point(dayFraction(e.start, year), MEETING_RADIUS);
          return <circle key={e.id} cx={fmt(x)} cy={fmt(y)} r={5} className="year-wheel__meeting" />;
        })}
        <text x={C} y={C} textAnchor="middle" dominantBaseline="middle" className="year-wheel__year">
          {year}
        </text>
      </svg>
      <figcaption>
        <ul className="year-wheel__legend" aria-label={t('plans.cycle.wheel.legend')}>
          <li>
            <span className="year-wheel__key year-wheel__key--milestone" aria-hidden="true" /> {t('plans.cycle.wheel.milestone')}
          </li>
          <li>
            <span className="year-wheel__key year-wheel__key--meeting" aria-hidden="true" /> {t('plans.cycle.wheel.meeting')}
          </li>
        </ul>
        <h3 id={`${listId}-heading`}>{t('plans.cycle.wheel.listHeading', { year })}</h3>
        {sorted.length === 0 ? (
          <p className="muted">{t('plans.cycle.wheel.empty')}</p>
        ) : (
          <ol id={listId} className="year-wheel__list" aria-labelledby={`${listId}-heading`}>
            {sorted.map((e) => (
              <li key={e.id} className={`year-wheel__item year-wheel__item--${e.kind}`}>
                <time dateTime={e.start}>{when(e)}</time>
                {e.time ? ` ${e.time}` : ''} <span className="badge">{t(e.kind === 'meeting' ? 'plans.cycle.wheel.meeting' : 'plans.cycle.wheel.milestone')}</span>{' '}
                <span lang={e.lang && e.lang !== locale ? e.lang : undefined}>{e.label}</span>
              </li>
            ))}
          </ol>
        )}
      </figcaption>
    </figure>
  );
}
