import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { calendarFeedTokens, councils, meetings, users } from '~db/schema';
import { councilsOf } from '~/auth/permissions';
import { toIsoWithOffset, TIME_ZONE } from '~/lib/dates';
import { buildCalendar, type IcsEvent, type IcsStatus } from '~/lib/ics';
import { recordAudit, type AuditActor } from '~/models/audit.server';
import { listPublicMeetingsInRange, type PublicRangeMeeting } from '~/models/meetings.server';
import { loadPrincipal } from '~/models/principals.server';
import { isSlug } from '~/lib/http/params';
import { meetingNumberText } from '~/lib/meeting-lifecycle';
import { localized, langTexts, pickLang, type LangTexts, type Locale } from '~/lib/i18n';

const ONLY_FINNISH = { fi: '', sv: 'endast på finska', en: 'only in Finnish' } as const;

/**
 * A meeting's SUMMARY in the subscriber's language (`?lng=`), with LANGUAGE=; a Finnish title shown
 * to a Swedish or English subscriber is marked "(endast på finska)" / "(only in Finnish)".
 */
function icsTitle(m: { title: string; titleSv: string | null; titleEn: string | null }, lang: Locale): { summary: string; summaryLanguage?: string } {
  if (lang === 'fi') return { summary: m.title };
  const picked = pickLang(langTexts(m, 'title'), lang);
  if (!picked) return { summary: m.title };
  if (!picked.fallback) return { summary: picked.text, summaryLanguage: lang };
  return { summary: picked.lang === 'fi' ? `${picked.text} (${ONLY_FINNISH[lang]})` : picked.text, summaryLanguage: picked.lang };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const DAY_MS = 86_400_000;
/** Feeds reach a year back and two years ahead: enough for any calendar, bounded for the server. */
const FEED_PAST_DAYS = 366;
const FEED_FUTURE_DAYS = 731;
/** How often subscribers are asked to refetch, in minutes. */
export const FEED_REFRESH_MINUTES = 60;

function icsStatus(status: string): IcsStatus {
  if (status === 'cancelled') return 'CANCELLED';
  return status === 'planned' ? 'TENTATIVE' : 'CONFIRMED';
}

function publicLocation(m: Pick<PublicRangeMeeting, 'address' | 'room' | 'meetingType'>): string | undefined {
  const place = [m.address, m.room].filter((p): p is string => Boolean(p)).join(', ');
  return place || undefined;
}

/** The public .ics of a council: its public meetings, each linking back to its page; null for an unknown council. */
export async function councilFeed(slug: string, baseUrl: string, now = new Date(), lang: Locale = 'fi'): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const [council] = await getDb()
    .select({ id: councils.id, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, publicityDefault: councils.publicityDefault })
    .from(councils)
    .where(eq(councils.slug, slug));
  if (!council) return null;
  // A members-only council still has a feed URL, but it never lists anything.
  const rows =
    council.publicityDefault === 'public'
      ? await listPublicMeetingsInRange(council.id, {
          from: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS),
          to: new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS),
        })
      : [];
  const events: IcsEvent[] = rows.map((m) => ({
    uid: m.icsUid,
    sequence: m.icsSequence,
    start: m.startsAt,
    end: m.endsAt,
    ...icsTitle(m, lang),
    location: publicLocation(m),
    url: `${baseUrl}/meetings/${m.id}`,
    status: icsStatus(m.status),
    lastModified: m.updatedAt,
  }));
  return buildCalendar({ method: 'PUBLISH', name: localized(council, 'name', lang).text, events, now, refreshMinutes: FEED_REFRESH_MINUTES });
}

/** One meeting as the public API shows it (Open Civic Data Event field names where they exist). */
export interface ApiMeeting {
  id: string;
  /** In the asked language (`?lng=`), else Finnish; `names` has every version (issue #14). */
  name: string;
  names: LangTexts;
  startTime: string;
  endTime: string;
  timezone: string;
  status: 'tentative' | 'confirmed' | 'passed' | 'cancelled';
  meetingStatus: string;
  location: { name: string | null; note: 'in_person' | 'online' | 'hybrid' } | null;
  agendaPublished: boolean;
  minutesPublished: boolean;
  /** "3/2027": the meeting's number within its council and Helsinki calendar year; null when cancelled. */
  number: string | null;
  url: string;
}

const OCD_STATUS: Record<string, ApiMeeting['status']> = {
  planned: 'tentative',
  invited: 'confirmed',
  held: 'passed',
  cancelled: 'cancelled',
};

