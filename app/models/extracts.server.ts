import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { agendaItems, extractRecipients, extractSendings, minutes, minutesVersions, users } from '~db/schema';
import i18nServer from '~/i18n.server';
import { formatDate, formatDateTime, formatMeetingTime } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';
import { meetingNumberText } from '~/lib/meeting-lifecycle';
import { renderRecordPdf, type RecordDocument, type RecordItem } from '~/lib/pdf.server';
import { contentDispositionAttachment } from '~/lib/storage.server';
import { absoluteUrl } from '~/lib/url.server';
import { getAuth } from '~/auth/session.server';
import {
  councilLanguage,
  getMeetingScope,
  isPublicRecord,
  isUuid,
  requireMeetingPermission,
  type MeetingScope,
  type Who,
} from '~/models/agendas.server';
import { recordAudit } from '~/models/audit.server';
import { htmlToText, loadRecord, publicMeetingFacts, toItemView } from '~/models/minutes.server';
import { queueMail } from '~/models/outbox.server';

// ---------------------------------------------------------------------------------------------
// Extracts from the minutes (pöytäkirjanote / protokollsutdrag): one § of the latest published
// version, with the checkers' confirmations and the certification. Only published minutes give
// extracts; the public gets public items of public meetings only.

type ExtractAudience = 'public' | 'members';
export type ExtractResult =
  | { status: 'ok'; extract: Extract }
  | { status: 'not_found' }
  /** The § exists and the asker may know of it, but its minutes are not published. */
  | { status: 'unpublished'; meetingTitle: string };

/** The latest published minutes version of a meeting, or null. */
async function latestPublishedVersion(meetingId: string) {
  const [row] = await getDb()
    .select({
      id: minutesVersions.id,
      versionNo: minutesVersions.versionNo,
      approvedAt: minutesVersions.approvedAt,
      approvalMethod: minutesVersions.approvalMethod,
      publishedAt: minutesVersions.publishedAt,
      createdBy: minutesVersions.createdBy,
    })
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .where(and(eq(minutes.meetingId, meetingId), eq(minutesVersions.status, 'published')))
    .orderBy(desc(minutesVersions.versionNo))
    .limit(1);
  return row ?? null;
}

/**
 * One § of the latest published minutes as an extract. `public`: only a public item of a public
 * meeting of a public council; `members` (callers check council.view_internal): any item.
 */
