/**
 * Notifications by email: "agenda / minutes published" notices to a council's members and to
 * anyone who subscribed (double opt-in), one-click unsubscribe links (RFC 8058) for notices and
 * reminders, and a member's own opt-outs. Addresses are personal data: nothing here is public,
 * exported or shown except the counts per council to the installation admin.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import {
  councils,
  emailSubscriptions,
  mailOptOuts,
  memberships,
  people,
  terms,
  unsubscribeLinks,
  users,
  type NotificationTopic,
} from '~db/schema';
import i18nServer from '~/i18n.server';
import { appOrigin } from '~/lib/config.server';
import { formatMeetingTime, todayInHelsinki } from '~/lib/dates';
import { isLocale, type Locale } from '~/lib/i18n';
import { wakeWorkers } from '~/lib/queue/queue.server';
import { MAIL_QUEUE } from '~/lib/queue/queues';
import { queueMail } from '~/models/outbox.server';
import { recordAudit, type AuditActor } from '~/models/audit.server';
import { hitRateLimit, type Limit } from '~/models/rate-limit.server';

// The same token scheme as the other single-use links (users, invitations, feeds): 32 random
// bytes in the link, only their SHA-256 in the database.
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** How long a confirmation link works; an unconfirmed subscription is deleted after it. */
export const CONFIRM_DAYS = 7;
/** How long an unsubscribe link in a sent message keeps working. */
const UNSUBSCRIBE_LINK_DAYS = 400;
const DAY_MS = 86_400_000;

