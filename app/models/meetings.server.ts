import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { councils, meetings, minutes, minutesVersions } from '~db/schema';

const publicMeetingColumns = {
  id: meetings.id,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  status: meetings.status,
  meetingType: meetings.meetingType,
  address: meetings.address,
  room: meetings.room,
  agendaPublishedAt: meetings.agendaPublishedAt,
  councilSlug: councils.slug,
  councilNameFi: councils.nameFi,
  councilNameSv: councils.nameSv,
  councilNameEn: councils.nameEn,
  minutesPublished: sql<boolean>`exists (
    select 1 from ${minutes} m join ${minutesVersions} v on v.minutes_id = m.id
    where m.meeting_id = ${meetings.id} and v.status = 'published')`.as('minutes_published'),
};

/** Public meetings only: the meeting is public and its council's records are public. */
const isPublic = and(eq(meetings.publicity, 'public'), eq(councils.publicityDefault, 'public'));

/** Upcoming public meetings across all councils (or one council). Online links are never selected. */
export async function listUpcomingPublicMeetings(opts: { councilId?: string; limit?: number; now?: Date } = {}) {
  return getDb()
    .select(publicMeetingColumns)
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        isPublic,
        gte(meetings.endsAt, opts.now ?? new Date()),
        opts.councilId ? eq(meetings.councilId, opts.councilId) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(opts.limit ?? 10);
}

/** Past public meetings, newest first, a page at a time. */
export async function listPastPublicMeetings(
  opts: { councilId?: string; page?: number; pageSize?: number; now?: Date } = {},
) {
  const pageSize = opts.pageSize ?? 20;
  const page = Math.max(1, opts.page ?? 1);
  const rows = await getDb()
    .select(publicMeetingColumns)
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(isPublic, lt(meetings.endsAt, opts.now ?? new Date()), opts.councilId ? eq(meetings.councilId, opts.councilId) : undefined),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { meetings: rows.slice(0, pageSize), page, hasMore: rows.length > pageSize };
}

export type PublicMeeting = Awaited<ReturnType<typeof listUpcomingPublicMeetings>>[number];