async function loadExtract(meetingId: string, itemId: string, audience: ExtractAudience): Promise<ExtractResult> {
  if (!isUuid(meetingId) || !isUuid(itemId)) return { status: 'not_found' };
  const db = getDb();
  const scope = await getMeetingScope(meetingId, db);
  if (!scope) return { status: 'not_found' };
  const [item] = await db
    .select({ id: agendaItems.id, publicity: agendaItems.publicity })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) return { status: 'not_found' };
  if (audience === 'public') {
    const publicMeeting = scope.publicity === 'public' && scope.councilPublicity === 'public';
    if (!publicMeeting || item.publicity !== 'public') return { status: 'not_found' };
  }
  const version = await latestPublishedVersion(meetingId);
  if (!version || (audience === 'public' && !isPublicRecord(scope)))
    return { status: 'unpublished', meetingTitle: scope.title };
  const record = await loadRecord(db, meetingId, version, audience);
  const recordItem = record.items.find((i) => i.id === itemId);
  if (!recordItem || recordItem.withheld) return { status: 'not_found' };
  // The minutes' keeper certifies the extract; without one recorded, whoever opened the version.
  const secretary = record.attendees.find((a) => a.role === 'secretary' && a.present);
  let certifier = secretary?.name ?? null;
  if (!certifier && version.createdBy) {
    const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, version.createdBy));
    certifier = u?.name ?? null;
  }
  return {
    status: 'ok',
    extract: {
      scope,
      audience,
      meeting: publicMeetingFacts(scope),
      meetingNumber: meetingNumberText(scope.meetingNo, scope.startsAt),
      version: {
        versionNo: version.versionNo,
        publishedAt: version.publishedAt!,
        approvedAt: version.approvedAt,
        approvalMethod: version.approvalMethod,
      },
      item: toItemView(recordItem),
      checkers: record.checkers,
      certifier: { name: certifier ?? scope.councilNameFi, date: version.publishedAt! },
    },
  };
}
export type Extract = {
  scope: MeetingScope;
  audience: ExtractAudience;
  meeting: ReturnType<typeof publicMeetingFacts>;
  meetingNumber: string | null;
  version: { versionNo: number; publishedAt: Date; approvedAt: Date | null; approvalMethod: string | null };
  item: ReturnType<typeof toItemView>;
  checkers: Array<{ name: string; confirmedAt: Date | null }>;
  certifier: { name: string; date: Date };
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

async function councilT(scope: MeetingScope): Promise<{ t: Translate; language: Locale }> {
  const language = councilLanguage(scope);
  const fixed = await i18nServer.getFixedT(language, 'common');
  return {
    t: (key, options) => String(fixed(key, { ...(options ?? {}), interpolation: { escapeValue: false } })),
    language,
  };
}

/** The extract as the plain data of the shared record PDF renderer, in the council's language. */
function extractDocument(extract: Extract, t: Translate, language: Locale): RecordDocument {
  const { scope, item } = extract;
  const councilName =
    (language === 'sv' ? scope.councilNameSv : language === 'en' ? scope.councilNameEn : null) || scope.councilNameFi;
  const section: RecordItem = {
    number: item.number ?? t('records.unnumbered'),
    title: item.title,
    presenter: item.presenter ?? undefined,
    body:
      [htmlToText(item.bodyHtml), htmlToText(item.discussionHtml)].filter((p) => p !== '').join('\n\n') || undefined,
    proposal: htmlToText(item.proposalHtml) || undefined,
    decision: htmlToText(item.decisionHtml) || undefined,
    votes: item.votes ? t('records.votesLine', item.votes) : undefined,
    recusals: item.recusals.length > 0 ? item.recusals : undefined,
  };
  const checking: RecordItem[] =
    extract.checkers.length > 0
      ? [
          {
            number: t('practice.extract.checkers'),
            title: '',
            body: extract.checkers
              .map((c) =>
                c.confirmedAt
                  ? t('practice.extract.checkedBy', { name: c.name, date: formatDateTime(c.confirmedAt, language) })
                  : c.name,
              )
              .join('\n\n'),
          },
        ]
      : [];
  const certification: RecordItem = {
    number: t('practice.extract.certify'),
    title: '',
    body: t('practice.extract.certifyLine', {
      name: extract.certifier.name,
      date: formatDate(extract.certifier.date, language),
    }),
  };
  return {
    kind: 'minutes',
    language,
    councilName,
    meetingTitle: [
      extract.meetingNumber
        ? t('ws.meeting.number', { n: extract.meetingNumber.split('/')[0], year: extract.meetingNumber.split('/')[1] })
        : null,
      scope.title,
    ]
      .filter(Boolean)
      .join(' · '),
    meetingTime: formatMeetingTime(scope.startsAt, scope.endsAt, language),
    place: [scope.address, scope.room].filter(Boolean).join(', '),
    labels: {
      agenda: t('records.agenda'),
      minutes: t('practice.extract.title'),
      attendance: t('records.pdf.attendance'),
      present: t('records.pdf.present'),
      absent: t('records.pdf.absent'),
      decision: t('records.decision'),
      proposal: t('records.proposal'),
      presenter: t('records.presenter'),
      checkers: t('records.pdf.checkers'),
      confirmedAt: t('records.pdf.confirmedAt'),
      page: t('records.pdf.page', { page: '{{page}}', pages: '{{pages}}' }),
      withheld: t('records.withheld'),
      version: t('records.versionN', { n: '' }).trim(),
      correctionNote: t('records.pdf.correctionNote'),
      votes: t('records.votes'),
      recusals: t('records.recusals'),
    },
    version: String(extract.version.versionNo),
    items: [section, ...checking, certification],
  };
}

/** The extract PDF as a Response (public extracts may be cached; members' ones never). */
export async function extractPdfResponse(extract: Extract): Promise<Response> {
  const { t, language } = await councilT(extract.scope);
  const bytes = await renderRecordPdf(extractDocument(extract, t, language));
  const filename = `${t('practice.extract.title')} ${extract.item.number ?? ''} ${extract.scope.title}`
    .replace(/[\\/:*?"<>|§]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDispositionAttachment(`${filename}.pdf`).replace(/^attachment/, 'inline'),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': extract.audience === 'public' ? 'public, max-age=60' : 'private, no-store',
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The distribution list (tiedoksi) and sending. Secretariat only (callers check minutes.edit).

const MAX_RECIPIENTS = 200;
const MAX_SENDINGS_SHOWN = 500;

/** The item of this meeting in this council, or null. */
async function itemOf(who: Pick<Who, 'councilId'>, meetingId: string, itemId: string) {
  if (!isUuid(itemId)) return null;
  const [item] = await getDb()
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      sectionNumber: agendaItems.sectionNumber,
      publicity: agendaItems.publicity,
    })
    .from(agendaItems)
    .where(
      and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.councilId, who.councilId)),
    );
  return item ?? null;
}

