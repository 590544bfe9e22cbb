/**
 * Records demo data on top of seedDemo(): the Helsinki council's minutes 3/2026 get a published
 * correction (version 2 beside the frozen version 1), and its upcoming meeting 4/2026 gets a
 * published agenda with a confidential item, so a new user sees a finished record, the version
 * history and a withheld item at once. Every step is the one the app takes (draft → checkers
 * confirm → approved → published), written straight to the database inside the caller's transaction.
 */
import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Tx } from '../client.server';
import {
  agendaItems,
  auditLog,
  councils,
  decisions,
  meetings,
  minutes,
  minutesCheckers,
  minutesVersions,
} from '../schema/index';

const HELSINKI_SLUG = 'helsinki-jarjestoneuvottelukunta';
const CORRECTED_MEETING = 'Järjestöneuvottelukunnan kokous 3/2026';
const UPCOMING_MEETING = 'Järjestöneuvottelukunnan kokous 4/2026';
const DAY_MS = 86_400_000;

/** Text of the demo's confidential item; tests assert it never appears on a public page. */
export const DEMO_CONFIDENTIAL_MARKER = 'Yhteydenottajan terveydentilaa koskevat tiedot';

const CORRECTION_NOTE =
  'Versiosta 1 puuttui kokouksessa hyväksytty täydennys aloitteen päätökseen (kaupunginosatalojen iltakäyttö). Muilta osin pöytäkirja on ennallaan.';

async function audit(tx: Tx, at: Date, councilId: string, regionId: string, action: string, entityId: string, changes: Record<string, unknown>) {
  await tx.insert(auditLog).values({
    at,
    actorLabel: 'demo-data',
    action,
    entityType: action.startsWith('agenda') ? 'meeting' : 'minutes_version',
    entityId,
    councilId,
    regionId,
    changes,
  });
}

/** Version 2 of the Helsinki minutes 3/2026: copied, corrected, checked, approved and published. */
async function correctHelsinkiMinutes(tx: Tx, council: { id: string; regionId: string }, now: Date): Promise<void> {
  const [meeting] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.councilId, council.id), eq(meetings.title, CORRECTED_MEETING)));
  if (!meeting) throw new Error(`seedRecords: ${CORRECTED_MEETING} missing`);
  const [record] = await tx.select().from(minutes).where(eq(minutes.meetingId, meeting.id));
  if (!record) throw new Error('seedRecords: minutes 3/2026 missing');
  const [v1] = await tx
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.minutesId, record.id))
    .orderBy(desc(minutesVersions.versionNo))
    .limit(1);
  if (v1 && v1.versionNo > 1) return; // already corrected: seedRecords ran before
  if (!v1 || v1.status !== 'published' || !v1.publishedAt) throw new Error('seedRecords: minutes 3/2026 not published');

  // The correction happens about two weeks after version 1 was published (never in the future).
  const started = new Date(Math.min(v1.publishedAt.getTime() + 12 * DAY_MS, now.getTime() - 5 * DAY_MS));
  const [v2] = await tx
    .insert(minutesVersions)
    .values({
      minutesId: record.id,
      versionNo: v1.versionNo + 1,
      correctionNote: CORRECTION_NOTE,
      openedAt: v1.openedAt,
      closedAt: v1.closedAt,
      place: v1.place,
      summary: v1.summary,
      createdBy: v1.createdBy,
      createdAt: started,
      updatedAt: started,
      submittedForCheckingAt: new Date(started.getTime() + 2 * 3_600_000),
    })
    .returning({ id: minutesVersions.id });
  const v2Id = v2!.id;
  await tx.execute(sql`
    INSERT INTO decisions (version_id, agenda_item_id, discussion, decision, outcome, postponed_to_meeting_id, votes_for, votes_against, votes_abstain)
    SELECT ${v2Id}, agenda_item_id, discussion, decision, outcome, postponed_to_meeting_id, votes_for, votes_against, votes_abstain
    FROM decisions WHERE version_id = ${v1.id}`);
  await tx.execute(sql`
    INSERT INTO attendance (version_id, person_id, membership_id, role, substitutes_for_id, present, right_to_speak, arrived_at_item_id, left_at_item_id, note)
    SELECT ${v2Id}, person_id, membership_id, role, substitutes_for_id, present, right_to_speak, arrived_at_item_id, left_at_item_id, note
    FROM attendance WHERE version_id = ${v1.id}`);
  await tx.execute(sql`
    INSERT INTO recusals (version_id, agenda_item_id, person_id, reason)
    SELECT ${v2Id}, agenda_item_id, person_id, reason FROM recusals WHERE version_id = ${v1.id}`);

  // The correction itself: the initiative's decision gains the supplement agreed at the meeting.
  const [initiative] = await tx
    .select({ decisionId: decisions.id, decision: decisions.decision })
    .from(decisions)
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .where(and(eq(decisions.versionId, v2Id), sql`${agendaItems.title} LIKE 'Aloite %'`));
  if (!initiative) throw new Error('seedRecords: initiative item missing in 3/2026');
  await tx
    .update(decisions)
    .set({ decision: `${initiative.decision ?? ''} Aloitteeseen lisättiin kokouksessa sovittu maininta kaupunginosatalojen iltakäytöstä.`.trim() })
    .where(eq(decisions.id, initiative.decisionId));

  // The same checkers confirm the corrected version.
  const checkers = await tx.select({ personId: minutesCheckers.personId }).from(minutesCheckers).where(eq(minutesCheckers.versionId, v1.id));
  const confirmed = new Date(started.getTime() + DAY_MS);
  if (checkers.length > 0) {
    await tx.insert(minutesCheckers).values(
      checkers.map((c, i) => ({ versionId: v2Id, personId: c.personId, confirmedAt: new Date(confirmed.getTime() + i * 3_600_000) })),
    );
  }
  await tx.update(minutesVersions).set({ status: 'checking' }).where(eq(minutesVersions.id, v2Id));
  const approvedAt = new Date(confirmed.getTime() + 6 * 3_600_000);
  await tx
    .update(minutesVersions)
    .set({ status: 'approved', approvalMethod: 'checkers', approvedAt, updatedAt: approvedAt })
    .where(eq(minutesVersions.id, v2Id));
  const publishedAt = new Date(approvedAt.getTime() + 3_600_000);
  await tx.update(minutesVersions).set({ status: 'published', publishedAt, updatedAt: publishedAt }).where(eq(minutesVersions.id, v2Id));

  await audit(tx, started, council.id, council.regionId, 'minutes.correction_start', v2Id, { versionNo: v1.versionNo + 1, correctionNote: CORRECTION_NOTE });
  await audit(tx, approvedAt, council.id, council.regionId, 'minutes.approve', v2Id, { status: ['checking', 'approved'], method: 'checkers' });
  await audit(tx, publishedAt, council.id, council.regionId, 'minutes.publish', v2Id, { status: ['approved', 'published'] });
}

