/**
 * Fee demo data on top of seedDemo(): Helsinki's council pays a meeting fee (its secretaries are
 * city employees and are not paid), Pirkanmaa's cooperation group pays none (seed 002: "ei makseta
 * kokouspalkkioita tai kulukorvauksia"), and three members of Helsinki's latest held meeting have
 * travel claims: one approved, one waiting for approval, one draft. Written straight to the
 * database inside the caller's transaction; a second run changes nothing.
 */
import { and, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import { todayInHelsinki } from '../../app/lib/dates';
import type { Tx } from '../client.server';
import {
  attendance,
  auditLog,
  councilFeeRules,
  councils,
  meetings,
  minutes,
  minutesVersions,
  travelClaims,
} from '../schema/index';

const HELSINKI_SLUG = 'helsinki-jarjestoneuvottelukunta';
const PIRKANMAA_SLUG = 'pirkanmaa-jarjestoyhteistyoryhma';
const DAY_MS = 86_400_000;

async function councilBySlug(tx: Tx, slug: string) {
  const [row] = await tx
    .select({ id: councils.id, regionId: councils.regionId })
    .from(councils)
    .where(eq(councils.slug, slug));
  if (!row) throw new Error(`seedFees: council ${slug} missing (run seedDemo first)`);
  return row;
}

/** Adds the fee rules and claims (run after seedRecords, in one transaction). */
export async function seedFees(tx: Tx, now: Date): Promise<void> {
  const helsinki = await councilBySlug(tx, HELSINKI_SLUG);
  const pirkanmaa = await councilBySlug(tx, PIRKANMAA_SLUG);
  const [existing] = await tx
    .select({ id: councilFeeRules.id })
    .from(councilFeeRules)
    .where(eq(councilFeeRules.councilId, helsinki.id))
    .limit(1);
  if (existing) return;

  const [helsinkiRule] = await tx
    .insert(councilFeeRules)
    .values({
      councilId: helsinki.id,
      kind: 'per_meeting',
      validFrom: '2023-02-01',
      meetingFeeCents: 8000,
      chairSupplementCents: 4000,
      secretarySupplementCents: 0,
      paySecretary: false,
      longMeetingAfterMinutes: 180,
      longMeetingSupplementCents: 2000,
      kmRateCents: 59,
    })
    .returning({ id: councilFeeRules.id });
  const [pirkanmaaRule] = await tx
    .insert(councilFeeRules)
    .values({ councilId: pirkanmaa.id, kind: 'none', validFrom: '2023-01-01' })
    .returning({ id: councilFeeRules.id });
  for (const [council, ruleId] of [
    [helsinki, helsinkiRule!.id],
    [pirkanmaa, pirkanmaaRule!.id],
  ] as const) {
    await tx
      .insert(auditLog)
      .values({
        at: now,
        actorLabel: 'demo-data',
        action: 'fees.rule_create',
        entityType: 'council_fee_rule',
        entityId: ruleId,
        councilId: council.id,
        regionId: council.regionId,
      });
  }

  // Helsinki's latest held meeting with minutes, and who attended it in a seat (newest version).
  const [held] = await tx
    .select({ meetingId: meetings.id, startsAt: meetings.startsAt, minutesId: minutes.id })
    .from(meetings)
    .innerJoin(minutes, eq(minutes.meetingId, meetings.id))
    .where(and(eq(meetings.councilId, helsinki.id), ne(meetings.status, 'cancelled'), lt(meetings.startsAt, now)))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  if (!held) return;
  const [version] = await tx
    .select({ id: minutesVersions.id })
    .from(minutesVersions)
    .where(eq(minutesVersions.minutesId, held.minutesId))
    .orderBy(desc(minutesVersions.versionNo))
    .limit(1);
  if (!version) return;
  const present = await tx
    .select({ personId: attendance.personId })
    .from(attendance)
    .where(
      and(
        eq(attendance.versionId, version.id),
        eq(attendance.present, true),
        inArray(attendance.role, ['member', 'deputy', 'chair']),
      ),
    )
    .orderBy(attendance.personId)
    .limit(3);
  const travelDate = todayInHelsinki(held.startsAt);
  const submittedAt = new Date(Math.min(held.startsAt.getTime() + 2 * DAY_MS, now.getTime()));
  const claims: Array<typeof travelClaims.$inferInsert> = [
    {
      km: 34,
      ticketCents: 0,
      accessibilityCents: 0,
      note: 'Oma auto, Vuosaari – kaupungintalo ja takaisin.',
      status: 'approved',
      submittedAt,
      decidedAt: new Date(Math.min(submittedAt.getTime() + DAY_MS, now.getTime())),
    },
    {
      km: 0,
      ticketCents: 560,
      accessibilityCents: 3240,
      accessibilityType: 'taxi',
      note: 'HSL-lippu ja paluu taksilla (liikkumisen apuväline).',
      status: 'submitted',
      submittedAt,
    },
    { km: 12, ticketCents: 0, accessibilityCents: 0, status: 'draft' },
  ].map(
    (c, i) =>
      ({
        ...c,
        meetingId: held.meetingId,
        councilId: helsinki.id,
        personId: present[i]?.personId ?? '',
        travelDate,
      }) as typeof travelClaims.$inferInsert,
  );
  const rows = claims.filter((c) => c.personId !== '');
  if (rows.length === 0) return;
  const inserted = await tx
    .insert(travelClaims)
    .values(rows)
    .returning({ id: travelClaims.id, status: travelClaims.status });
  for (const c of inserted) {
    await tx
      .insert(auditLog)
      .values({
        at: now,
        actorLabel: 'demo-data',
        action: c.status === 'draft' ? 'claim.create' : 'claim.submit',
        entityType: 'travel_claim',
        entityId: c.id,
        councilId: helsinki.id,
        regionId: helsinki.regionId,
      });
    if (c.status === 'approved') {
      await tx
        .insert(auditLog)
        .values({
          at: now,
          actorLabel: 'demo-data',
          action: 'claim.approve',
          entityType: 'travel_claim',
          entityId: c.id,
          councilId: helsinki.id,
          regionId: helsinki.regionId,
        });
    }
  }
}
