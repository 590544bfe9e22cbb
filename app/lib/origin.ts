const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a state-changing request comes from another site: its Origin differs from
 * ours, or the browser says Sec-Fetch-Site is cross-site. Requests without either header
 * (curl, server-to-server) are allowed; browsers always send one of them on a POST.
 */
export function isCrossSiteWrite(
  method: string,
  origin: string | null,
  secFetchSite: string | null,
  selfOrigin: string,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (secFetchSite && secFetchSite !== 'same-origin' && secFetchSite !== 'none') return true;
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).origin !== new URL(selfOrigin).origin;
    } catch {
      return true;
    }
  }
  // "null" is an opaque origin (a sandboxed frame, a data: URL), refused, unless the browser vouches
  // that the request comes from our own pages: a page with Referrer-Policy no-referrer (the
  // invitation, reply and password-reset links keep their tokens out of Referer) makes Chromium
  // send `Origin: null` on its plain form posts, with `Sec-Fetch-Site: same-origin`.
  return origin === 'null' && secFetchSite !== 'same-origin';
}

/** The same check for a Fetch API Request (used by actions called directly in tests). */
export function isCrossSiteRequest(request: Request): boolean {
  const url = new URL(request.url);
  return isCrossSiteWrite(
    request.method,
    request.headers.get('origin'),
    request.headers.get('sec-fetch-site'),
    url.origin,
  );
}