/** The item, its distribution list and the extracts sent, for the secretary's page. */
export async function getDistribution(who: Pick<Who, 'councilId'>, meetingId: string, itemId: string) {
  const item = await itemOf(who, meetingId, itemId);
  if (!item) return null;
  const db = getDb();
  const [recipients, sendings, version, [counted]] = await Promise.all([
    db
      .select({ id: extractRecipients.id, name: extractRecipients.name, email: extractRecipients.email })
      .from(extractRecipients)
      .where(eq(extractRecipients.agendaItemId, itemId))
      .orderBy(asc(extractRecipients.createdAt), asc(extractRecipients.name))
      .limit(MAX_RECIPIENTS),
    db
      .select({
        id: extractSendings.id,
        sentAt: extractSendings.sentAt,
        recipientName: extractSendings.recipientName,
        recipientEmail: extractSendings.recipientEmail,
        versionNo: minutesVersions.versionNo,
        sentBy: users.displayName,
      })
      .from(extractSendings)
      .innerJoin(minutesVersions, eq(minutesVersions.id, extractSendings.versionId))
      .leftJoin(users, eq(users.id, extractSendings.sentBy))
      .where(eq(extractSendings.agendaItemId, itemId))
      .orderBy(desc(extractSendings.sentAt), asc(extractSendings.recipientName))
      .limit(MAX_SENDINGS_SHOWN),
    latestPublishedVersion(meetingId),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(extractSendings)
      .where(eq(extractSendings.agendaItemId, itemId)),
  ]);
  return {
    item: { ...item, number: item.sectionNumber === null ? null : `§ ${item.sectionNumber}` },
    recipients,
    sendings,
    sentCount: Number(counted?.n ?? 0),
    published: version !== null,
  };
}

export type DistributionOutcome =
  | { status: 'ok'; count?: number }
  | { status: 'not_found' | 'duplicate' | 'full' | 'no_recipients' | 'unpublished' | 'conflict' };

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** Adds a recipient to an item's distribution list (name and email are checked by the caller's schema too). */
export async function addExtractRecipient(
  who: Who,
  meetingId: string,
  itemId: string,
  input: { name: string; email: string },
): Promise<DistributionOutcome> {
  const item = await itemOf(who, meetingId, itemId);
  if (!item) return { status: 'not_found' };
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (!name || !EMAIL.test(email)) return { status: 'not_found' };
  return getDb().transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(extractRecipients)
      .where(eq(extractRecipients.agendaItemId, itemId));
    if (n >= MAX_RECIPIENTS) return { status: 'full' };
    const inserted = await tx
      .insert(extractRecipients)
      .values({ agendaItemId: itemId, name, email })
      .onConflictDoNothing()
      .returning({ id: extractRecipients.id });
    if (inserted.length === 0) return { status: 'duplicate' };
    await recordAudit(tx, who.actor, {
      action: 'extract.recipient_add',
      entityType: 'agenda_item',
      entityId: itemId,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { recipientId: inserted[0]!.id, name },
    });
    return { status: 'ok' };
  });
}

/** Removes a recipient from an item's distribution list. */
export async function removeExtractRecipient(
  who: Who,
  meetingId: string,
  itemId: string,
  recipientId: string,
): Promise<DistributionOutcome> {
  const item = await itemOf(who, meetingId, itemId);
  if (!item || !isUuid(recipientId)) return { status: 'not_found' };
  return getDb().transaction(async (tx) => {
    const removed = await tx
      .delete(extractRecipients)
      .where(and(eq(extractRecipients.id, recipientId), eq(extractRecipients.agendaItemId, itemId)))
      .returning({ name: extractRecipients.name });
    if (removed.length === 0) return { status: 'not_found' };
    await recordAudit(tx, who.actor, {
      action: 'extract.recipient_remove',
      entityType: 'agenda_item',
      entityId: itemId,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { recipientId, name: removed[0]!.name },
    });
    return { status: 'ok' };
  });
}

