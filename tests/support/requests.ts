import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { startSession } from '../../app/auth/lucia.server';
import { hashPassword } from '../../app/auth/password.server';
import { getDb } from '../../db/client.server';
import { roleGrants, users, type RoleName } from '../../db/schema';

export const ORIGIN = 'http://localhost:3000';

export interface RequestOptions {
  method?: string;
  form?: Record<string, string | string[]>;
  cookie?: string | null;
  origin?: string | null;
  headers?: Record<string, string>;
}

/** A real Request as the browser would send it (same-origin by default). */
export function makeRequest(path: string, opts: RequestOptions = {}): Request {
  const method = opts.method ?? (opts.form ? 'POST' : 'GET');
  const headers = new Headers(opts.headers);
  if (opts.cookie) headers.set('cookie', opts.cookie);
  if (method !== 'GET' && opts.origin !== null) headers.set('origin', opts.origin ?? ORIGIN);
  headers.set('x-neuvos-client-ip', headers.get('x-neuvos-client-ip') ?? '127.0.0.1');
  let body: URLSearchParams | undefined;
  if (opts.form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  return new Request(`${ORIGIN}${path}`, { method, headers, body });
}

/** Run a loader or action and return a Response, whether it returned or threw one. */
export async function call(
  fn: (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    const result = await fn({ request, params, context: {} });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), { status: 200, headers: { 'content-type': 'application/json' } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A cookie header value from a Set-Cookie header. */
export function cookieFrom(setCookie: string | null): string {
  if (!setCookie) throw new Error('no Set-Cookie');
  return setCookie.split(';')[0]!;
}

let n = 0;
/** A user with a password and optional grants; returns the user and a signed-in cookie. */
export async function buildUser(
  opts: { personId?: string | null; grants?: Array<{ role: RoleName; councilId?: string; regionId?: string }>; password?: string; email?: string } = {},
) {
  const password = opts.password ?? 'oikein hyvä salasana tähän';
  const email = opts.email ?? `user${Date.now()}${n++}@example.org`;
  const [user] = await getDb()
    .insert(users)
    .values({ email, displayName: `Käyttäjä ${n}`, passwordHash: await hashPassword(password), personId: opts.personId ?? null })
    .returning();
  for (const g of opts.grants ?? []) {
    await getDb().insert(roleGrants).values({ userId: user!.id, role: g.role, councilId: g.councilId ?? null, regionId: g.regionId ?? null });
  }
  const { setCookie } = await startSession(user!.id, { ip: '127.0.0.1', userAgent: 'vitest' });
  return { user: user!, password, cookie: cookieFrom(setCookie) };
}
