import { BodyTooLargeError, bodyLimitFor, formatLimit } from './limits.server';

/**
 * The one bounded reader for request bodies. Every action reads its form through `readForm`,
 * so a body is never read past its limit (a few hundred KB for ordinary forms, the upload limit
 * for multipart), and what cannot be a form answers with a status instead of a 500:
 * 413 too large, 415 not a form, 400 malformed. Text fields lose NUL and other control
 * characters (except tab and line breaks), which PostgreSQL cannot store or nobody meant to type.
 */

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;
// C0 controls other than tab, newline and carriage return, and DEL.
const STRIPPED_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Thrown Responses; the error page shows them in the visitor's language by status. */
export function tooLarge(limit: number): Response {
  return new Response(formatLimit(limit), { status: 413, statusText: 'Payload Too Large', headers: { Connection: 'close' } });
}
export function unsupportedMediaType(): Response {
  return new Response('', { status: 415, statusText: 'Unsupported Media Type' });
}
export function malformedForm(): Response {
  return new Response('', { status: 400, statusText: 'Bad Request' });
}

/** Text as stored: without the control characters a form field may not carry. */
export function cleanText(value: string): string {
  return value.replace(STRIPPED_CONTROLS, '');
}

/** The body's bytes, refused once past `limit` (by declared length before reading, else while streaming). */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length'));
  if (request.headers.has('content-length') && Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  if (request.bodyUsed) throw malformedForm();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error instanceof BodyTooLargeError || (error instanceof Error && error.name === 'BodyTooLargeError')) throw tooLarge(limit);
    throw malformedForm();
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * The request's form, read within the limit for its type. A POST without a body (a bare button
 * on some clients) is an empty form; any other content type is refused with 415.
 */
export async function readForm(request: Request): Promise<FormData> {
  const contentType = request.headers.get('content-type');
  const limit = bodyLimitFor(contentType);
  if (!contentType) {
    const bytes = await readBodyBytes(request, limit);
    if (bytes.byteLength === 0) return new FormData();
    throw unsupportedMediaType();
  }
  if (!FORM_TYPES.test(contentType)) throw unsupportedMediaType();
  const bytes = await readBodyBytes(request, limit);
  let parsed: FormData;
  try {
    parsed = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw malformedForm();
  }
  const form = new FormData();
  for (const [key, value] of parsed.entries()) {
    if (typeof value === 'string') form.append(cleanText(key), cleanText(value));
    else form.append(cleanText(key), value, value.name);
  }
  return form;
}