/** The upcoming Helsinki meeting's agenda: a confidential item added, then published and numbered. */
async function publishUpcomingHelsinkiAgenda(tx: Tx, council: { id: string; regionId: string }, now: Date): Promise<void> {
  const [meeting] = await tx
    .select({ id: meetings.id, startsAt: meetings.startsAt, agendaPublishedAt: meetings.agendaPublishedAt })
    .from(meetings)
    .where(and(eq(meetings.councilId, council.id), eq(meetings.title, UPCOMING_MEETING)));
  if (!meeting) throw new Error(`seedRecords: ${UPCOMING_MEETING} missing`);
  const items = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position));
  if (items.some((i) => i.body?.startsWith(DEMO_CONFIDENTIAL_MARKER))) return; // seedRecords ran before
  const closingAt = items.find((i) => i.templateKey === 'other_business' || i.templateKey === 'closing')?.position ?? items.length + 1;

  // Make room before the closing items: park the later ones, then move them one step down.
  const later = items.filter((i) => i.position >= closingAt).map((i) => i.id);
  if (later.length > 0) {
    await tx.update(agendaItems).set({ position: sql`${agendaItems.position} + 100000` }).where(inArray(agendaItems.id, later));
    await tx.update(agendaItems).set({ position: sql`${agendaItems.position} - 100000 + 1` }).where(inArray(agendaItems.id, later));
  }
  await tx.insert(agendaItems).values({
    meetingId: meeting.id,
    councilId: council.id,
    position: closingAt,
    title: 'Yksittäisen asukkaan yhteydenotto palvelutarpeesta',
    body: `${DEMO_CONFIDENTIAL_MARKER} sekä sosiaalihuollon asiakkuus on kuvattu liitteenä olevassa kirjeessä. Asia esitellään kokouksessa suullisesti.`,
    presenter: 'erityisasiantuntija',
    proposal: 'Neuvottelukunta ohjaa yhteydenoton sosiaali-, terveys- ja pelastustoimialan asiakasohjaukseen ja merkitsee asian tiedoksi.',
    publicity: 'confidential',
    withheldReason: 'JulkL 24 § 1 mom. 25 k.',
  });

  // Number every item from the council's highest § of the meeting's year, as publishing does.
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Helsinki', year: 'numeric' }).format(meeting.startsAt));
  const [top] = await tx
    .select({ n: max(agendaItems.sectionNumber) })
    .from(agendaItems)
    .where(and(eq(agendaItems.councilId, council.id), eq(agendaItems.sectionYear, year)));
  let next = (top?.n ?? 0) + 1;
  const unnumbered = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), isNull(agendaItems.sectionNumber)))
    .orderBy(asc(agendaItems.position));
  for (const item of unnumbered) {
    await tx.update(agendaItems).set({ sectionYear: year, sectionNumber: next }).where(eq(agendaItems.id, item.id));
    next += 1;
  }
  // On time: ten days before the meeting, or now if the seed runs later than that.
  const publishedAt = meeting.agendaPublishedAt ?? new Date(Math.min(now.getTime(), meeting.startsAt.getTime() - 10 * DAY_MS));
  await tx.update(meetings).set({ agendaPublishedAt: publishedAt }).where(eq(meetings.id, meeting.id));
  await audit(tx, publishedAt, council.id, council.regionId, 'agenda.publish', meeting.id, { numbered: unnumbered.length, year });
}

/** Adds the records workflow's finished examples to the demo (run after seedDemo, in one transaction; a second run changes nothing). */
export async function seedRecords(tx: Tx, now: Date): Promise<void> {
  const [council] = await tx
    .select({ id: councils.id, regionId: councils.regionId })
    .from(councils)
    .where(eq(councils.slug, HELSINKI_SLUG));
  if (!council) throw new Error(`seedRecords: council ${HELSINKI_SLUG} missing (run seedDemo first)`);
  await correctHelsinkiMinutes(tx, council, now);
  await publishUpcomingHelsinkiAgenda(tx, council, now);
}