/** Public meetings of a council starting within [from, to) local days; null for an unknown council. */
export async function apiCouncilMeetings(slug: string, range: { from: Date; to: Date }, baseUrl: string, lang: Locale = 'fi'): Promise<ApiMeeting[] | null> {
  if (!isSlug(slug)) return null;
  const [council] = await getDb()
    .select({ id: councils.id, publicityDefault: councils.publicityDefault })
    .from(councils)
    .where(eq(councils.slug, slug));
  if (!council) return null;
  if (council.publicityDefault !== 'public') return [];
  const rows = await listPublicMeetingsInRange(council.id, range);
  return rows.map((m) => ({
    id: m.id,
    name: pickLang(langTexts(m, 'title'), lang)?.text ?? m.title,
    names: langTexts(m, 'title'),
    startTime: toIsoWithOffset(m.startsAt),
    endTime: toIsoWithOffset(m.endsAt),
    timezone: TIME_ZONE,
    status: OCD_STATUS[m.status] ?? 'tentative',
    meetingStatus: m.status,
    location: m.meetingType === 'online' && !m.address ? { name: null, note: m.meetingType } : { name: publicLocation(m) ?? null, note: m.meetingType },
    agendaPublished: m.agendaPublishedAt !== null,
    minutesPublished: Boolean(m.minutesPublished),
    number: meetingNumberText(m.meetingNo, m.startsAt),
    url: `${baseUrl}/meetings/${m.id}`,
  }));
}

// ---------------------------------------------------------------------------------------
// Personal feeds at secret URLs
// ---------------------------------------------------------------------------------------

/** Whether the user has a live personal feed and since when (the URL itself is never shown again). */
export async function getFeedTokenStatus(userId: string) {
  const [row] = await getDb()
    .select({ createdAt: calendarFeedTokens.createdAt })
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)))
    .orderBy(desc(calendarFeedTokens.createdAt))
    .limit(1);
  return row ?? null;
}

/** Creates (or regenerates) the personal feed: earlier URLs stop working; returns the new token once. */
export async function createFeedToken(userId: string, actor: AuditActor, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await getDb().transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeedTokens)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)))
      .returning({ id: calendarFeedTokens.id });
    const [row] = await tx.insert(calendarFeedTokens).values({ userId, tokenHash: sha256(token), createdAt: now }).returning();
    await recordAudit(tx, actor, {
      action: revoked.length > 0 ? 'calendar.feed_regenerate' : 'calendar.feed_create',
      entityType: 'calendar_feed_token',
      entityId: row!.id,
    });
  });
  return token;
}

/** Revokes every personal feed URL of the user; returns how many were live. */
export async function revokeFeedTokens(userId: string, actor: AuditActor, now = new Date()): Promise<number> {
  return getDb().transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeedTokens)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)))
      .returning({ id: calendarFeedTokens.id });
    if (revoked.length > 0) await recordAudit(tx, actor, { action: 'calendar.feed_revoke', entityType: 'calendar_feed_token', entityId: revoked[0]!.id });
    return revoked.length;
  });
}

/**
 * The personal .ics behind a secret URL: every meeting of every council the user now has a
 * role in (closed ones too, with the online link, since only the member holds the URL).
 * Null when the token is unknown, revoked, or the account is disabled.
 */
export async function personalFeed(token: string, baseUrl: string, now = new Date()): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const [row] = await getDb()
    .select({ userId: users.id, personId: users.personId, disabledAt: users.disabledAt, displayName: users.displayName })
    .from(calendarFeedTokens)
    .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .where(and(eq(calendarFeedTokens.tokenHash, sha256(token)), isNull(calendarFeedTokens.revokedAt)));
  if (!row || row.disabledAt) return null;
  const principal = await loadPrincipal({ id: row.userId, personId: row.personId });
  const councilIds = councilsOf(principal);
  const list =
    councilIds.length === 0
      ? []
      : await getDb()
          .select({ meeting: meetings, councilName: councils.nameFi, councilPublicity: councils.publicityDefault })
          .from(meetings)
          .innerJoin(councils, eq(councils.id, meetings.councilId))
          .where(
            and(
              inArray(meetings.councilId, councilIds),
              gte(meetings.startsAt, new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS)),
              lt(meetings.startsAt, new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS)),
            ),
          )
          .orderBy(asc(meetings.startsAt))
          .limit(2000);
  const events: IcsEvent[] = list.map(({ meeting: m, councilName, councilPublicity }) => ({
    uid: m.icsUid,
    sequence: m.icsSequence,
    start: m.startsAt,
    end: m.endsAt,
    summary: `${m.title} – ${councilName}`,
    description: m.onlineUrl && m.meetingType !== 'in_person' ? m.onlineUrl : undefined,
    location: m.meetingType === 'online' ? (m.onlineUrl ?? undefined) : publicLocation(m),
    // The meeting's own page: the public one from scheduling, the members' view for closed meetings.
    url: m.publicity === 'public' && councilPublicity === 'public' ? `${baseUrl}/meetings/${m.id}` : `${baseUrl}/meetings/${m.id}/members`,
    status: icsStatus(m.status),
    lastModified: m.updatedAt,
  }));
  return buildCalendar({ method: 'PUBLISH', name: `Neuvos – ${row.displayName}`, events, now, refreshMinutes: FEED_REFRESH_MINUTES });
}
