import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import { councils, meetingInvitees, meetings, minutes, minutesVersions, type Meeting } from '~db/schema';
import { helsinkiWallClock, todayInHelsinki } from '~/lib/dates';
import { recordAudit, diffChanges, type AuditActor } from '~/models/audit.server';
import { getCurrentTerm, isUuid } from '~/models/councils.server';
import { meetingSequence } from '~/models/meeting-number.server';

const publicMeetingColumns = {
  id: meetings.id,
  title: meetings.title,
  titleSv: meetings.titleSv,
  titleEn: meetings.titleEn,
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
  meetingNo: meetingSequence,
  minutesPublished: sql<boolean>`exists (
    select 1 from ${minutes} m join ${minutesVersions} v on v.minutes_id = m.id
    where m.meeting_id = ${meetings.id} and v.status = 'published')`.as('minutes_published'),
};

/** Public meetings only: the meeting is public and its council's records are public. */
const isPublic = and(eq(meetings.publicity, 'public'), eq(councils.publicityDefault, 'public'));

/** How far back an upcoming meeting may have started and still be running (bounds the index scan). */
const LONGEST_MEETING_MS = 2 * 86_400_000;
/** Upcoming lists look at most this far ahead. */
const UPCOMING_HORIZON_MS = 2 * 366 * 86_400_000;

/**
 * Upcoming public meetings across all councils (or one council), at most `limit` (≤ 100), starting
 * within the next two years: the start-time bounds let the planner walk meetings_start_idx from now
 * instead of filtering every meeting ever held. Online links are never selected.
 */
