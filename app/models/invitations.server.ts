import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import { getDb, type Executor } from '~db/client.server';
import { categories, councils, meetingInvitees, meetings, memberships, people, terms, users, type Meeting, type MeetingInvitee } from '~db/schema';
import i18nServer from '~/i18n.server';
import { formatMeetingTime, todayInHelsinki } from '~/lib/dates';
import { isLocale, type Locale } from '~/lib/i18n';
import { buildCalendar, type IcsAttendee, type IcsMethod } from '~/lib/ics';
import { mailFrom, queueMail } from '~/lib/mail.server';
import { wakeWorkers } from '~/lib/queue/queue.server';
import { MAIL_QUEUE } from '~/lib/queue/queues';
import { recordAudit, type AuditActor } from '~/models/audit.server';
import { isUuid } from '~/models/councils.server';
import { VOTING_SEAT_ROLES } from '~db/schema/constants';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

type Scope = { councilId: string; regionId: string };
type InviteeKind = MeetingInvitee['kind'];
type Reply = NonNullable<MeetingInvitee['reply']>;

/** Roster roles that hold a seat and are invited as members; officers and experts come as 'other'. */
const SEAT_ROLES = VOTING_SEAT_ROLES;
const OTHER_ROLES = ['chair', 'vice_chair', 'invited_expert'] as const;
const KIND_RANK: Record<InviteeKind, number> = { member: 0, other: 1, deputy: 2 };

/** The organiser calendar programs see: the app's sender address, so replies are not misrouted to a member. */
export function organizer(): { name: string; email: string } {
  const from = mailFrom();
  const m = /^\s*"?([^"<]*)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]!.trim() || 'Neuvos', email: m[2]!.trim() } : { name: 'Neuvos', email: from.trim() };
}

interface MailCouncil {
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  languages: string[];
}

function councilName(council: MailCouncil, locale: Locale): string {
  const own = locale === 'sv' ? council.nameSv : locale === 'en' ? council.nameEn : council.nameFi;
  return own?.trim() ? own : council.nameFi;
}

function recipientLocale(userLocale: string | null, council: MailCouncil): Locale {
  if (isLocale(userLocale)) return userLocale;
  const first = council.languages[0];
  return isLocale(first) ? first : 'fi';
}

export type MailKind = 'invitation' | 'update' | 'cancellation' | 'ask' | 'released' | 'reminder';

export interface MailRecipient {
  name: string;
  email: string;
  locale: Locale;
  kind: InviteeKind;
  /** For a deputy: the member they stand in for. */
  principalName?: string | null;
  /** A fresh reply link, when the message carries one. */
  replyUrl?: string | null;
}

function location(meeting: Pick<Meeting, 'meetingType' | 'address' | 'room' | 'onlineUrl'>): string | undefined {
  const place = [meeting.address, meeting.room].filter((p): p is string => Boolean(p)).join(', ');
  if (meeting.meetingType === 'online') return meeting.onlineUrl ?? undefined;
  return place || undefined;
}

function describe(t: TFunction, meeting: Meeting, council: MailCouncil, to: MailRecipient, kind: MailKind): string {
  const lines = [
    `${councilName(council, to.locale)}: ${meeting.title}`,
    `${t('calendar.mail.when')}: ${formatMeetingTime(meeting.startsAt, meeting.endsAt, to.locale)}`,
  ];
  const place = [meeting.address, meeting.room].filter(Boolean).join(', ');
  if (meeting.meetingType !== 'online' && place) lines.push(`${t('calendar.mail.where')}: ${place}`);
  if (meeting.meetingType !== 'in_person' && meeting.onlineUrl) lines.push(`${t('calendar.mail.online')}: ${meeting.onlineUrl}`);
  if (meeting.status === 'cancelled' && meeting.cancelReason) lines.push(`${t('calendar.mail.reason')}: ${meeting.cancelReason}`);
  if (to.kind === 'deputy' && kind !== 'cancellation' && kind !== 'released') {
    lines.push('', t(kind === 'ask' || kind === 'reminder' ? 'calendar.mail.askText' : 'calendar.mail.deputyNote', { principal: to.principalName ?? '–' }));
  }
  if (to.replyUrl) lines.push('', `${t('calendar.mail.replyPrompt')} ${to.replyUrl}`);
  return lines.join('\n');
}

