import { can, type Principal, type Subject } from './permissions';

/** Where someone may grant and revoke roles: everything (admins), some councils, the councils of some regions. */
export interface ManagedScope {
  all: boolean;
  councilIds: string[];
  regionIds: string[];
}

/** The scope in which can(principal, 'role.manage', …) holds, derived from can() itself. */
export function managedScope(principal: Principal): ManagedScope {
  return {
    all: principal.isAdmin,
    councilIds: [...principal.councilRoles.keys()].filter((councilId) => can(principal, 'role.manage', { councilId })),
    regionIds: [...principal.regionAdmin].filter((regionId) => can(principal, 'role.manage', { regionId })),
  };
}

export function managesAnything(scope: ManagedScope): boolean {
  return scope.all || scope.councilIds.length > 0 || scope.regionIds.length > 0;
}

/** The permission subject of a grant: its council (with the council's region), its region, or nothing (admin). */
export function grantSubject(grant: { role: string; councilId: string | null; regionId: string | null }): Subject {
  if (grant.role === 'admin') return {};
  if (grant.councilId) return { councilId: grant.councilId, regionId: grant.regionId ?? undefined };
  return { regionId: grant.regionId ?? undefined };
}
