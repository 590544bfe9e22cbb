import { eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '../../db/client.server';
import { agendaItemAttachments, agendaItems, decisions, documents, minutes, minutesVersions } from '../../db/schema';
import { sqlState } from '../../app/models/db-errors.server';
import { buildCouncil, buildMeeting } from '../factories';

/** The SQLSTATE a statement was refused with, or 'accepted'. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return sqlState(error) ?? String(error);
  }
}

/** Runs a statement in a transaction that is always rolled back, so one refusal does not spoil the next. */
export async function attempt(statement: SQL, db: Db = getDb()): Promise<string> {
  const rollback = new Error('rolled back');
  try {
    await db.transaction(async (tx) => {
      await tx.execute(statement);
      throw rollback;
    });
  } catch (error) {
    if (error === rollback) return 'accepted';
    return sqlState(error) ?? String(error);
  }
  return 'accepted';
}

/** A meeting with approved minutes: one item with an attachment and a decision. */
export async function buildFrozenMeeting() {
  const db = getDb();
  const council = await buildCouncil();
  const meeting = await buildMeeting(council.id, { startsAt: new Date('2026-02-01T10:00:00Z'), endsAt: new Date('2026-02-01T12:00:00Z') });
  const other = await buildMeeting(council.id, { startsAt: new Date('2026-03-01T10:00:00Z'), endsAt: new Date('2026-03-01T12:00:00Z') });
  const [item] = await db.insert(agendaItems).values({ meetingId: meeting.id, councilId: council.id, position: 1, title: 'Avaus' }).returning();
  const [otherItem] = await db.insert(agendaItems).values({ meetingId: other.id, councilId: council.id, position: 1, title: 'Muu asia' }).returning();
  const [doc] = await db
    .insert(documents)
    .values({ storageKey: `k-${item!.id}`, filename: 'liite.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64) })
    .returning();
  const [attachment] = await db.insert(agendaItemAttachments).values({ agendaItemId: item!.id, documentId: doc!.id, position: 1, title: 'Liite' }).returning();
  const [m] = await db.insert(minutes).values({ meetingId: meeting.id, councilId: council.id }).returning();
  const [otherMinutes] = await db.insert(minutes).values({ meetingId: other.id, councilId: council.id }).returning();
  const [v] = await db.insert(minutesVersions).values({ minutesId: m!.id, versionNo: 1 }).returning();
  await db.insert(decisions).values({ versionId: v!.id, agendaItemId: item!.id, decision: 'Avattiin.' });
  await db.update(minutesVersions).set({ status: 'approved', approvedAt: new Date(), approvalMethod: 'at_meeting' }).where(eq(minutesVersions.id, v!.id));
  await db.update(minutesVersions).set({ status: 'published', publishedAt: new Date() }).where(eq(minutesVersions.id, v!.id));
  return { council, meeting, other, item: item!, otherItem: otherItem!, doc: doc!, attachment: attachment!, minutes: m!, otherMinutes: otherMinutes!, version: v! };
}

/** The tables whose TRUNCATE is refused (row triggers do not fire on TRUNCATE). */
export const TRUNCATE_REFUSED = [
  'minutes',
  'minutes_versions',
  'decisions',
  'attendance',
  'recusals',
  'minutes_checkers',
  'agenda_items',
  'agenda_item_attachments',
  'documents',
  'annual_reports',
  'action_plans',
  'plan_goals',
  'plan_actions',
  'plan_action_links',
  'meetings',
  'statements',
];

/** Every statement that must be refused on a frozen record, by name (the report lists them). */
export function freezeStatements(f: Awaited<ReturnType<typeof buildFrozenMeeting>>): Array<[string, SQL]> {
  const truncations = TRUNCATE_REFUSED.map((t): [string, SQL] => [`TRUNCATE ${t} CASCADE`, sql.raw(`TRUNCATE ${t} CASCADE`)]);
  return [
    ...truncations,
    ['UPDATE minutes SET meeting_id = <other meeting>', sql`UPDATE minutes SET meeting_id = ${f.other.id} WHERE id = ${f.minutes.id}`],
    ['UPDATE minutes_versions SET summary', sql`UPDATE minutes_versions SET summary = 'x' WHERE id = ${f.version.id}`],
    ['DELETE FROM decisions', sql`DELETE FROM decisions WHERE version_id = ${f.version.id}`],
    ['INSERT INTO agenda_items (frozen meeting)', sql`INSERT INTO agenda_items (meeting_id, council_id, position, title) VALUES (${f.meeting.id}, ${f.council.id}, 2, 'Lisätty jälkikäteen')`],
    ['UPDATE agenda_items SET meeting_id = <frozen> (move in)', sql`UPDATE agenda_items SET meeting_id = ${f.meeting.id}, position = 5 WHERE id = ${f.otherItem.id}`],
    ['UPDATE agenda_items SET meeting_id = <other> (move out)', sql`UPDATE agenda_items SET meeting_id = ${f.other.id}, position = 5 WHERE id = ${f.item.id}`],
    ['UPDATE agenda_items SET title', sql`UPDATE agenda_items SET title = 'Muutettu' WHERE id = ${f.item.id}`],
    ['UPDATE agenda_item_attachments SET document_id/title', sql`UPDATE agenda_item_attachments SET title = 'Vaihdettu' WHERE id = ${f.attachment.id}`],
    ['DELETE FROM agenda_item_attachments', sql`DELETE FROM agenda_item_attachments WHERE id = ${f.attachment.id}`],
    ['INSERT INTO agenda_item_attachments (frozen item)', sql`INSERT INTO agenda_item_attachments (agenda_item_id, document_id, position, title) VALUES (${f.item.id}, ${f.doc.id}, 2, 'Toinen')`],
    ['UPDATE documents SET storage_key/sha256', sql`UPDATE documents SET sha256 = ${'b'.repeat(64)} WHERE id = ${f.doc.id}`],
    ['DELETE FROM documents', sql`DELETE FROM documents WHERE id = ${f.doc.id}`],
  ];
}