/**
 * One message about a meeting to one person, with the .ics calendar programs understand,
 * queued on `executor` (the transaction of the change that causes it). Returns the outbox id.
 */
export async function mailAboutMeeting(
  executor: Executor,
  kind: MailKind,
  meeting: Meeting,
  council: MailCouncil,
  to: MailRecipient,
  now = new Date(),
  extra: { unsubscribeUrl?: string | null } = {},
): Promise<string> {
  const t = await i18nServer.getFixedT(to.locale, 'common');
  const name = councilName(council, to.locale);
  const when = formatMeetingTime(meeting.startsAt, meeting.endsAt, to.locale);
  const subject = t(`calendar.mail.subject.${kind}`, { council: name, title: meeting.title, when });
  const intro = t(`calendar.mail.intro.${kind}`, { name: to.name });
  // Calendar programs send their own "accepted" mails to the organiser address: say they are not read.
  const calendarNote = to.replyUrl && (kind === 'invitation' || kind === 'update') ? `\n${t('mail.calendarRepliesNotRead')}\n` : '';
  const stopNote = extra.unsubscribeUrl ? `\n${t('notify.reminderFooter', { url: extra.unsubscribeUrl })}\n` : '';
  const text = `${intro}\n\n${describe(t, meeting, council, to, kind)}\n${calendarNote}${stopNote}`;
  // Replies to the deputy hand-over and the release are plain notes: the event itself is unchanged.
  const method: IcsMethod | null = kind === 'cancellation' ? 'CANCEL' : kind === 'ask' || kind === 'released' || kind === 'reminder' ? null : 'REQUEST';
  const attendee: IcsAttendee = {
    name: to.name,
    email: to.email,
    role: to.kind === 'deputy' ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT',
  };
  const ics = method
    ? buildCalendar({
        method,
        now,
        events: [
          {
            uid: meeting.icsUid,
            sequence: meeting.icsSequence,
            start: meeting.startsAt,
            end: meeting.endsAt,
            summary: `${meeting.title} – ${name}`,
            description: describe(t, meeting, council, { ...to, replyUrl: null }, kind),
            location: location(meeting),
            status: meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
            organizer: organizer(),
            // Only the recipient: a member's address is never shown to the others.
            attendees: [attendee],
            lastModified: meeting.updatedAt,
          },
        ],
      })
    : null;
  return queueMail(executor, {
    to: to.email,
    subject,
    text,
    ics: ics && method ? { method, content: ics } : undefined,
    councilId: meeting.councilId,
    meetingId: meeting.id,
    kind,
    locale: to.locale,
    unsubscribeUrl: extra.unsubscribeUrl ?? null,
  });
}

interface Candidate {
  membershipId: string;
  personId: string;
  kind: InviteeKind;
}

/**
 * Who is invited to a meeting: the seats, personal deputies and officers of the term in
 * force on the meeting's date. One query; a person holding several roles is invited once.
 */
async function candidatesFor(db: Executor, councilId: string, date: string): Promise<Candidate[]> {
  const rows = await db
    .select({ id: memberships.id, personId: memberships.personId, role: memberships.role, principalId: memberships.principalId })
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .where(
      and(
        eq(terms.councilId, councilId),
        lte(terms.startDate, date),
        or(isNull(terms.endDate), gte(terms.endDate, date)),
        lte(memberships.startDate, date),
        or(isNull(memberships.endDate), gte(memberships.endDate, date)),
      ),
    )
    .orderBy(asc(memberships.startDate));
  const best = new Map<string, Candidate>();
  for (const r of rows) {
    let kind: InviteeKind | null = null;
    if ((SEAT_ROLES as readonly string[]).includes(r.role)) kind = 'member';
    else if (r.role === 'deputy' && r.principalId) kind = 'deputy';
    else if ((OTHER_ROLES as readonly string[]).includes(r.role)) kind = 'other';
    if (!kind) continue;
    const current = best.get(r.personId);
    if (!current || KIND_RANK[kind] < KIND_RANK[current.kind]) best.set(r.personId, { membershipId: r.id, personId: r.personId, kind });
  }
  return [...best.values()];
}

interface InviteeForMail {
  id: string;
  personId: string;
  kind: InviteeKind;
  name: string;
  email: string | null;
  userLocale: string | null;
  principalName: string | null;
}

