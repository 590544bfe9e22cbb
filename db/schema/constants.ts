// Constants shared by the schema, the server and the browser. Kept free of drizzle so that
// components can import them: a *.server module is empty in the browser bundle.

/** Every membership role, in the order the schema's enum declares them. */
export const MEMBERSHIP_ROLES = [
  'chair',
  'vice_chair',
  'secretary',
  'member',
  'deputy',
  'elected_official',
  'county_representative',
  'municipality_representative',
  'invited_expert',
] as const;

export type MembershipRoleValue = (typeof MEMBERSHIP_ROLES)[number];

/** Roles that occupy a seat in a term's plan (and may have a personal deputy). */
export const SEAT_ROLES: readonly MembershipRoleValue[] = ['member', 'elected_official', 'county_representative', 'municipality_representative', 'invited_expert'];

/** Roles that hold a voting seat in a meeting; officers and invited experts do not. */
export const VOTING_SEAT_ROLES = ['member', 'elected_official', 'county_representative', 'municipality_representative'] as const;

/** Whether a role occupies a seat in the plan. */
export const isSeatRole = (role: string): boolean => (SEAT_ROLES as readonly string[]).includes(role);

/** Whether a role holds a voting seat in a meeting. */
export const isVotingSeatRole = (role: string): boolean => (VOTING_SEAT_ROLES as readonly string[]).includes(role);

/** Upper bound of any single fee or cost in cents (10 000 €): above it, a typo rather than a fee. */
export const MAX_FEE_CENTS = 1_000_000;

/** Longest journey a travel claim may state (there and back), in kilometres. */
export const MAX_CLAIM_KM = 3000;
