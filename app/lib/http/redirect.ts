/** Where redirect targets are resolved for checking; never seen by anyone. */
const DUMMY_ORIGIN = 'http://redirect-check.invalid';
// C0 controls, DEL and C1 controls: browsers strip tabs and newlines from URLs, so
// "/\t/evil.example" becomes "//evil.example", a link to another site.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A redirect target from a form or query string, accepted only as a path on this site: it must
 * start with one slash, hold no control characters, backslashes or a second leading slash either
 * as written or after percent-decoding, and resolve to this origin. What is returned is the
 * normalised path + query + fragment; anything else gives `fallback`.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof target !== 'string' || target.length === 0 || target.length > 2048) return fallback;
  if (!target.startsWith('/') || target.startsWith('//')) return fallback;
  let decoded = target;
  for (let round = 0; round < 4; round++) {
    if (CONTROL.test(decoded) || decoded.includes('\\') || decoded.startsWith('//')) return fallback;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    decoded = next;
    if (round === 3) return fallback;
  }
  let url: URL;
  try {
    url = new URL(target, DUMMY_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== DUMMY_ORIGIN) return fallback;
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  if (!normalised.startsWith('/') || normalised.startsWith('//') || normalised.includes('\\')) return fallback;
  return normalised;
}
