/**
 * Shapes of identifiers that come from URLs. A value that cannot be one (NUL bytes, control
 * characters, anything over length) is "not found" before it reaches SQL, where PostgreSQL
 * would refuse it with an error (a NUL byte cannot even be sent as text).
 */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a council or region slug as the app creates them. */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 120 && SLUG.test(value);
}

/** Text from a query string, safe to search with: no control characters, bounded length. */
export function queryText(value: string | null | undefined, max = 200): string {
  return (value ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, max);
}