async function inviteesForMail(db: Executor, meetingId: string, ids?: string[]): Promise<InviteeForMail[]> {
  const rows = await db
    .select({
      id: meetingInvitees.id,
      personId: meetingInvitees.personId,
      kind: meetingInvitees.kind,
      givenName: people.givenName,
      familyName: people.familyName,
      email: people.email,
      userLocale: users.locale,
      principalName: sql<string | null>`(
        select pp.given_name || ' ' || pp.family_name from ${memberships} dm
        join ${memberships} pm on pm.id = dm.principal_id
        join ${people} pp on pp.id = pm.person_id
        where dm.id = ${meetingInvitees.membershipId})`,
    })
    .from(meetingInvitees)
    .innerJoin(people, eq(people.id, meetingInvitees.personId))
    .leftJoin(users, eq(users.personId, people.id))
    .where(and(eq(meetingInvitees.meetingId, meetingId), ids ? inArray(meetingInvitees.id, ids) : undefined));
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    kind: r.kind,
    name: `${r.givenName} ${r.familyName}`,
    email: r.email,
    userLocale: r.userLocale,
    principalName: r.principalName,
  }));
}

async function loadMeeting(db: Executor, meetingId: string, councilId?: string) {
  if (!isUuid(meetingId)) return null;
  const [row] = await db
    .select({ meeting: meetings, council: { nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, languages: councils.languages } })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(and(eq(meetings.id, meetingId), councilId ? eq(meetings.councilId, councilId) : undefined))
    .for('update', { of: meetings });
  return row ?? null;
}

/** A fresh personal reply link for an invitee; the previous link stops working. */
async function issueReplyToken(db: Executor, inviteeId: string): Promise<string> {
  const token = newToken();
  await db.update(meetingInvitees).set({ replyTokenHash: sha256(token) }).where(eq(meetingInvitees.id, inviteeId));
  return token;
}

type Outgoing = { kind: MailKind; to: MailRecipient };

/** Queues the messages in the caller's transaction; returns how many were queued. */
async function deliver(tx: Executor, meeting: Meeting, council: MailCouncil, outgoing: Outgoing[], now: Date) {
  for (const o of outgoing) await mailAboutMeeting(tx, o.kind, meeting, council, o.to, now);
  return outgoing.length;
}

function recipient(row: InviteeForMail, council: MailCouncil, replyUrl: string | null): MailRecipient | null {
  if (!row.email) return null;
  return {
    name: row.name,
    email: row.email,
    locale: recipientLocale(row.userLocale, council),
    kind: row.kind,
    principalName: row.principalName,
    replyUrl,
  };
}

export type InviteRefusal = 'not_found' | 'in_past' | 'cancelled' | 'held' | 'no_invitees';
/** `queued`: messages recorded and queued with the invitation (a worker sends them; see meetingDelivery). */
export type InviteResult = { ok: true; invited: number; queued: number; withoutEmail: string[] } | { ok: false; reason: InviteRefusal };

/**
 * Sends the invitation to every current member, personal deputy (marked as such) and officer
 * not yet invited, each with a METHOD:REQUEST .ics and a personal reply link; the meeting
 * becomes 'invited'. A meeting in the past, held or cancelled is refused.
 */