const SUBSCRIBE_LIMITS = {
  /** Confirmation mails to one address (over all councils). Over it, nothing is sent, the answer is the same. */
  perAddress: { max: 3, windowSeconds: 60 * 60 },
  /** Subscription requests from one client. Over it, the form says to try later. */
  perIp: { max: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;
const systemActor = (ip: string | null, label: string): AuditActor => ({ userId: null, label, ip });

function pickLocale(value: string | null | undefined, fallback: readonly string[] = []): Locale {
  if (isLocale(value)) return value;
  const first = fallback[0];
  return isLocale(first) ? first : 'fi';
}

interface CouncilNames {
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
}

function councilName(council: CouncilNames, locale: Locale): string {
  const own = locale === 'sv' ? council.nameSv : locale === 'en' ? council.nameEn : council.nameFi;
  return own?.trim() ? own : council.nameFi;
}

// ---------------------------------------------------------------------------------------
// Unsubscribe links and opt-outs (used by notices and by the reminders)

type LinkTarget = { subscriptionId: string } | { address: string };

/** A fresh one-click unsubscribe link for one message (its token hash is stored). */
export async function issueUnsubscribeUrl(
  executor: Executor,
  target: LinkTarget,
  topic: NotificationTopic,
  baseUrl = appOrigin(),
): Promise<string> {
  const token = newToken();
  await executor.insert(unsubscribeLinks).values({
    tokenHash: sha256(token),
    topic,
    subscriptionId: 'subscriptionId' in target ? target.subscriptionId : null,
    address: 'address' in target ? target.address.toLowerCase() : null,
  });
  return `${baseUrl}/subscriptions/unsubscribe/${token}`;
}

/** The addresses (lower case) among `addresses` that turned `topic` off. One query. */
export async function optedOut(
  executor: Executor,
  addresses: string[],
  topic: NotificationTopic,
): Promise<Set<string>> {
  const list = [...new Set(addresses.map((a) => a.toLowerCase()))];
  if (list.length === 0) return new Set();
  const rows = await executor
    .select({ address: mailOptOuts.address })
    .from(mailOptOuts)
    .where(and(eq(mailOptOuts.topic, topic), inArray(mailOptOuts.address, list)));
  return new Set(rows.map((r) => r.address));
}

// ---------------------------------------------------------------------------------------
// Public subscription with double opt-in

type SubscribeOutcome = 'ok' | 'rate_limited';

/**
 * Asks for a subscription. The answer is the same whether the address was new, pending or
 * already subscribed, so the form tells nobody who subscribes. A new or pending (or expired)
 * request gets a fresh confirmation link by mail, at most SUBSCRIBE_LIMITS.perAddress times an
 * hour; an active subscription gets no mail at all.
 */
export async function requestSubscription(
  input: { councilId: string; email: string; locale: Locale },
  ctx: { ip: string | null; now?: Date; baseUrl?: string },
): Promise<SubscribeOutcome> {
  const now = ctx.now ?? new Date();
  const baseUrl = ctx.baseUrl ?? appOrigin();
  const email = input.email.trim().toLowerCase();
  if (!(await hitRateLimit('subscribe:ip', ctx.ip ?? 'unknown', SUBSCRIBE_LIMITS.perIp, now))) return 'rate_limited';
  // The address itself is not stored in the rate-limit table: its hash is the key.
  const mayMail = await hitRateLimit('subscribe:address', sha256(email), SUBSCRIBE_LIMITS.perAddress, now);
  const queued = await getDb().transaction(async (tx) => {
    await purgeExpired(tx, now);
    const [council] = await tx
      .select({
        id: councils.id,
        regionId: councils.regionId,
        nameFi: councils.nameFi,
        nameSv: councils.nameSv,
        nameEn: councils.nameEn,
        slug: councils.slug,
      })
      .from(councils)
      .where(and(eq(councils.id, input.councilId), eq(councils.publicityDefault, 'public')));
    if (!council) return false;
    const [active] = await tx
      .select({ id: emailSubscriptions.id })
      .from(emailSubscriptions)
      .where(
        and(
          eq(emailSubscriptions.councilId, council.id),
          eq(emailSubscriptions.email, email),
          eq(emailSubscriptions.status, 'active'),
        ),
      );
    if (active || !mayMail) return false;
    const token = newToken();
    const expires = new Date(now.getTime() + CONFIRM_DAYS * DAY_MS);
    // One row per council and address; a second request renews the pending one (and its link).
    const [row] = await tx
      .insert(emailSubscriptions)
      .values({
        councilId: council.id,
        email,
        locale: input.locale,
        confirmTokenHash: sha256(token),
        confirmExpiresAt: expires,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [emailSubscriptions.councilId, emailSubscriptions.email],
        set: { locale: input.locale, confirmTokenHash: sha256(token), confirmExpiresAt: expires, updatedAt: now },
        setWhere: eq(emailSubscriptions.status, 'pending'),
      })
      .returning({ id: emailSubscriptions.id });
    if (!row) return false;
    const t = await i18nServer.getFixedT(input.locale, 'common');
    const name = councilName(council, input.locale);
    await queueMail(tx, {
      to: email,
      subject: t('notify.confirmMail.subject', { council: name }),
      text: t('notify.confirmMail.text', {
        council: name,
        url: `${baseUrl}/subscriptions/confirm/${token}`,
        days: CONFIRM_DAYS,
      }),
      councilId: council.id,
      kind: 'subscription_confirm',
      locale: input.locale,
    });
    await recordAudit(tx, systemActor(ctx.ip, 'subscription form'), {
      action: 'subscription.request',
      entityType: 'email_subscription',
      entityId: row.id,
      councilId: council.id,
      regionId: council.regionId,
    });
    return true;
  });
  if (queued) wakeWorkers(MAIL_QUEUE);
  return 'ok';
}

/** Deletes pending subscriptions whose link ran out and unsubscribe links past their life. */
async function purgeExpired(executor: Executor, now: Date) {
  await executor
    .delete(emailSubscriptions)
    .where(and(eq(emailSubscriptions.status, 'pending'), lt(emailSubscriptions.confirmExpiresAt, now)));
  await executor
    .delete(unsubscribeLinks)
    .where(lt(unsubscribeLinks.createdAt, new Date(now.getTime() - UNSUBSCRIBE_LINK_DAYS * DAY_MS)));
}

export type TokenState = 'valid' | 'expired' | 'unknown';

/** What the confirmation page shows for a link; reading it changes nothing. */
export async function confirmationContext(token: string, now = new Date()) {
  if (!TOKEN_SHAPE.test(token)) return { state: 'unknown' as const };
  const [row] = await getDb()
    .select({
      expires: emailSubscriptions.confirmExpiresAt,
      nameFi: councils.nameFi,
      nameSv: councils.nameSv,
      nameEn: councils.nameEn,
      slug: councils.slug,
    })
    .from(emailSubscriptions)
    .innerJoin(councils, eq(councils.id, emailSubscriptions.councilId))
    .where(and(eq(emailSubscriptions.confirmTokenHash, sha256(token)), eq(emailSubscriptions.status, 'pending')));
  if (!row) return { state: 'unknown' as const };
  if (!row.expires || row.expires.getTime() <= now.getTime()) return { state: 'expired' as const };
  return {
    state: 'valid' as const,
    council: { slug: row.slug, nameFi: row.nameFi, nameSv: row.nameSv, nameEn: row.nameEn },
  };
}

/** Follows a confirmation link: the pending subscription becomes active and the link is spent. */
export async function confirmSubscription(token: string, ctx: { ip: string | null; now?: Date }): Promise<TokenState> {
  const now = ctx.now ?? new Date();
  if (!TOKEN_SHAPE.test(token)) return 'unknown';
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: emailSubscriptions.id,
        expires: emailSubscriptions.confirmExpiresAt,
        councilId: councils.id,
        regionId: councils.regionId,
      })
      .from(emailSubscriptions)
      .innerJoin(councils, eq(councils.id, emailSubscriptions.councilId))
      .where(and(eq(emailSubscriptions.confirmTokenHash, sha256(token)), eq(emailSubscriptions.status, 'pending')))
      .for('update', { of: emailSubscriptions });
    if (!row) return 'unknown';
    if (!row.expires || row.expires.getTime() <= now.getTime()) return 'expired';
    await tx
      .update(emailSubscriptions)
      .set({ status: 'active', confirmTokenHash: null, confirmExpiresAt: null, confirmedAt: now, updatedAt: now })
      .where(eq(emailSubscriptions.id, row.id));
    await recordAudit(tx, systemActor(ctx.ip, 'subscription link'), {
      action: 'subscription.confirm',
      entityType: 'email_subscription',
      entityId: row.id,
      councilId: row.councilId,
      regionId: row.regionId,
    });
    return 'valid';
  });
}