export async function listUpcomingPublicMeetings(opts: { councilId?: string; limit?: number; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  return getDb()
    .select(publicMeetingColumns)
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        isPublic,
        gte(meetings.endsAt, now),
        gte(meetings.startsAt, new Date(now.getTime() - LONGEST_MEETING_MS)),
        lt(meetings.startsAt, new Date(now.getTime() + UPCOMING_HORIZON_MS)),
        opts.councilId ? eq(meetings.councilId, opts.councilId) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(Math.min(opts.limit ?? 10, 100));
}

/**
 * Past public meetings, newest first, a page at a time. A meeting that has ended also started
 * before now: saying so lets the planner walk the start index backwards from now instead of
 * stepping over every future meeting.
 */
export async function listPastPublicMeetings(
  opts: { councilId?: string; page?: number; pageSize?: number; now?: Date } = {},
) {
  const pageSize = opts.pageSize ?? 20;
  const page = Math.max(1, opts.page ?? 1);
  const now = opts.now ?? new Date();
  const rows = await getDb()
    .select(publicMeetingColumns)
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(isPublic, lt(meetings.endsAt, now), lt(meetings.startsAt, now), opts.councilId ? eq(meetings.councilId, opts.councilId) : undefined),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { meetings: rows.slice(0, pageSize), page, hasMore: rows.length > pageSize };
}

export type PublicMeeting = Awaited<ReturnType<typeof listUpcomingPublicMeetings>>[number];

// ---------------------------------------------------------------------------------------
// Calendar: the secretariat's meetings, single occurrences, "my meetings" and public ranges.
// ---------------------------------------------------------------------------------------

/** Where and how a meeting takes place; the online link is for members only. */
export interface MeetingPlace {
  meetingType: Meeting['meetingType'];
  address: string | null;
  room: string | null;
  onlineUrl: string | null;
}

export interface MeetingInput extends MeetingPlace {
  title: string;
  /** The title in Swedish and English (councils that use them; the routes refuse the others). */
  titleSv?: string | null;
  titleEn?: string | null;
  /** Helsinki local date and times. */
  date: string;
  startTime: string;
  endTime: string;
  publicity: Meeting['publicity'];
}

/** A meeting's stable iCalendar UID: random, so it reveals nothing and never changes. */
export function newIcsUid(): string {
  return `${randomUUID()}@neuvos`;
}

/** The term in force on a local date, for a meeting's term_id. */
export async function termIdOn(db: Executor, councilId: string, date: string): Promise<string | null> {
  return (await getCurrentTerm(councilId, date, db))?.id ?? null;
}

const manageColumns = {
  id: meetings.id,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  status: meetings.status,
  publicity: meetings.publicity,
  meetingType: meetings.meetingType,
  address: meetings.address,
  room: meetings.room,
  seriesId: meetings.seriesId,
  detached: meetings.detached,
  meetingNo: meetingSequence,
};

/** A council's meetings that overlap [from, to), for the secretariat's list and month grid. */
export async function listCouncilMeetings(councilId: string, range: { from: Date; to: Date }, db: Executor = getDb()) {
  return db
    .select(manageColumns)
    .from(meetings)
    .where(and(eq(meetings.councilId, councilId), lt(meetings.startsAt, range.to), gt(meetings.endsAt, range.from)))
    .orderBy(asc(meetings.startsAt));
}

export type ManagedMeeting = Awaited<ReturnType<typeof listCouncilMeetings>>[number];

/** One meeting with the scope its permission check needs; null when unknown. */
export async function getMeetingWithCouncil(meetingId: string, db: Executor = getDb()) {
  if (!isUuid(meetingId)) return null;
  const [row] = await db
    .select({
      meeting: meetings,
      meetingNo: meetingSequence,
      council: {
        id: councils.id,
        slug: councils.slug,
        regionId: councils.regionId,
        nameFi: councils.nameFi,
        nameSv: councils.nameSv,
        nameEn: councils.nameEn,
        languages: councils.languages,
      },
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(eq(meetings.id, meetingId))
    .limit(1);
  return row ?? null;
}

type Scope = { councilId: string; regionId: string };

function placeValues(input: MeetingPlace) {
  return {
    meetingType: input.meetingType,
    // An online meeting has no address, an in-person one no link: stale values would mislead.
    address: input.meetingType === 'online' ? null : input.address || null,
    room: input.meetingType === 'online' ? null : input.room || null,
    onlineUrl: input.meetingType === 'in_person' ? null : input.onlineUrl || null,
  };
}

export type CreateMeetingResult = { ok: true; meeting: Meeting } | { ok: false; reason: 'in_past' };

/** A single meeting (not part of a series), planned, in the term in force on its date. */
export async function createMeeting(scope: Scope, actor: AuditActor, input: MeetingInput, now = new Date()): Promise<CreateMeetingResult> {
  const startsAt = helsinkiWallClock(input.date, input.startTime);
  const endsAt = helsinkiWallClock(input.date, input.endTime);
  if (startsAt.getTime() < now.getTime()) return { ok: false, reason: 'in_past' };
  return getDb().transaction(async (tx) => {
    const [meeting] = await tx
      .insert(meetings)
      .values({
        councilId: scope.councilId,
        termId: await termIdOn(tx, scope.councilId, input.date),
        title: input.title,
        titleSv: input.titleSv || null,
        titleEn: input.titleEn || null,
        startsAt,
        endsAt,
        publicity: input.publicity,
        icsUid: newIcsUid(),
        ...placeValues(input),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'calendar.meeting_create',
      entityType: 'meeting',
      entityId: meeting!.id,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: { title: input.title, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    return { ok: true as const, meeting: meeting! };
  });
}

/** Fields whose change calendar programs must hear about (raises SEQUENCE). */
const CALENDAR_FIELDS = ['title', 'startsAt', 'endsAt', 'meetingType', 'address', 'room', 'onlineUrl', 'status'] as const;

/** True when an update changes anything a calendar program shows. */
export function changesCalendar(before: Meeting, after: Partial<Meeting>): boolean {
  return CALENDAR_FIELDS.some((key) => key in after && JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export type MeetingChangeRefusal = 'conflict' | 'locked' | 'in_past' | 'not_found';
export type MeetingChangeResult = { ok: true; meeting: Meeting; notify: boolean } | { ok: false; reason: MeetingChangeRefusal };

/** Held meetings and meetings already begun are records: they are not moved or cancelled. */
export function isLocked(meeting: Pick<Meeting, 'status' | 'startsAt'>, now: Date): boolean {
  return meeting.status === 'held' || meeting.startsAt.getTime() <= now.getTime();
}

/**
 * Moves one meeting or gives it its own place. A series occurrence is detached, so later
 * series edits leave it alone. SEQUENCE rises when calendars must update; `notify` says
 * whether invitations already went out and an update must be sent.
 */
export async function updateMeeting(
  meetingId: string,
  scope: Scope,
  actor: AuditActor,
  input: MeetingInput & { lockVersion: number },
  now = new Date(),
): Promise<MeetingChangeResult> {
  const startsAt = helsinkiWallClock(input.date, input.startTime);
  const endsAt = helsinkiWallClock(input.date, input.endTime);
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, meetingId), eq(meetings.councilId, scope.councilId)));
    if (!before) return { ok: false as const, reason: 'not_found' as const };
    if (before.lockVersion !== input.lockVersion) return { ok: false as const, reason: 'conflict' as const };
    if (isLocked(before, now) || before.status === 'cancelled') return { ok: false as const, reason: 'locked' as const };
    if (startsAt.getTime() < now.getTime()) return { ok: false as const, reason: 'in_past' as const };
    const values = {
      title: input.title,
      titleSv: input.titleSv || null,
      titleEn: input.titleEn || null,
      startsAt,
      endsAt,
      publicity: input.publicity,
      ...placeValues(input),
    };
    const changed = changesCalendar(before, values);
    const timeOrPlace = changed || before.publicity !== input.publicity;
    const dateChanged = helsinkiDateOf(before.startsAt) !== input.date;
    const [meeting] = await tx
      .update(meetings)
      .set({
        ...values,
        detached: before.seriesId !== null && timeOrPlace ? true : before.detached,
        termId: dateChanged ? await termIdOn(tx, scope.councilId, input.date) : before.termId,
        icsSequence: changed ? sql`${meetings.icsSequence} + 1` : before.icsSequence,
        lockVersion: sql`${meetings.lockVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.id, meetingId), eq(meetings.lockVersion, input.lockVersion)))
      .returning();
    if (!meeting) return { ok: false as const, reason: 'conflict' as const };
    await recordAudit(tx, actor, {
      action: 'calendar.meeting_update',
      entityType: 'meeting',
      entityId: meetingId,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: diffChanges(before, values),
    });
    return { ok: true as const, meeting, notify: changed && before.status === 'invited' };
  });
}

/** Cancels one meeting (never a held one); invitees must then get a cancellation. */
export async function cancelMeeting(
  meetingId: string,
  scope: Scope,
  actor: AuditActor,
  input: { lockVersion: number; reason?: string | null },
  now = new Date(),
): Promise<MeetingChangeResult> {
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, meetingId), eq(meetings.councilId, scope.councilId)));
    if (!before) return { ok: false as const, reason: 'not_found' as const };
    if (before.lockVersion !== input.lockVersion) return { ok: false as const, reason: 'conflict' as const };
    if (isLocked(before, now) || before.status === 'cancelled') return { ok: false as const, reason: 'locked' as const };
    const [meeting] = await tx
      .update(meetings)
      .set({
        status: 'cancelled',
        cancelReason: input.reason || null,
        detached: before.seriesId !== null ? true : before.detached,
        icsSequence: sql`${meetings.icsSequence} + 1`,
        lockVersion: sql`${meetings.lockVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.id, meetingId), eq(meetings.lockVersion, input.lockVersion)))
      .returning();
    if (!meeting) return { ok: false as const, reason: 'conflict' as const };
    await recordAudit(tx, actor, {
      action: 'calendar.meeting_cancel',
      entityType: 'meeting',
      entityId: meetingId,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: { status: [before.status, 'cancelled'], cancelReason: [null, input.reason || null] },
    });
    return { ok: true as const, meeting, notify: before.status === 'invited' };
  });
}

/** Marks a meeting that has begun as held: from then on no series edit touches it. */
export async function markMeetingHeld(
  meetingId: string,
  scope: Scope,
  actor: AuditActor,
  input: { lockVersion: number },
  now = new Date(),
): Promise<MeetingChangeResult> {
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, meetingId), eq(meetings.councilId, scope.councilId)));
    if (!before) return { ok: false as const, reason: 'not_found' as const };
    if (before.lockVersion !== input.lockVersion) return { ok: false as const, reason: 'conflict' as const };
    if (before.startsAt.getTime() > now.getTime() || before.status === 'held' || before.status === 'cancelled') {
      return { ok: false as const, reason: 'locked' as const };
    }
    const [meeting] = await tx
      .update(meetings)
      .set({ status: 'held', lockVersion: sql`${meetings.lockVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(meetings.id, meetingId), eq(meetings.lockVersion, input.lockVersion)))
      .returning();
    if (!meeting) return { ok: false as const, reason: 'conflict' as const };
    await recordAudit(tx, actor, {
      action: 'calendar.meeting_held',
      entityType: 'meeting',
      entityId: meetingId,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: { status: [before.status, 'held'] },
    });
    return { ok: true as const, meeting, notify: false };
  });
}

/**
 * "My meetings": every meeting of the given councils in [from, to), with the person's own
 * invitation (reply, kind) when there is one. One query.
 */
export async function listMyMeetings(councilIds: string[], personId: string | null, range: { from: Date; to: Date }) {
  if (councilIds.length === 0) return [];
  return getDb()
    .select({
      ...manageColumns,
      onlineUrl: meetings.onlineUrl,
      councilId: councils.id,
      councilSlug: councils.slug,
      councilNameFi: councils.nameFi,
      councilNameSv: councils.nameSv,
      councilNameEn: councils.nameEn,
      inviteeKind: meetingInvitees.kind,
      reply: meetingInvitees.reply,
      askedToSubstituteAt: meetingInvitees.askedToSubstituteAt,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .leftJoin(
      meetingInvitees,
      and(eq(meetingInvitees.meetingId, meetings.id), personId ? eq(meetingInvitees.personId, personId) : sql`false`),
    )
    .where(and(inArray(meetings.councilId, councilIds), lt(meetings.startsAt, range.to), gt(meetings.endsAt, range.from)))
    .orderBy(asc(meetings.startsAt));
}

export type MyMeeting = Awaited<ReturnType<typeof listMyMeetings>>[number];

/**
 * A council's public meetings starting in [from, to) for the feed and the API. Only
 * public meetings of public councils; the online link and contact details are never selected.
 */
export async function listPublicMeetingsInRange(councilId: string, range: { from: Date; to: Date }) {
  return getDb()
    .select({
      id: meetings.id,
      title: meetings.title,
      titleSv: meetings.titleSv,
      titleEn: meetings.titleEn,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      status: meetings.status,
      meetingType: meetings.meetingType,
      address: meetings.address,
      room: meetings.room,
      icsUid: meetings.icsUid,
      icsSequence: meetings.icsSequence,
      updatedAt: meetings.updatedAt,
      agendaPublishedAt: meetings.agendaPublishedAt,
      meetingNo: meetingSequence,
      minutesPublished: publicMeetingColumns.minutesPublished,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(and(isPublic, eq(meetings.councilId, councilId), gte(meetings.startsAt, range.from), lt(meetings.startsAt, range.to)))
    .orderBy(asc(meetings.startsAt))
    .limit(1000);
}

export type PublicRangeMeeting = Awaited<ReturnType<typeof listPublicMeetingsInRange>>[number];

function helsinkiDateOf(instant: Date): string {
  return todayInHelsinki(instant);
}