export async function sendInvitations(
  meetingId: string,
  scope: Scope,
  actor: AuditActor,
  opts: { baseUrl: string; now?: Date },
): Promise<InviteResult> {
  const now = opts.now ?? new Date();
  const prepared = await getDb().transaction(async (tx) => {
    const found = await loadMeeting(tx, meetingId, scope.councilId);
    if (!found) return { ok: false as const, reason: 'not_found' as const };
    const { meeting, council } = found;
    if (meeting.status === 'cancelled') return { ok: false as const, reason: 'cancelled' as const };
    if (meeting.status === 'held') return { ok: false as const, reason: 'held' as const };
    if (meeting.startsAt.getTime() <= now.getTime()) return { ok: false as const, reason: 'in_past' as const };
    const date = todayInHelsinki(meeting.startsAt);
    const candidates = await candidatesFor(tx, scope.councilId, date);
    const already = new Set(
      (await tx.select({ personId: meetingInvitees.personId }).from(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId))).map(
        (r) => r.personId,
      ),
    );
    const fresh = candidates.filter((c) => !already.has(c.personId));
    if (fresh.length === 0 && already.size === 0) return { ok: false as const, reason: 'no_invitees' as const };
    const tokens = new Map<string, string>();
    const inserted =
      fresh.length === 0
        ? []
        : await tx
            .insert(meetingInvitees)
            .values(
              fresh.map((c) => {
                const token = newToken();
                tokens.set(c.personId, token);
                return {
                  meetingId,
                  personId: c.personId,
                  membershipId: c.membershipId,
                  kind: c.kind,
                  replyTokenHash: sha256(token),
                  invitedAt: now,
                  lastSentSequence: meeting.icsSequence,
                };
              }),
            )
            .returning({ id: meetingInvitees.id, personId: meetingInvitees.personId });
    const [updated] = await tx
      .update(meetings)
      .set({ status: 'invited', invitedAt: meeting.invitedAt ?? now, lockVersion: sql`${meetings.lockVersion} + 1`, updatedAt: now })
      .where(eq(meetings.id, meetingId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'calendar.invite',
      entityType: 'meeting',
      entityId: meetingId,
      councilId: scope.councilId,
      regionId: scope.regionId,
      changes: { status: [meeting.status, 'invited'], invited: inserted.length },
    });
    const rows = await inviteesForMail(tx, meetingId, inserted.map((r) => r.id));
    // The messages commit with the invitation: none is lost if the mail server is down.
    const outgoing: Outgoing[] = [];
    const withoutEmail: string[] = [];
    for (const row of rows) {
      const to = recipient(row, council, `${opts.baseUrl}/reply/${tokens.get(row.personId)}`);
      if (to) outgoing.push({ kind: 'invitation', to });
      else withoutEmail.push(row.name);
    }
    const queued = await deliver(tx, updated!, council, outgoing, now);
    return { ok: true as const, invited: rows.length, queued, withoutEmail };
  });
  if (prepared.ok) wakeWorkers(MAIL_QUEUE);
  return prepared;
}

/**
 * Tells invitees about changes they have not yet been sent: an update (METHOD:REQUEST, same
 * UID, the raised SEQUENCE) or a cancellation (METHOD:CANCEL). Each invitee is claimed with
 * a conditional UPDATE on last_sent_sequence, so two app instances never send the same notice.
 */