type UnsubscribeContext =
  | { state: 'unknown' }
  | { state: 'valid'; topic: NotificationTopic; council: (CouncilNames & { slug: string }) | null };

async function findLink(executor: Executor, token: string, now: Date, lock = false) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const query = executor
    .select({
      tokenHash: unsubscribeLinks.tokenHash,
      topic: unsubscribeLinks.topic,
      address: unsubscribeLinks.address,
      subscriptionId: unsubscribeLinks.subscriptionId,
      councilId: councils.id,
      regionId: councils.regionId,
      slug: councils.slug,
      nameFi: councils.nameFi,
      nameSv: councils.nameSv,
      nameEn: councils.nameEn,
    })
    .from(unsubscribeLinks)
    .leftJoin(emailSubscriptions, eq(emailSubscriptions.id, unsubscribeLinks.subscriptionId))
    .leftJoin(councils, eq(councils.id, emailSubscriptions.councilId))
    .where(
      and(
        eq(unsubscribeLinks.tokenHash, sha256(token)),
        gt(unsubscribeLinks.createdAt, new Date(now.getTime() - UNSUBSCRIBE_LINK_DAYS * DAY_MS)),
      ),
    );
  const [row] = lock ? await query.for('update', { of: unsubscribeLinks }) : await query;
  return row ?? null;
}

/** What the unsubscribe page shows for a link; reading it changes nothing (mail scanners follow links). */
export async function unsubscribeContext(token: string, now = new Date()): Promise<UnsubscribeContext> {
  const row = await findLink(getDb(), token, now);
  if (!row) return { state: 'unknown' };
  const council =
    row.slug && row.nameFi ? { slug: row.slug, nameFi: row.nameFi, nameSv: row.nameSv, nameEn: row.nameEn } : null;
  return { state: 'valid', topic: row.topic as NotificationTopic, council };
}

/**
 * Unsubscribes by a link (the page's button, or a mail program's RFC 8058 one-click POST): a
 * public subscription is deleted with its links; an address gets an opt-out of the topic.
 * Running it again is harmless ('unknown' once the subscription is gone).
 */
