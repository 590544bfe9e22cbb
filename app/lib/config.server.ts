/**
 * Deployment settings read from the environment. Secure-cookie, HSTS and __Host- behaviour
 * follow APP_ORIGIN: an https origin means a real deployment; the default is local http.
 */

/** APP_ORIGIN as configured (no trailing slash), or null when unset. */
export function configuredOrigin(): string | null {
  const value = process.env.APP_ORIGIN?.trim();
  return value ? value.replace(/\/+$/, '') : null;
}

/**
 * The public origin every absolute URL (mail links, feeds, API links) is built from: APP_ORIGIN,
 * or http://localhost:$PORT when serving the embedded default locally. Never the request's
 * Host or X-Forwarded-* headers, which anyone can set.
 */
export function appOrigin(): string {
  return configuredOrigin() ?? `http://localhost:${localPort()}`;
}

function localPort(): number {
  const n = Number(process.env.PORT);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : 3000;
}

/**
 * Why the origin settings cannot start a server, or null when they can. APP_ORIGIN may only
 * be left out for the embedded default (no DATABASE_URL), which serves http://localhost.
 */
export function originConfigProblem(env: Record<string, string | undefined> = process.env): string | null {
  const origin = env.APP_ORIGIN?.trim();
  if (!origin) {
    return env.DATABASE_URL?.trim()
      ? 'APP_ORIGIN must be set when DATABASE_URL is set: the public origin for links in emails and feeds, e.g. APP_ORIGIN=https://neuvos.example.fi'
      : null;
  }
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `APP_ORIGIN is not a URL: ${JSON.stringify(origin)} (expected e.g. https://neuvos.example.fi)`;
  }
  const bare = origin.replace(/\/+$/, '');
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== bare) {
    return `APP_ORIGIN must be an http(s) origin without path, query or credentials: ${JSON.stringify(origin)} (expected e.g. https://neuvos.example.fi)`;
  }
  return null;
}

export function isSecureDeployment(): boolean {
  return configuredOrigin()?.startsWith('https://') ?? false;
}

function days(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export const sessionSettings = {
  get idleDays() {
    return days('SESSION_IDLE_DAYS', 30);
  },
  get absoluteDays() {
    return days('SESSION_ABSOLUTE_DAYS', 90);
  },
};