/** The extract as the text of a mail, in the council's language. */
function extractMailText(extract: Extract, t: Translate, language: Locale, link: string | null): string {
  const { item, scope } = extract;
  const lines = [
    t('practice.extract.mailIntro'),
    '',
    `${t('practice.extract.title').toUpperCase()}`,
    [extract.meetingNumber ? `${t('practice.extract.meeting')} ${extract.meetingNumber}` : null, scope.title]
      .filter(Boolean)
      .join(' · '),
    formatMeetingTime(scope.startsAt, scope.endsAt, language),
    '',
    `${item.number ?? ''} ${item.title}`.trim(),
  ];
  const proposal = htmlToText(item.proposalHtml);
  if (proposal) lines.push('', `${t('records.proposal')}:`, proposal);
  if (item.votes) lines.push('', `${t('records.votes')}: ${t('records.votesLine', item.votes)}`);
  const decision = htmlToText(item.decisionHtml);
  if (decision) lines.push('', `${t('records.decision')}:`, decision);
  if (item.recusals.length > 0) lines.push('', `${t('records.recusals')}: ${item.recusals.join(', ')}`);
  lines.push(
    '',
    `${t('practice.extract.certify')}:`,
    t('practice.extract.certifyLine', {
      name: extract.certifier.name,
      date: formatDate(extract.certifier.date, language),
    }),
  );
  if (link) lines.push('', t('practice.extract.mailLink', { url: link }));
  return lines.join('\n');
}

/**
 * Sends the extract of a published § to every recipient of its distribution list: one queued mail
 * each (a public item's mail links to its public extract and PDF; a non-public item's carries the
 * extract's text only, no link anyone could open), one sending row each, one audit entry; all in
 * one transaction. `sentBefore` is how many sendings the secretary's page showed (the optimistic
 * lock): a second click, or a colleague who sent meanwhile, is refused instead of sending twice.
 */
export async function sendExtract(
  who: Who,
  meetingId: string,
  itemId: string,
  sentBefore: number,
  now = new Date(),
): Promise<DistributionOutcome> {
  const item = await itemOf(who, meetingId, itemId);
  if (!item) return { status: 'not_found' };
  const loaded = await loadExtract(meetingId, itemId, 'members');
  if (loaded.status === 'unpublished') return { status: 'unpublished' };
  if (loaded.status !== 'ok') return { status: 'not_found' };
  const extract = loaded.extract;
  const { t, language } = await councilT(extract.scope);
  const isPublic = isPublicRecord(extract.scope) && item.publicity === 'public';
  const link = isPublic ? absoluteUrl(null, `/meetings/${meetingId}/items/${itemId}/extract`) : null;
  const text = extractMailText(extract, t, language, link);
  const subject = t('practice.extract.mailSubject', {
    item: `${item.sectionNumber === null ? '' : `§ ${item.sectionNumber} `}${item.title}`,
  });
  const version = await latestPublishedVersion(meetingId);
  if (!version) return { status: 'unpublished' };
  return getDb().transaction(async (tx) => {
    // One sender at a time per item: the item row is the lock, the count of sendings its version.
    await tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.id, itemId)).for('update');
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(extractSendings)
      .where(eq(extractSendings.agendaItemId, itemId));
    if (Number(n) !== sentBefore) return { status: 'conflict' };
    const recipients = await tx
      .select({ id: extractRecipients.id, name: extractRecipients.name, email: extractRecipients.email })
      .from(extractRecipients)
      .where(eq(extractRecipients.agendaItemId, itemId))
      .orderBy(asc(extractRecipients.createdAt))
      .limit(MAX_RECIPIENTS);
    if (recipients.length === 0) return { status: 'no_recipients' };
    const rows = [];
    for (const r of recipients) {
      const mailId = await queueMail(tx, {
        to: r.email,
        subject,
        text,
        kind: 'extract',
        councilId: who.councilId,
        meetingId,
        locale: language,
      });
      rows.push({
        agendaItemId: itemId,
        versionId: version.id,
        sentBy: who.actor.userId,
        sentAt: now,
        recipientName: r.name,
        recipientEmail: r.email,
        mailMessageId: mailId,
      });
    }
    await tx.insert(extractSendings).values(rows);
    await recordAudit(tx, who.actor, {
      action: 'extract.send',
      entityType: 'agenda_item',
      entityId: itemId,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { versionNo: version.versionNo, recipients: recipients.map((r) => r.email), public: isPublic },
    });
    return { status: 'ok', count: recipients.length };
  });
}

/**
 * The extract a request may see: the public one when the § is public, otherwise (signed in, with
 * council.view_internal on the meeting) the members' one. Not found for everyone else.
 */
export async function resolveExtract(
  request: Request,
  meetingId: string | undefined,
  itemId: string | undefined,
): Promise<ExtractResult> {
  const mid = meetingId ?? '';
  const iid = itemId ?? '';
  const publicResult = await loadExtract(mid, iid, 'public');
  if (publicResult.status !== 'not_found') return publicResult;
  if (!isUuid(mid) || !isUuid(iid)) return publicResult;
  const auth = await getAuth(request);
  if (!auth.user) return publicResult;
  await requireMeetingPermission(request, mid, 'council.view_internal');
  return loadExtract(mid, iid, 'members');
}
