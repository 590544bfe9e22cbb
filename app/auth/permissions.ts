/**
 * Every permission decision in one place: can(principal, action, subject). Default deny.
 * Pure: the principal (who the user is, with their roles) is loaded elsewhere.
 */

export type CouncilRole = 'secretary' | 'chair' | 'vice_chair' | 'member' | 'deputy';

export interface Principal {
  userId: string | null;
  personId: string | null;
  isAdmin: boolean;
  /** Region ids where the user is a region admin. */
  regionAdmin: ReadonlySet<string>;
  /** Council id -> roles, from current memberships and explicit grants. */
  councilRoles: ReadonlyMap<string, ReadonlySet<CouncilRole>>;
}

export const ANONYMOUS: Principal = {
  userId: null,
  personId: null,
  isAdmin: false,
  regionAdmin: new Set(),
  councilRoles: new Map(),
};

/** A role held for one meeting: a membership in force on its date, or being chosen as its minutes checker. */
export type MeetingRole = CouncilRole | 'checker';

export interface Subject {
  councilId?: string;
  regionId?: string;
  /**
   * Roles for the meeting the subject belongs to. Rights over a meeting's records follow the
   * record, not the calendar: a checker whose term has since ended (or starts later) keeps them.
   */
  meetingRoles?: ReadonlySet<MeetingRole>;
}

export const ACTIONS = [
  // reading what the public cannot: members-only records, drafts shared with members
  'council.view_internal',
  // administration
  'council.create',
  'council.edit',
  'roster.edit',
  'meeting.edit',
  'agenda.edit',
  'minutes.edit',
  'minutes.publish',
  'minutes.check',
  'meeting.reply',
  'plan.edit',
  'report.edit',
  'statement.edit',
  // meeting fees and travel claims (never public)
  'fees.manage',
  'claim.submit',
  'audit.view',
  'user.invite',
  'user.manage',
  // granting and revoking roles: the subject is the grant's scope (a council, a region, or none for admin)
  'role.manage',
  'outbox.view',
  'feedback.view',
  // a person's data: the GDPR export and erasure (issue 14.4)
  'person.gdpr',
  'account.use',
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = {
  /** Council roles that may do it on their own council. */
  council?: CouncilRole[];
  /** Region admins may do it within their region. */
  regionAdmin?: boolean;
  /** Roles held for the subject's meeting (see Subject.meetingRoles). */
  meeting?: MeetingRole[];
  /** Any signed-in user (no subject needed). */
  signedIn?: boolean;
};

const SECRETARIAT: CouncilRole[] = ['secretary'];
const READERS: CouncilRole[] = ['secretary', 'chair', 'vice_chair', 'member', 'deputy'];
const MEETING_PEOPLE: MeetingRole[] = [...READERS, 'checker'];

const RULES: Record<Action, Rule> = {
  'council.view_internal': { council: READERS, meeting: MEETING_PEOPLE, regionAdmin: true },
  'council.create': { regionAdmin: true },
  'council.edit': { regionAdmin: true },
  'roster.edit': { council: SECRETARIAT, regionAdmin: true },
  'meeting.edit': { council: SECRETARIAT, regionAdmin: true },
  'agenda.edit': { council: ['secretary', 'chair', 'vice_chair'], regionAdmin: true },
  'minutes.edit': { council: SECRETARIAT, regionAdmin: true },
  'minutes.publish': { council: SECRETARIAT, regionAdmin: true },
  'minutes.check': { council: ['chair', 'vice_chair', 'member', 'deputy', 'secretary'], meeting: MEETING_PEOPLE },
  'meeting.reply': { council: ['chair', 'vice_chair', 'member', 'deputy', 'secretary'], meeting: READERS },
  'plan.edit': { council: ['secretary', 'chair'], regionAdmin: true },
  'report.edit': { council: SECRETARIAT, regionAdmin: true },
  'statement.edit': { council: ['secretary', 'chair'], regionAdmin: true },
  // Fee rules, approving claims and the payroll export: the secretariat.
  'fees.manage': { council: SECRETARIAT, regionAdmin: true },
  // A travel claim for a meeting: whoever held a seat or role on its date (the model also checks they attended).
  'claim.submit': { council: ['chair', 'vice_chair', 'member', 'deputy', 'secretary'], meeting: READERS },
  'audit.view': { council: SECRETARIAT, regionAdmin: true },
  'user.invite': { council: SECRETARIAT, regionAdmin: true },
  'user.manage': { regionAdmin: true },
  'role.manage': { council: SECRETARIAT, regionAdmin: true },
  'outbox.view': {},
  'feedback.view': {},
  // Installation admins only: the export shows, and erasure removes, data from every council.
  'person.gdpr': {},
  'account.use': { signedIn: true },
};

/** May this principal do this action on this subject? Installation admins may do everything. */
export function can(principal: Principal, action: Action, subject: Subject = {}): boolean {
  if (!principal.userId) return false;
  if (principal.isAdmin) return true;
  const rule = RULES[action];
  if (rule.signedIn) return true;
  if (rule.regionAdmin && subject.regionId && principal.regionAdmin.has(subject.regionId)) return true;
  if (rule.council && subject.councilId) {
    const roles = principal.councilRoles.get(subject.councilId);
    if (roles && rule.council.some((r) => roles.has(r))) return true;
  }
  if (rule.meeting && subject.councilId && subject.meetingRoles) {
    const held = subject.meetingRoles;
    if (rule.meeting.some((r) => held.has(r))) return true;
  }
  return false;
}

/** Councils where the principal holds any role (for "my meetings" and navigation). */
export function councilsOf(principal: Principal): string[] {
  return [...principal.councilRoles.keys()];
}

/** The role × action table, for docs/permissions.md and the tests. */
export function permissionTable(): Array<{ action: Action; rule: Rule }> {
  return ACTIONS.map((action) => ({ action, rule: RULES[action] }));
}
