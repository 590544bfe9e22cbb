import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, decisions, memberships, minutes, minutesVersions, agendaItems } from '../../db/schema';
import { buildCouncil, buildCouncilWithRoster, buildMeeting, buildMembership, buildPerson, buildTerm } from '../factories';
import { useTestDatabase } from '../setup/database';

useTestDatabase();

/** The database's own message for a refused statement (drizzle wraps the driver error). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ''}`;
  }
  throw new Error('expected the database to refuse the statement');
}

describe('constraints make impossible states impossible', () => {
  it('refuses a membership that ends before it starts', async () => {
    const council = await buildCouncil();
    const term = await buildTerm(council.id);
    const person = await buildPerson();
    expect(await refusal(buildMembership(term.id, person.id, { startDate: '2026-05-01', endDate: '2026-04-01' }))).toMatch(
      /memberships_end_after_start/,
    );
  });

  it('refuses a deputy whose principal is in another term', async () => {
    const { council, member } = await buildCouncilWithRoster();
    const otherTerm = await buildTerm(council.id, { name: 'Toinen kausi' });
    const person = await buildPerson();
    expect(
      await refusal(buildMembership(otherTerm.id, person.id, { role: 'deputy', principalId: member.id })),
    ).toMatch(/memberships_principal_same_term_fk/);
  });

  it('refuses a category from another term', async () => {
    const { council, category } = await buildCouncilWithRoster();
    const otherTerm = await buildTerm(council.id, { name: 'Kolmas kausi' });
    const person = await buildPerson();
    expect(await refusal(buildMembership(otherTerm.id, person.id, { categoryId: category.id }))).toMatch(
      /memberships_category_same_term_fk/,
    );
  });

  it('refuses a meeting that ends before it starts', async () => {
    const council = await buildCouncil();
    const startsAt = new Date('2026-03-10T11:00:00Z');
    expect(await refusal(buildMeeting(council.id, { startsAt, endsAt: new Date('2026-03-10T10:00:00Z') }))).toMatch(
      /meetings_end_after_start/,
    );
  });

  it('refuses an executive committee without a parent body', async () => {
    expect(await refusal(buildCouncil({ kind: 'executive_committee' }))).toMatch(/councils_sub_bodies_have_parent/);
  });

  it('refuses a confidential item without its legal reason', async () => {
    const council = await buildCouncil();
    const meeting = await buildMeeting(council.id);
    expect(
      await refusal(
        getDb().insert(agendaItems).values({ meetingId: meeting.id, councilId: council.id, position: 1, title: 'Salainen', publicity: 'confidential' }),
      ),
    ).toMatch(/agenda_items_confidential_reason/);
  });

  it('refuses an agenda item whose council differs from its meeting', async () => {
    const a = await buildCouncil();
    const b = await buildCouncil();
    const meeting = await buildMeeting(a.id);
    expect(
      await refusal(getDb().insert(agendaItems).values({ meetingId: meeting.id, councilId: b.id, position: 1, title: 'X' })),
    ).toMatch(/agenda_items_meeting_same_council_fk/);
  });
});

describe('triggers', () => {
  it('keeps the audit log append-only', async () => {
    const db = getDb();
    const [entry] = await db.insert(auditLog).values({ action: 'test.write', entityType: 'test' }).returning();
    // On PostgreSQL the suite runs as the app role, which holds only INSERT and SELECT on the log;
    // the triggers stop the owner too (sec-roles.test.ts).
    expect(await refusal(db.update(auditLog).set({ action: 'test.changed' }).where(eq(auditLog.id, entry!.id)))).toMatch(/append-only|permission denied/);
    expect(await refusal(db.delete(auditLog).where(eq(auditLog.id, entry!.id)))).toMatch(/append-only|permission denied/);
    expect(await refusal(db.execute(sql`truncate audit_log`))).toMatch(/append-only|permission denied/);
    const [still] = await db.select().from(auditLog).where(eq(auditLog.id, entry!.id));
    expect(still?.action).toBe('test.write');
  });

  it('freezes an approved minutes version and its decisions, allowing only publication', async () => {
    const db = getDb();
    const council = await buildCouncil();
    const meeting = await buildMeeting(council.id, { startsAt: new Date('2026-02-01T10:00:00Z'), endsAt: new Date('2026-02-01T12:00:00Z') });
    const [item] = await db.insert(agendaItems).values({ meetingId: meeting.id, councilId: council.id, position: 1, title: 'Avaus' }).returning();
    const [m] = await db.insert(minutes).values({ meetingId: meeting.id, councilId: council.id }).returning();
    const [v] = await db.insert(minutesVersions).values({ minutesId: m!.id, versionNo: 1 }).returning();
    await db.insert(decisions).values({ versionId: v!.id, agendaItemId: item!.id, decision: 'Avattiin.' });
    await db.update(minutesVersions).set({ status: 'approved', approvedAt: new Date(), approvalMethod: 'at_meeting' }).where(eq(minutesVersions.id, v!.id));

    expect(await refusal(db.update(minutesVersions).set({ summary: 'muutettu' }).where(eq(minutesVersions.id, v!.id)))).toMatch(/frozen/);
    expect(await refusal(db.update(decisions).set({ decision: 'Muutettu.' }).where(eq(decisions.versionId, v!.id)))).toMatch(/frozen/);
    expect(await refusal(db.insert(decisions).values({ versionId: v!.id, agendaItemId: item!.id, decision: 'x' }))).toMatch(/frozen/);
    expect(await refusal(db.update(agendaItems).set({ title: 'Muutettu' }).where(eq(agendaItems.id, item!.id)))).toMatch(/frozen/);
    expect(await refusal(db.delete(minutesVersions).where(eq(minutesVersions.id, v!.id)))).toMatch(/frozen/);

    await db.update(minutesVersions).set({ status: 'published', publishedAt: new Date() }).where(eq(minutesVersions.id, v!.id));
    const [after] = await db.select().from(minutesVersions).where(eq(minutesVersions.id, v!.id));
    expect(after?.status).toBe('published');
    expect(await refusal(db.update(minutesVersions).set({ status: 'approved', publishedAt: null }).where(eq(minutesVersions.id, v!.id)))).toMatch(/frozen/);
  });

  it('still lets a draft version change', async () => {
    const db = getDb();
    const council = await buildCouncil();
    const meeting = await buildMeeting(council.id);
    const [m] = await db.insert(minutes).values({ meetingId: meeting.id, councilId: council.id }).returning();
    const [v] = await db.insert(minutesVersions).values({ minutesId: m!.id, versionNo: 1 }).returning();
    await db.update(minutesVersions).set({ summary: 'luonnos' }).where(eq(minutesVersions.id, v!.id));
    const [row] = await db.select().from(minutesVersions).where(eq(minutesVersions.id, v!.id));
    expect(row?.summary).toBe('luonnos');
    void memberships;
  });
});