export async function unsubscribeWithToken(
  token: string,
  ctx: { ip: string | null; now?: Date },
): Promise<'done' | 'unknown'> {
  const now = ctx.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const row = await findLink(tx, token, now, true);
    if (!row) return 'unknown';
    const actor = systemActor(ctx.ip, 'unsubscribe link');
    if (row.subscriptionId) {
      await tx.delete(emailSubscriptions).where(eq(emailSubscriptions.id, row.subscriptionId));
      await recordAudit(tx, actor, {
        action: 'subscription.unsubscribe',
        entityType: 'email_subscription',
        entityId: row.subscriptionId,
        councilId: row.councilId,
        regionId: row.regionId,
      });
    } else if (row.address) {
      await tx
        .insert(mailOptOuts)
        .values({ address: row.address, topic: row.topic, createdAt: now })
        .onConflictDoNothing();
      await recordAudit(tx, actor, {
        action: 'notifications.opt_out',
        entityType: 'mail_opt_out',
        changes: { topic: row.topic },
      });
    }
    return 'done';
  });
}

/** Active and pending subscriptions per council, for the installation admin. Counts only. */
export async function subscriptionCounts() {
  return getDb()
    .select({
      slug: councils.slug,
      nameFi: councils.nameFi,
      nameSv: councils.nameSv,
      nameEn: councils.nameEn,
      active: sql<number>`count(*) filter (where ${emailSubscriptions.status} = 'active')::int`,
      pending: sql<number>`count(*) filter (where ${emailSubscriptions.status} = 'pending')::int`,
    })
    .from(emailSubscriptions)
    .innerJoin(councils, eq(councils.id, emailSubscriptions.councilId))
    .groupBy(councils.id)
    .orderBy(asc(councils.nameFi))
    .limit(500);
}

// ---------------------------------------------------------------------------------------
// A member's own settings

interface NotificationSettings {
  addresses: string[];
  enabled: Record<NotificationTopic, boolean>;
}

const TOPICS: NotificationTopic[] = ['publications', 'meeting_reminders', 'milestone_reminders'];

/** The addresses mail reaches this user at: the account's and the linked person's. */
async function addressesOf(executor: Executor, userId: string): Promise<string[]> {
  const [row] = await executor
    .select({ account: users.email, person: people.email })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, userId));
  if (!row) return [];
  return [...new Set([row.account, row.person].filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase()))];
}

export async function getNotificationSettings(userId: string): Promise<NotificationSettings> {
  const db = getDb();
  const addresses = await addressesOf(db, userId);
  const rows = addresses.length
    ? await db.select({ topic: mailOptOuts.topic }).from(mailOptOuts).where(inArray(mailOptOuts.address, addresses))
    : [];
  const off = new Set(rows.map((r) => r.topic));
  return {
    addresses,
    enabled: Object.fromEntries(TOPICS.map((t) => [t, !off.has(t)])) as Record<NotificationTopic, boolean>,
  };
}

/** Sets which notices the user gets (for every address of theirs), in one transaction with its audit entry. */
export async function saveNotificationSettings(
  userId: string,
  enabled: Record<NotificationTopic, boolean>,
  actor: AuditActor,
  now = new Date(),
) {
  await getDb().transaction(async (tx) => {
    const addresses = await addressesOf(tx, userId);
    if (addresses.length === 0) return;
    for (const topic of TOPICS) {
      if (enabled[topic]) {
        await tx.delete(mailOptOuts).where(and(eq(mailOptOuts.topic, topic), inArray(mailOptOuts.address, addresses)));
      } else {
        await tx
          .insert(mailOptOuts)
          .values(addresses.map((address) => ({ address, topic, createdAt: now })))
          .onConflictDoNothing();
      }
    }
    await recordAudit(tx, actor, {
      action: 'notifications.settings',
      entityType: 'user',
      entityId: userId,
      changes: { ...enabled },
    });
  });
}

// ---------------------------------------------------------------------------------------
// "Published" notices

interface PublishedMeeting {
  meetingId: string;
  councilId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** The public may see the meeting's records (public meeting of a public council). */
  isPublic: boolean;
}

interface Recipient {
  email: string;
  locale: Locale;
  target: LinkTarget;
  member: boolean;
}

