import type { MembershipRole } from '~db/schema/rosters';

export interface RosterMembership {
  id: string;
  role: MembershipRole;
  categoryId: string | null;
  principalId: string | null;
  seatNumber: number | null;
  personId: string;
  personName: string;
  organisationName: string | null;
  startDate: string;
  endDate: string | null;
}

export interface RosterCategory {
  id: string;
  position: number;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  memberSeats: number;
  deputySeats: number;
}

export interface RosterExtraSeat {
  role: MembershipRole;
  memberSeats: number;
  deputySeats: number;
}

/** A member with their personal deputies; member null means a vacant seat. */
export interface RosterPair {
  member: RosterMembership | null;
  deputies: RosterMembership[];
}

export interface RosterGroup {
  key: string;
  category: RosterCategory | null;
  role: MembershipRole | null;
  pairs: RosterPair[];
  /** Deputies not tied to one member. */
  generalDeputies: RosterMembership[];
  plannedMembers: number;
  plannedDeputies: number;
  actualMembers: number;
  actualDeputies: number;
  /** 'over' or 'under' when the people differ from the seat plan. */
  mismatch: 'over' | 'under' | null;
}

export interface Roster {
  officers: RosterMembership[];
  groups: RosterGroup[];
}

const OFFICER_ROLES: MembershipRole[] = ['chair', 'vice_chair', 'secretary'];
// 'member' here gathers members outside any category (councils without a category plan).
const EXTRA_ROLE_ORDER: MembershipRole[] = [
  'member',
  'elected_official',
  'county_representative',
  'municipality_representative',
  'invited_expert',
];

const bySeat = (a: RosterMembership, b: RosterMembership) =>
  (a.seatNumber ?? 999) - (b.seatNumber ?? 999) || a.personName.localeCompare(b.personName, 'fi');

function buildGroup(
  key: string,
  category: RosterCategory | null,
  role: MembershipRole | null,
  principals: RosterMembership[],
  deputies: RosterMembership[],
  plannedMembers: number,
  plannedDeputies: number,
): RosterGroup {
  const byPrincipal = new Map<string, RosterMembership[]>();
  const general: RosterMembership[] = [];
  const principalIds = new Set(principals.map((p) => p.id));
  for (const d of deputies) {
    if (d.principalId && principalIds.has(d.principalId)) {
      byPrincipal.set(d.principalId, [...(byPrincipal.get(d.principalId) ?? []), d]);
    } else {
      general.push(d);
    }
  }
  const pairs: RosterPair[] = principals
    .sort(bySeat)
    .map((m) => ({ member: m, deputies: byPrincipal.get(m.id) ?? [] }));
  for (let i = principals.length; i < plannedMembers; i++) pairs.push({ member: null, deputies: [] });
  const actualMembers = principals.length;
  const actualDeputies = deputies.length;
  const mismatch =
    actualMembers > plannedMembers || actualDeputies > plannedDeputies
      ? 'over'
      : actualMembers < plannedMembers || actualDeputies < plannedDeputies
        ? 'under'
        : null;
  return {
    key,
    category,
    role,
    pairs,
    generalDeputies: general.sort(bySeat),
    plannedMembers,
    plannedDeputies,
    actualMembers,
    actualDeputies,
    mismatch,
  };
}

/**
 * Arrange a term's current memberships by category: each member beside their personal
 * deputy, vacant seats as vacant, and a mismatch flag where people differ from the plan.
 */
export function buildRoster(
  categories: RosterCategory[],
  extraSeats: RosterExtraSeat[],
  memberships: RosterMembership[],
): Roster {
  const officers = memberships
    .filter((m) => OFFICER_ROLES.includes(m.role))
    .sort((a, b) => OFFICER_ROLES.indexOf(a.role) - OFFICER_ROLES.indexOf(b.role) || bySeat(a, b));
  const byId = new Map(memberships.map((m) => [m.id, m]));
  const groups: RosterGroup[] = [];
  for (const category of [...categories].sort((a, b) => a.position - b.position)) {
    const inCategory = memberships.filter((m) => m.categoryId === category.id);
    groups.push(
      buildGroup(
        category.id,
        category,
        null,
        inCategory.filter((m) => m.role === 'member'),
        inCategory.filter((m) => m.role === 'deputy'),
        category.memberSeats,
        category.deputySeats,
      ),
    );
  }
  for (const role of EXTRA_ROLE_ORDER) {
    const plan = extraSeats.find((s) => s.role === role);
    const principals = memberships.filter((m) => m.role === role && m.categoryId === null);
    const principalIds = new Set(principals.map((p) => p.id));
    const deputies = memberships.filter(
      (m) => m.role === 'deputy' && m.categoryId === null && m.principalId !== null && principalIds.has(m.principalId),
    );
    if (!plan && principals.length === 0) continue;
    groups.push(buildGroup(role, null, role, principals, deputies, plan?.memberSeats ?? principals.length, plan?.deputySeats ?? deputies.length));
  }
  // Deputies outside categories whose principal is not listed anywhere above.
  const placed = new Set(groups.flatMap((g) => [...g.pairs.flatMap((p) => (p.member ? [p.member.id, ...p.deputies.map((d) => d.id)] : [])), ...g.generalDeputies.map((d) => d.id)]));
  const stray = memberships.filter((m) => m.role === 'deputy' && !placed.has(m.id) && !(m.principalId && byId.get(m.principalId)?.categoryId));
  if (stray.length > 0) {
    groups.push(buildGroup('other-deputies', null, 'deputy', [], stray, 0, stray.length));
  }
  return { officers, groups };
}