export async function sendPendingNotices(meetingIds: string[], opts: { baseUrl: string; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date();
  let total = 0;
  for (const meetingId of meetingIds) {
    const prepared = await getDb().transaction(async (tx) => {
      const found = await loadMeeting(tx, meetingId);
      if (!found) return null;
      const { meeting, council } = found;
      const claimed = await tx
        .update(meetingInvitees)
        .set({ lastSentSequence: meeting.icsSequence })
        .where(
          and(
            eq(meetingInvitees.meetingId, meetingId),
            isNotNull(meetingInvitees.invitedAt),
            or(isNull(meetingInvitees.lastSentSequence), sql`${meetingInvitees.lastSentSequence} < ${meeting.icsSequence}`),
          ),
        )
        .returning({ id: meetingInvitees.id });
      const rows = await inviteesForMail(tx, meetingId, claimed.map((c) => c.id));
      const cancelled = meeting.status === 'cancelled';
      const tokens = new Map<string, string>();
      if (!cancelled) for (const row of rows) if (row.email) tokens.set(row.id, await issueReplyToken(tx, row.id));
      const outgoing: Outgoing[] = [];
      for (const row of rows) {
        const token = tokens.get(row.id);
        const to = recipient(row, council, token ? `${opts.baseUrl}/reply/${token}` : null);
        if (to) outgoing.push({ kind: cancelled ? 'cancellation' : 'update', to });
      }
      // The claim (last_sent_sequence) and the queued messages commit together.
      return deliver(tx, meeting, council, outgoing, now);
    });
    total += prepared ?? 0;
  }
  if (total > 0) wakeWorkers(MAIL_QUEUE);
  return total;
}

/** How many invitees have not yet been sent the meeting's latest change. */
export async function countPendingNotices(meetingId: string, councilId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(meetingInvitees)
    .innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
    .where(
      and(
        eq(meetingInvitees.meetingId, meetingId),
        eq(meetings.councilId, councilId),
        isNotNull(meetingInvitees.invitedAt),
        or(isNull(meetingInvitees.lastSentSequence), sql`${meetingInvitees.lastSentSequence} < ${meetings.icsSequence}`),
      ),
    );
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------
// Replies and the deputy hand-over
// ---------------------------------------------------------------------------------------

/** What the reply page shows for a link; reading it changes nothing. */
export async function getReplyContext(token: string) {
  if (!token || token.length > 200) return null;
  const [row] = await getDb()
    .select({
      inviteeId: meetingInvitees.id,
      personId: meetingInvitees.personId,
      kind: meetingInvitees.kind,
      reply: meetingInvitees.reply,
      askedToSubstituteAt: meetingInvitees.askedToSubstituteAt,
      givenName: people.givenName,
      familyName: people.familyName,
      meetingId: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      status: meetings.status,
      meetingType: meetings.meetingType,
      address: meetings.address,
      room: meetings.room,
      councilNameFi: councils.nameFi,
      councilNameSv: councils.nameSv,
      councilNameEn: councils.nameEn,
    })
    .from(meetingInvitees)
    .innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .innerJoin(people, eq(people.id, meetingInvitees.personId))
    .where(eq(meetingInvitees.replyTokenHash, sha256(token)));
  return row ?? null;
}

export type ReplyContext = NonNullable<Awaited<ReturnType<typeof getReplyContext>>>;
export type ReplyRefusal = 'not_found' | 'other_person' | 'over' | 'cancelled';

/** Why a reply cannot be accepted now, or null when it can. */
export function replyRefusal(
  context: Pick<ReplyContext, 'status' | 'startsAt' | 'personId'>,
  signedIn: { personId: string | null } | null,
  now: Date,
): ReplyRefusal | null {
  if (signedIn && signedIn.personId !== context.personId) return 'other_person';
  if (context.status === 'cancelled') return 'cancelled';
  if (context.status === 'held' || context.startsAt.getTime() <= now.getTime()) return 'over';
  return null;
}

export type ReplyResult = { ok: true; reply: Reply; deputiesAsked: number } | { ok: false; reason: ReplyRefusal };

async function applyReply(
  where: SQL | undefined,
  reply: Reply,
  signedIn: { personId: string | null } | null,
  actor: AuditActor,
  opts: { baseUrl: string; now?: Date },
): Promise<ReplyResult> {
  const now = opts.now ?? new Date();
  const prepared = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ invitee: meetingInvitees, meeting: meetings, council: { id: councils.id, regionId: councils.regionId, nameFi: councils.nameFi, nameSv: councils.nameSv, nameEn: councils.nameEn, languages: councils.languages } })
      .from(meetingInvitees)
      .innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .where(where)
      .for('update', { of: meetingInvitees });
    if (!row) return { ok: false as const, reason: 'not_found' as const };
    const { invitee, meeting, council } = row;
    const refusal = replyRefusal({ status: meeting.status, startsAt: meeting.startsAt, personId: invitee.personId }, signedIn, now);
    if (refusal) return { ok: false as const, reason: refusal };
    await tx.update(meetingInvitees).set({ reply, repliedAt: now }).where(eq(meetingInvitees.id, invitee.id));
    await recordAudit(tx, actor, {
      action: 'calendar.reply',
      entityType: 'meeting_invitee',
      entityId: invitee.id,
      councilId: council.id,
      regionId: council.regionId,
      changes: { meetingId: meeting.id, reply: [invitee.reply, reply] },
    });
    const handover = invitee.kind === 'member' && invitee.membershipId ? await handOver(tx, meeting, invitee.membershipId, reply, now) : { asked: [], released: [] };
    if (handover.asked.length > 0 || handover.released.length > 0) {
      await recordAudit(tx, { userId: null, label: 'system', ip: null }, {
        action: reply === 'not_attending' ? 'calendar.deputy_ask' : 'calendar.deputy_release',
        entityType: 'meeting',
        entityId: meeting.id,
        councilId: council.id,
        regionId: council.regionId,
        changes: { for: invitee.id, deputies: [...handover.asked, ...handover.released].map((d) => d.id) },
      });
    }
    const mailRows = await inviteesForMail(tx, meeting.id, [...handover.asked, ...handover.released].map((d) => d.id));
    const outgoing: Outgoing[] = [];
    for (const row of mailRows) {
      const asked = handover.asked.find((a) => a.id === row.id);
      const to = recipient(row, council, asked ? `${opts.baseUrl}/reply/${asked.token}` : null);
      if (to) outgoing.push({ kind: asked ? 'ask' : 'released', to });
    }
    // The hand-over and its messages commit together.
    const queued = await deliver(tx, meeting, council, outgoing, now);
    return { ok: true as const, handover, queued };
  });
  if (!prepared.ok) return prepared;
  if (prepared.queued > 0) wakeWorkers(MAIL_QUEUE);
  return { ok: true, reply, deputiesAsked: prepared.handover.asked.length };
}