/**
 * Queues, on `tx` (the publishing transaction), one "agenda published" or "minutes published"
 * notice per recipient: every person on the council's roster in force on the meeting's date
 * (all roles but the secretariat) with an address and without an opt-out, and, for a meeting the
 * public may see, every active subscriber of the council. One message per address, however many
 * roles or subscriptions it has. Returns how many were queued (call wakeWorkers after the commit).
 */
export async function queuePublicationNotices(
  tx: Executor,
  what: 'agenda' | 'minutes',
  meeting: PublishedMeeting,
  opts: { baseUrl?: string } = {},
): Promise<number> {
  const baseUrl = opts.baseUrl ?? appOrigin();
  const [council] = await tx
    .select({
      nameFi: councils.nameFi,
      nameSv: councils.nameSv,
      nameEn: councils.nameEn,
      languages: councils.languages,
    })
    .from(councils)
    .where(eq(councils.id, meeting.councilId));
  if (!council) return 0;
  const date = todayInHelsinki(meeting.startsAt);
  const members = await tx
    .select({ email: people.email, userLocale: users.locale })
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(users, eq(users.personId, people.id))
    .where(
      and(
        eq(terms.councilId, meeting.councilId),
        lte(terms.startDate, date),
        or(isNull(terms.endDate), gte(terms.endDate, date)),
        lte(memberships.startDate, date),
        or(isNull(memberships.endDate), gte(memberships.endDate, date)),
        ne(memberships.role, 'secretary'),
        isNotNull(people.email),
      ),
    )
    .orderBy(asc(memberships.startDate))
    .limit(2000);
  const subscribers = meeting.isPublic
    ? await tx
        .select({ id: emailSubscriptions.id, email: emailSubscriptions.email, locale: emailSubscriptions.locale })
        .from(emailSubscriptions)
        .where(and(eq(emailSubscriptions.councilId, meeting.councilId), eq(emailSubscriptions.status, 'active')))
        .orderBy(asc(emailSubscriptions.createdAt))
    : [];
  const off = await optedOut(
    tx,
    members.map((m) => m.email!),
    'publications',
  );
  const recipients = new Map<string, Recipient>();
  for (const m of members) {
    const email = m.email!.toLowerCase();
    if (off.has(email) || recipients.has(email)) continue;
    recipients.set(email, {
      email,
      locale: pickLocale(m.userLocale, council.languages),
      target: { address: email },
      member: true,
    });
  }
  for (const s of subscribers) {
    if (recipients.has(s.email)) continue;
    recipients.set(s.email, {
      email: s.email,
      locale: pickLocale(s.locale),
      target: { subscriptionId: s.id },
      member: false,
    });
  }
  const url = meeting.isPublic
    ? `${baseUrl}/meetings/${meeting.meetingId}${what === 'minutes' ? '/minutes' : ''}`
    : `${baseUrl}/meetings/${meeting.meetingId}/members`;
  let queued = 0;
  for (const r of recipients.values()) {
    const t = await i18nServer.getFixedT(r.locale, 'common');
    const name = councilName(council, r.locale);
    const unsubscribeUrl = await issueUnsubscribeUrl(tx, r.target, 'publications', baseUrl);
    const when = formatMeetingTime(meeting.startsAt, meeting.endsAt, r.locale);
    const footer = r.member
      ? t('notify.notice.memberFooter', { url: unsubscribeUrl, settings: `${baseUrl}/account/notifications` })
      : t('notify.notice.subscriberFooter', { url: unsubscribeUrl });
    await queueMail(tx, {
      to: r.email,
      subject: t(`notify.notice.subject.${what}`, { council: name, title: meeting.title }),
      text: `${t(`notify.notice.intro.${what}`, { council: name })}\n\n${meeting.title}\n${when}\n\n${t(`notify.notice.read.${what}`)} ${url}\n\n${footer}\n`,
      councilId: meeting.councilId,
      meetingId: meeting.meetingId,
      kind: what === 'agenda' ? 'notice_agenda' : 'notice_minutes',
      locale: r.locale,
      unsubscribeUrl,
    });
    queued += 1;
  }
  return queued;
}
