import { redirect } from '@remix-run/node';
import { safeRedirect } from '~/lib/http/redirect';
import { isCrossSiteRequest } from '~/lib/origin';
import type { AuditActor } from '~/models/audit.server';
import { loadPrincipal } from '~/models/principals.server';
import { hasTotpEnabled } from '~/models/totp.server';
import { readSessionToken, validateSession, type SessionUser } from './lucia.server';
import { ANONYMOUS, can, type Action, type Principal, type Subject } from './permissions';
import { principalNeedsTwoFactor, reachableBeforeEnrolment, TWO_FACTOR_PATH } from './two-factor.server';

export type { SessionUser } from './lucia.server';

export interface RequestAuth {
  user: SessionUser | null;
  sessionId: string | null;
  principal: Principal;
  /** Set-Cookie to send back (extended session, or clearing a dead one). */
  setCookie: string | null;
  actor: AuditActor;
}

/** Header the HTTP server sets from the socket address (any client value is overwritten). */
export const CLIENT_IP_HEADER = 'x-neuvos-client-ip';

export function clientIp(request: Request): string | null {
  return request.headers.get(CLIENT_IP_HEADER);
}

const cache = new WeakMap<Request, Promise<RequestAuth>>();

async function resolveAuth(request: Request): Promise<RequestAuth> {
  const ip = clientIp(request);
  const token = readSessionToken(request.headers.get('cookie'));
  if (!token) return { user: null, sessionId: null, principal: ANONYMOUS, setCookie: null, actor: { userId: null, label: null, ip } };
  const result = await validateSession(token);
  if (!result.user) {
    return { user: null, sessionId: null, principal: ANONYMOUS, setCookie: result.setCookie, actor: { userId: null, label: null, ip } };
  }
  const { user, sessionId, setCookie } = result as Extract<typeof result, { sessionId: string }>;
  const principal = await loadPrincipal(user);
  return { user, sessionId, principal, setCookie, actor: { userId: user.id, label: user.email, ip } };
}

/** Who is asking (cached per request). Tampered or expired cookies mean signed out. */
export function getAuth(request: Request): Promise<RequestAuth> {
  let pending = cache.get(request);
  if (!pending) {
    pending = resolveAuth(request);
    cache.set(request, pending);
  }
  return pending;
}

/** Refuse state changes from other sites (also enforced by the HTTP server). */
export function requireSameOrigin(request: Request): void {
  if (isCrossSiteRequest(request)) throw new Response('Cross-site request refused', { status: 403 });
}

function safeRedirectTarget(request: Request): string {
  const url = new URL(request.url);
  return safeRedirect(`${url.pathname}${url.search}`, '/');
}

/** The signed-in user, or a redirect to the sign-in page. Writes must come from this site. */
export async function requireUser(request: Request): Promise<RequestAuth & { user: SessionUser }> {
  if (request.method !== 'GET' && request.method !== 'HEAD') requireSameOrigin(request);
  const auth = await getAuth(request);
  if (!auth.user) {
    const params = new URLSearchParams({ redirectTo: request.method === 'GET' ? safeRedirectTarget(request) : '/' });
    throw redirect(`/login?${params}`);
  }
  // Roles that require two-factor sign-in reach nothing but their account until enrolled.
  const pathname = new URL(request.url).pathname;
  if (!reachableBeforeEnrolment(pathname) && principalNeedsTwoFactor(auth.principal) && !(await hasTotpEnabled(auth.user.id))) {
    throw redirect(`${TWO_FACTOR_PATH}?required=1`);
  }
  return auth as RequestAuth & { user: SessionUser };
}

/**
 * Require a permission on a subject. Someone who may not even see the subject's internal
 * records gets a 404, so guessing ids reveals nothing; someone who may see it but not do
 * this gets a 403.
 */
export async function requirePermission(request: Request, action: Action, subject: Subject = {}) {
  const auth = await requireUser(request);
  if (can(auth.principal, action, subject)) return auth;
  const mayKnow = subject.councilId ? can(auth.principal, 'council.view_internal', subject) : action === 'account.use';
  throw new Response(mayKnow ? 'Forbidden' : 'Not found', { status: mayKnow ? 403 : 404 });
}

/** Non-throwing check for showing or hiding controls. */
export async function userCan(request: Request, action: Action, subject: Subject = {}): Promise<boolean> {
  const auth = await getAuth(request);
  return can(auth.principal, action, subject);
}
