import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { memberships, minutes, minutesCheckers, minutesVersions, roleGrants, terms } from '~db/schema';
import type { CouncilRole, MeetingRole, Principal } from '~/auth/permissions';
import { todayInHelsinki } from '~/lib/dates';

const MEMBERSHIP_TO_ROLE: Record<string, CouncilRole> = {
  chair: 'chair',
  vice_chair: 'vice_chair',
  secretary: 'secretary',
  member: 'member',
  elected_official: 'member',
  county_representative: 'member',
  municipality_representative: 'member',
  invited_expert: 'member',
  deputy: 'deputy',
};

/**
 * Who a user is for permission checks: explicit grants plus roles derived from the
 * person's current memberships. Two queries.
 */
export async function loadPrincipal(user: { id: string; personId: string | null }, onDate = todayInHelsinki()): Promise<Principal> {
  const db = getDb();
  const [grants, seats] = await Promise.all([
    db
      .select({ role: roleGrants.role, councilId: roleGrants.councilId, regionId: roleGrants.regionId })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, user.id), isNull(roleGrants.revokedAt))),
    user.personId
      ? db
          .select({ role: memberships.role, councilId: terms.councilId })
          .from(memberships)
          .innerJoin(terms, eq(terms.id, memberships.termId))
          .where(
            and(
              eq(memberships.personId, user.personId),
              lte(memberships.startDate, onDate),
              or(isNull(memberships.endDate), gte(memberships.endDate, onDate)),
            ),
          )
      : Promise.resolve([]),
  ]);
  const councilRoles = new Map<string, Set<CouncilRole>>();
  const add = (councilId: string, role: CouncilRole) => {
    const set = councilRoles.get(councilId) ?? new Set<CouncilRole>();
    set.add(role);
    councilRoles.set(councilId, set);
  };
  let isAdmin = false;
  const regionAdmin = new Set<string>();
  for (const g of grants) {
    if (g.role === 'admin') isAdmin = true;
    else if (g.role === 'region_admin' && g.regionId) regionAdmin.add(g.regionId);
    else if (g.councilId) add(g.councilId, g.role as CouncilRole);
  }
  for (const s of seats) {
    const role = MEMBERSHIP_TO_ROLE[s.role];
    if (role) add(s.councilId, role);
  }
  return { userId: user.id, personId: user.personId, isAdmin, regionAdmin, councilRoles };
}

/**
 * The roles a person holds for one meeting: memberships of its council in force on the
 * meeting's (Helsinki) date, and being chosen as a checker of any version of its minutes.
 * Two queries; independent of today's date.
 */
export async function loadMeetingRoles(
  personId: string | null,
  meeting: { meetingId: string; councilId: string; startsAt: Date },
): Promise<Set<MeetingRole>> {
  const roles = new Set<MeetingRole>();
  if (!personId) return roles;
  const db = getDb();
  const onDate = todayInHelsinki(meeting.startsAt);
  const [seats, checks] = await Promise.all([
    db
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(terms, eq(terms.id, memberships.termId))
      .where(
        and(
          eq(memberships.personId, personId),
          eq(terms.councilId, meeting.councilId),
          lte(memberships.startDate, onDate),
          or(isNull(memberships.endDate), gte(memberships.endDate, onDate)),
        ),
      ),
    db
      .select({ id: minutesCheckers.id })
      .from(minutesCheckers)
      .innerJoin(minutesVersions, eq(minutesVersions.id, minutesCheckers.versionId))
      .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
      .where(and(eq(minutesCheckers.personId, personId), eq(minutes.meetingId, meeting.meetingId)))
      .limit(1),
  ]);
  for (const s of seats) {
    const role = MEMBERSHIP_TO_ROLE[s.role];
    if (role) roles.add(role);
  }
  if (checks.length > 0) roles.add('checker');
  return roles;
}
