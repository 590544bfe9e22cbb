/**
 * Which users must use two-factor sign-in. REQUIRE_2FA_ROLES is a comma-separated list of
 * roles (admin, region_admin, secretary, chair, vice_chair, member, deputy); unset means
 * "admin,region_admin", an empty string turns the requirement off. Read per request so the
 * setting can change without a restart (and tests can switch it).
 */
import { isSecureDeployment } from '~/lib/config.server';
import { CHALLENGE_MINUTES } from '~/models/totp.server';
import type { Principal } from './permissions';

export const TWO_FACTOR_PATH = '/account/two-factor';

export function requiredTwoFactorRoles(env: Record<string, string | undefined> = process.env): Set<string> {
  const raw = env.REQUIRE_2FA_ROLES ?? 'admin,region_admin';
  return new Set(
    raw
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  );
}

/** Does this principal hold a role that requires two-factor sign-in? */
export function principalNeedsTwoFactor(principal: Principal, env: Record<string, string | undefined> = process.env): boolean {
  const roles = requiredTwoFactorRoles(env);
  if (roles.size === 0 || !principal.userId) return false;
  if (roles.has('admin') && principal.isAdmin) return true;
  if (roles.has('region_admin') && principal.regionAdmin.size > 0) return true;
  for (const councilRoles of principal.councilRoles.values()) for (const r of councilRoles) if (roles.has(r)) return true;
  return false;
}

/** Pages a user who still has to enrol may use: their account (incl. enrolment) and sign-out. */
export function reachableBeforeEnrolment(pathname: string): boolean {
  return pathname === '/account' || pathname.startsWith('/account/') || pathname === '/logout';
}

/** The cookie that carries a pending sign-in between the password and the code (10 minutes). */
function challengeCookieName(): string {
  return isSecureDeployment() ? '__Host-neuvos_2fa' : 'neuvos_2fa';
}

export function challengeCookie(token: string | null): string {
  const parts = [`${challengeCookieName()}=${token ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${token ? CHALLENGE_MINUTES * 60 : 0}`];
  if (isSecureDeployment()) parts.push('Secure');
  return parts.join('; ');
}

export function readChallengeToken(request: Request): string | null {
  const name = challengeCookieName();
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}
