import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, conflictDeclarations, recusals } from '../../db/schema';
import { startMinutes } from '../../app/models/minutes.server';
import * as conflictsRoute from '../../app/routes/manage.meetings.$meetingId_.conflicts';
import * as minutesRoute from '../../app/routes/manage.meetings.$meetingId_.minutes';
import * as membersRoute from '../../app/routes/meetings.$meetingId.members';
import { minutesLock } from '../factories/practice';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

const DAY = 86_400_000;

async function upcoming(startsAt = new Date(Date.now() + 7 * DAY)) {
  const s = await buildRecordsSetup({
    meeting: {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      agendaPublishedAt: new Date(Date.now() - DAY),
      status: 'invited',
    },
  });
  const [first, second] = await insertItems(s.meeting, [
    { title: 'Avustukset yhdistyksille', sectionYear: 2026, sectionNumber: 11 },
    { title: 'Lausunto kaavasta', sectionYear: 2026, sectionNumber: 12 },
  ]);
  return { ...s, first: first!, second: second! };
}

const declare = (meetingId: string, cookie: string, form: Record<string, string>) =>
  call(
    membersRoute.action,
    makeRequest(`/meetings/${meetingId}/members`, {
      method: 'POST',
      cookie,
      form: { intent: 'declare-conflict', ...form },
    }),
    { meetingId },
  );
const decide = (meetingId: string, cookie: string, form: Record<string, string>) =>
  call(
    conflictsRoute.action,
    makeRequest(`/manage/meetings/${meetingId}/conflicts`, { method: 'POST', cookie, form }),
    { meetingId },
  );

