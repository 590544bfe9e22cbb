import { json } from '@remix-run/node';

/** Throw a 404 (also used where a 403 would reveal that something exists). */
export function notFound(message = 'Not found'): never {
  throw new Response(message, { status: 404, statusText: 'Not Found' });
}

export function badRequest(message: string): never {
  throw new Response(message, { status: 400, statusText: 'Bad Request' });
}

/** invariantResponse: throw a response unless the condition holds. */
export function invariantResponse(condition: unknown, message: string, status = 400): asserts condition {
  if (!condition) throw new Response(message, { status });
}

/** A JSON error for the public API. */
export function apiError(status: number, message: string) {
  return json({ error: { status, message } }, { status, headers: { 'Access-Control-Allow-Origin': '*' } });
}

/** Parse a positive page number from the query string; anything odd becomes 1. */
export function pageParam(url: URL, name = 'page'): number {
  const n = Number(url.searchParams.get(name));
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