/**
 * The personal deputy steps in when their member declines (asked, with a fresh reply link)
 * and is released when the member says they come after all.
 */
async function handOver(tx: Executor, meeting: Meeting, memberMembershipId: string, reply: Reply, now: Date) {
  const asked: Array<{ id: string; token: string }> = [];
  const released: Array<{ id: string }> = [];
  const date = todayInHelsinki(meeting.startsAt);
  const deputies = await tx
    .select({ membershipId: memberships.id, personId: memberships.personId, invitee: meetingInvitees })
    .from(memberships)
    .leftJoin(meetingInvitees, and(eq(meetingInvitees.meetingId, meeting.id), eq(meetingInvitees.personId, memberships.personId)))
    .where(
      and(
        eq(memberships.principalId, memberMembershipId),
        eq(memberships.role, 'deputy'),
        lte(memberships.startDate, date),
        or(isNull(memberships.endDate), gte(memberships.endDate, date)),
      ),
    );
  for (const deputy of deputies) {
    if (reply === 'not_attending') {
      // A deputy who already said no, or was already asked, is not asked again.
      if (deputy.invitee?.askedToSubstituteAt || deputy.invitee?.reply === 'not_attending') continue;
      const token = newToken();
      if (deputy.invitee) {
        await tx
          .update(meetingInvitees)
          .set({ askedToSubstituteAt: now, replyTokenHash: sha256(token) })
          .where(eq(meetingInvitees.id, deputy.invitee.id));
        asked.push({ id: deputy.invitee.id, token });
      } else {
        const [row] = await tx
          .insert(meetingInvitees)
          .values({
            meetingId: meeting.id,
            personId: deputy.personId,
            membershipId: deputy.membershipId,
            kind: 'deputy',
            replyTokenHash: sha256(token),
            invitedAt: now,
            askedToSubstituteAt: now,
            lastSentSequence: meeting.icsSequence,
          })
          .onConflictDoNothing()
          .returning({ id: meetingInvitees.id });
        if (row) asked.push({ id: row.id, token });
      }
    } else if (deputy.invitee?.askedToSubstituteAt) {
      await tx.update(meetingInvitees).set({ askedToSubstituteAt: null }).where(eq(meetingInvitees.id, deputy.invitee.id));
      released.push({ id: deputy.invitee.id });
    }
  }
  return { asked, released };
}

/** Records a reply from an emailed link; refused after the meeting or for a signed-in other person. */
export async function replyWithToken(
  token: string,
  reply: Reply,
  signedIn: { personId: string | null } | null,
  actor: AuditActor,
  opts: { baseUrl: string; now?: Date },
): Promise<ReplyResult> {
  if (!token || token.length > 200) return { ok: false, reason: 'not_found' };
  return applyReply(eq(meetingInvitees.replyTokenHash, sha256(token)), reply, signedIn, actor, opts);
}

/** Records a reply given in the app by the signed-in person for their own invitation. */
export async function replyInApp(
  meetingId: string,
  personId: string,
  reply: Reply,
  actor: AuditActor,
  opts: { baseUrl: string; now?: Date },
): Promise<ReplyResult> {
  if (!isUuid(meetingId)) return { ok: false, reason: 'not_found' };
  return applyReply(
    and(eq(meetingInvitees.meetingId, meetingId), eq(meetingInvitees.personId, personId)),
    reply,
    { personId },
    actor,
    opts,
  );
}

// ---------------------------------------------------------------------------------------
// The secretary's view: who is coming, seat by seat
// ---------------------------------------------------------------------------------------

export type Coming = 'member' | 'deputy' | 'nobody' | 'unknown';

export interface AttendancePerson {
  inviteeId: string;
  name: string;
  reply: Reply | null;
  askedToSubstituteAt: Date | null;
  hasEmail: boolean;
}