describe('conflict-of-interest declarations (esteellisyys, issue 14.6)', () => {
  it('a member declares on an item before the meeting, with a reason; recorded and audited', async () => {
    const s = await upcoming();
    const res = await declare(s.meeting.id, s.checkerA.cookie, {
      itemId: s.first.id,
      reason: 'Olen yhdistyksen hallituksessa.',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { message: string }).message).toBe('Esteellisyysilmoitus tallennettu.');
    const [row] = await getDb()
      .select()
      .from(conflictDeclarations)
      .where(eq(conflictDeclarations.agendaItemId, s.first.id));
    expect(row).toMatchObject({
      personId: s.seats[0]!.personId,
      reason: 'Olen yhdistyksen hallituksessa.',
      status: 'declared',
      declaredBy: s.checkerA.user.id,
    });
    expect(
      await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'conflict.declare'), eq(auditLog.entityId, row!.id))),
    ).toHaveLength(1);
    const page = await renderRoute(
      membersRoute,
      '/meetings/:meetingId/members',
      makeRequest(`/meetings/${s.meeting.id}/members`, { cookie: s.checkerA.cookie }),
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('Ilmoita olevani esteellinen');
    expect(page.html).toContain('Odottaa');
    // The person is the signed-in user's: nothing in the form can declare for someone else.
    await declare(s.meeting.id, s.checkerA.cookie, { itemId: s.second.id, personId: s.seats[2]!.personId });
    const rows = await getDb()
      .select()
      .from(conflictDeclarations)
      .where(eq(conflictDeclarations.agendaItemId, s.second.id));
    expect(rows.map((r) => r.personId)).toEqual([s.seats[0]!.personId]);
  });

  it('refuses declarations once the meeting has started, and from someone without a seat', async () => {
    const started = await upcoming(new Date(Date.now() - 3_600_000));
    const late = await declare(started.meeting.id, started.checkerA.cookie, { itemId: started.first.id });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: string }).error).toContain('ennen kokouksen alkua');
    expect(
      await getDb().select().from(conflictDeclarations).where(eq(conflictDeclarations.agendaItemId, started.first.id)),
    ).toHaveLength(0);
    const page = await renderRoute(
      membersRoute,
      '/meetings/:meetingId/members',
      makeRequest(`/meetings/${started.meeting.id}/members`, { cookie: started.checkerA.cookie }),
    );
    expect(page.html).not.toContain('Ilmoita olevani esteellinen');

    const s = await upcoming();
    // The secretary's account has no seat in the meeting.
    const noSeat = await declare(s.meeting.id, s.secretary.cookie, { itemId: s.first.id });
    expect(noSeat.status).toBe(403);
    const tooLong = await declare(s.meeting.id, s.checkerA.cookie, { itemId: s.first.id, reason: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: string }).error).toBe('Perustelu saa olla enintään 2000 merkkiä.');
  });

  it('the secretary sees declarations in the minutes editor and confirms one: the recusal is recorded', async () => {
    const s = await upcoming();
    await declare(s.meeting.id, s.checkerA.cookie, { itemId: s.first.id, reason: 'Hallituksen jäsen' });
    const [d] = await getDb()
      .select()
      .from(conflictDeclarations)
      .where(eq(conflictDeclarations.agendaItemId, s.first.id));
    const started = await startMinutes(s.who, s.meeting.id);
    expect(started.status).toBe('ok');
    const editor = await renderRoute(
      minutesRoute,
      '/manage/meetings/:meetingId/minutes',
      makeRequest(`/manage/meetings/${s.meeting.id}/minutes?section=items`, { cookie: s.secretary.cookie }),
    );
    expect(editor.status).toBe(200);
    expect(editor.html).toContain('Jäsenten esteellisyysilmoitukset');
    expect(editor.html).toContain('Hallituksen jäsen');

    const version = await minutesLock(s.meeting.id);
    // A stale minutes lock is refused and nothing changes.
    const stale = await decide(s.meeting.id, s.secretary.cookie, {
      intent: 'confirm-conflict',
      declarationId: d!.id,
      declarationLockVersion: String(d!.lockVersion),
      versionId: version.id,
      lockVersion: String(version.lockVersion + 5),
    });
    expect(stale.status).toBe(409);
    expect(
      (await getDb().select().from(conflictDeclarations).where(eq(conflictDeclarations.id, d!.id)))[0]!.status,
    ).toBe('declared');
    // A member may not decide.
    expect(
      (
        await decide(s.meeting.id, s.checkerA.cookie, {
          intent: 'reject-conflict',
          declarationId: d!.id,
          declarationLockVersion: String(d!.lockVersion),
        })
      ).status,
    ).toBe(403);

    const ok = await decide(s.meeting.id, s.secretary.cookie, {
      intent: 'confirm-conflict',
      declarationId: d!.id,
      declarationLockVersion: String(d!.lockVersion),
      versionId: version.id,
      lockVersion: String(version.lockVersion),
    });
    expect(ok.status).toBe(302);
    const [after] = await getDb().select().from(conflictDeclarations).where(eq(conflictDeclarations.id, d!.id));
    expect(after).toMatchObject({ status: 'confirmed', decidedBy: s.secretary.user.id });
    expect(after!.decidedAt).toBeInstanceOf(Date);
    const recused = await getDb()
      .select()
      .from(recusals)
      .where(and(eq(recusals.versionId, version.id), eq(recusals.agendaItemId, s.first.id)));
    expect(recused.map((r) => r.personId)).toEqual([s.seats[0]!.personId]);
    expect(
      await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'conflict.confirm'), eq(auditLog.entityId, d!.id))),
    ).toHaveLength(1);
    // Deciding again is refused.
    const again = await decide(s.meeting.id, s.secretary.cookie, {
      intent: 'reject-conflict',
      declarationId: d!.id,
      declarationLockVersion: String(after!.lockVersion),
    });
    expect(again.status).toBe(409);
  });

  it('the secretary rejects a declaration with a note; the member sees it', async () => {
    const s = await upcoming();
    await declare(s.meeting.id, s.checkerB.cookie, { itemId: s.second.id });
    const [d] = await getDb()
      .select()
      .from(conflictDeclarations)
      .where(eq(conflictDeclarations.agendaItemId, s.second.id));
    const res = await decide(s.meeting.id, s.secretary.cookie, {
      intent: 'reject-conflict',
      declarationId: d!.id,
      declarationLockVersion: String(d!.lockVersion),
      note: 'Ei esteellisyysperustetta.',
    });
    expect(res.status).toBe(302);
    const [after] = await getDb().select().from(conflictDeclarations).where(eq(conflictDeclarations.id, d!.id));
    expect(after).toMatchObject({
      status: 'rejected',
      decisionNote: 'Ei esteellisyysperustetta.',
      decidedBy: s.secretary.user.id,
    });
    expect(await getDb().select().from(recusals).where(eq(recusals.agendaItemId, s.second.id))).toHaveLength(0);
    expect(
      await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'conflict.reject'), eq(auditLog.entityId, d!.id))),
    ).toHaveLength(1);
    const page = await renderRoute(
      membersRoute,
      '/meetings/:meetingId/members',
      makeRequest(`/meetings/${s.meeting.id}/members`, { cookie: s.checkerB.cookie }),
    );
    expect(page.html).toContain('Hylätty');
    expect(page.html).toContain('Ei esteellisyysperustetta.');
    // Re-declaring after the decision is refused.
    expect((await declare(s.meeting.id, s.checkerB.cookie, { itemId: s.second.id })).status).toBe(409);
  });
});
