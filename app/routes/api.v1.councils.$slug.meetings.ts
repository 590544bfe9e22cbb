import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { helsinkiWallClock, todayInHelsinki } from '~/lib/dates';
import { apiError } from '~/lib/http.server';
import { paginationFields, paginationHeaders, parsePagination } from '~/lib/pagination.server';
import { absoluteUrl } from '~/lib/url.server';
import { apiCouncilMeetings } from '~/models/feeds.server';
import { feedLanguage } from '~/lib/atom.server';

const MAX_RANGE_DAYS = 2 * 366;
const DAY_MS = 86_400_000;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * GET /api/v1/councils/{slug}/meetings?from=YYYY-MM-DD&to=YYYY-MM-DD: public meetings
 * starting on those Helsinki days (both inclusive; default today + 1 year), at most 2 years;
 * `page` and `per_page` (≤ 100) page through them with `Link` and `X-Total-Count` (the range
 * already bounds the query: a council meets at most a few times a month).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const from = url.searchParams.get('from') ?? todayInHelsinki();
  if (!isDate(from)) return apiError(400, '"from" must be a date YYYY-MM-DD');
  const to = url.searchParams.get('to') ?? addDays(from, 365);
  if (!isDate(to)) return apiError(400, '"to" must be a date YYYY-MM-DD');
  if (to < from) return apiError(400, '"to" must not be before "from"');
  if (to > addDays(from, MAX_RANGE_DAYS)) return apiError(400, 'the range from "from" to "to" may be at most 2 years');
  const paging = parsePagination(url);
  if (!paging.ok) return apiError(400, paging.message);
  const p = paging.value;
  const meetings = await apiCouncilMeetings(
    params.slug ?? '',
    { from: helsinkiWallClock(from, '00:00'), to: helsinkiWallClock(addDays(to, 1), '00:00') },
    absoluteUrl(request, ''),
    await feedLanguage(request),
  );
  if (meetings === null) return apiError(404, 'no such council');
  return json(
    { from, to, timezone: 'Europe/Helsinki', ...paginationFields(p, meetings.length), meetings: meetings.slice(p.offset, p.offset + p.perPage) },
    {
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=60',
        ...paginationHeaders(url, absoluteUrl(request, ''), p, meetings.length),
      },
    },
  );
}