export interface AttendanceSeat {
  category: string | null;
  member: AttendancePerson | null;
  deputies: AttendancePerson[];
  coming: Coming;
}

/** Who comes in a seat: the member, or the deputy standing in when the member declined. */
export function whoIsComing(member: AttendancePerson | null, deputies: AttendancePerson[]): Coming {
  if (member?.reply === 'attending') return 'member';
  if (deputies.some((d) => d.reply === 'attending')) return 'deputy';
  const memberOut = member === null || member.reply === 'not_attending';
  const deputiesOut = deputies.every((d) => d.reply === 'not_attending');
  return memberOut && deputiesOut ? 'nobody' : 'unknown';
}

/** Per seat: member and personal deputies with their replies; officers and experts listed apart. One query. */
export async function attendanceBySeat(meetingId: string, councilId: string) {
  const rows = await getDb()
    .select({
      inviteeId: meetingInvitees.id,
      kind: meetingInvitees.kind,
      reply: meetingInvitees.reply,
      askedToSubstituteAt: meetingInvitees.askedToSubstituteAt,
      membershipId: meetingInvitees.membershipId,
      principalId: memberships.principalId,
      role: memberships.role,
      category: categories.nameFi,
      categoryPosition: categories.position,
      givenName: people.givenName,
      familyName: people.familyName,
      email: people.email,
    })
    .from(meetingInvitees)
    .innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
    .innerJoin(people, eq(people.id, meetingInvitees.personId))
    .leftJoin(memberships, eq(memberships.id, meetingInvitees.membershipId))
    .leftJoin(categories, eq(categories.id, memberships.categoryId))
    .where(and(eq(meetingInvitees.meetingId, meetingId), eq(meetings.councilId, councilId)))
    .orderBy(asc(categories.position), asc(people.familyName), asc(people.givenName));
  const person = (r: (typeof rows)[number]): AttendancePerson => ({
    inviteeId: r.inviteeId,
    name: `${r.givenName} ${r.familyName}`,
    reply: r.reply,
    askedToSubstituteAt: r.askedToSubstituteAt,
    hasEmail: Boolean(r.email),
  });
  const seats: AttendanceSeat[] = [];
  const byMembership = new Map<string, AttendanceSeat>();
  for (const r of rows.filter((x) => x.kind === 'member')) {
    const seat: AttendanceSeat = { category: r.category, member: person(r), deputies: [], coming: 'unknown' };
    seats.push(seat);
    if (r.membershipId) byMembership.set(r.membershipId, seat);
  }
  for (const r of rows.filter((x) => x.kind === 'deputy')) {
    const seat = r.principalId ? byMembership.get(r.principalId) : undefined;
    if (seat) seat.deputies.push(person(r));
    else seats.push({ category: r.category, member: null, deputies: [person(r)], coming: 'unknown' });
  }
  for (const seat of seats) seat.coming = whoIsComing(seat.member, seat.deputies);
  const others = rows.filter((x) => x.kind === 'other').map((r) => ({ ...person(r), role: r.role }));
  const summary = {
    seats: seats.length,
    coming: seats.filter((s) => s.coming === 'member' || s.coming === 'deputy').length,
    empty: seats.filter((s) => s.coming === 'nobody').length,
    open: seats.filter((s) => s.coming === 'unknown').length,
  };
  return { seats, others, summary };
}

export type Attendance = Awaited<ReturnType<typeof attendanceBySeat>>;

/** Recipients of a reminder: invitees who have not declined; deputies only once asked to stand in. */
export async function reminderRecipients(db: Executor, meetingId: string) {
  const rows = await inviteesForMail(db, meetingId);
  const replies = await db
    .select({ id: meetingInvitees.id, reply: meetingInvitees.reply, asked: meetingInvitees.askedToSubstituteAt })
    .from(meetingInvitees)
    .where(eq(meetingInvitees.meetingId, meetingId));
  const state = new Map(replies.map((r) => [r.id, r]));
  return rows.filter((r) => {
    const s = state.get(r.id);
    if (!s || s.reply === 'not_attending') return false;
    return r.kind !== 'deputy' || s.asked !== null;
  });
}

export { issueReplyToken, recipient as toMailRecipient, loadMeeting as loadMeetingForMail };
export type { InviteeForMail, MailCouncil };
