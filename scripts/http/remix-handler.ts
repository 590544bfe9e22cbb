/**
 * The bridge from Express to Remix, replacing @remix-run/express's handler for two reasons:
 *
 * - The Request URL is built from configuration (APP_ORIGIN, or a loopback Host when serving the
 *   embedded default locally), never from Host or X-Forwarded-Host, so nothing an attacker sends
 *   in those headers can reach a link or the Origin check.
 * - The body is bounded: a declared Content-Length over the limit is answered 413 before a byte
 *   is read; a longer streamed body is cut off at the limit and answered 413 too. The rest of the
 *   body is read and discarded rather than the socket destroyed, so the client sees the page
 *   instead of a connection reset.
 */
import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { createRequestHandler as createRemixRequestHandler, writeReadableStreamToWritable } from '@remix-run/node';
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { appOrigin, configuredOrigin } from '../../app/lib/config.server';
import { BodyTooLargeError, bodyLimitFor, formatLimit } from '../../app/lib/http/limits.server';
import { sendRefusal } from './pages';

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

/**
 * The origin this request is served under: APP_ORIGIN when configured; otherwise the request's
 * Host only if it is a loopback name (the embedded default serves this machine), else the default.
 */
export function trustedOrigin(req: Pick<ExpressRequest, 'headers'>): string {
  const configured = configuredOrigin();
  if (configured) return configured;
  const host = req.headers.host ?? '';
  return LOOPBACK_HOST.test(host) ? `http://${host.toLowerCase()}` : appOrigin();
}

/** Methods the app answers; TRACE, CONNECT and the WebDAV verbs are refused with 405. */
const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** How long a refused body may keep arriving (being discarded) after the answer was sent. */
const DISCARD_GRACE_MS = 10_000;

/** Read and throw away the rest of a refused body; give up on the socket after a grace period. */
export function discardBody(req: ExpressRequest, res: ExpressResponse) {
  if (req.complete) return;
  req.removeAllListeners('data');
  req.resume();
  res.once('finish', () => {
    if (req.complete) return;
    const timer = setTimeout(() => req.socket.destroy(), DISCARD_GRACE_MS);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
  });
}

/** The 413 page, with the connection closed once the discarded body has arrived. */
export function refuseTooLarge(req: ExpressRequest, res: ExpressResponse, limit: number) {
  res.set('Connection', 'close');
  discardBody(req, res);
  sendRefusal(req, res, 413, 'tooLarge', { limit: formatLimit(limit) });
}

/** The request body as a web stream that stops at `limit` bytes and never destroys the socket. */
function boundedBody(req: ExpressRequest, limit: number, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let seen = 0;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const cleanup = () => {
          done = true;
          req.off('data', onData);
          req.off('end', onEnd);
          req.off('error', onError);
        };
        function onData(chunk: Buffer) {
          seen += chunk.byteLength;
          if (seen > limit) {
            cleanup();
            onTooLarge();
            controller.error(new BodyTooLargeError(limit));
            req.resume();
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        }
        function onEnd() {
          cleanup();
          controller.close();
        }
        function onError(error: Error) {
          cleanup();
          controller.error(error);
        }
        req.on('data', onData);
        req.on('end', onEnd);
        req.on('error', onError);
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        // Never destroy the request: that resets the connection before the answer is sent.
        req.removeAllListeners('data');
        req.resume();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

export interface RemixHandlerOptions {
  build: ServerBuild;
  mode?: string;
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext | Promise<AppLoadContext>;
}

/** Build the Fetch Request Remix sees; null when the body is already refused by its declared length. */
export function toFetchRequest(req: ExpressRequest, res: ExpressResponse, state: { tooLarge: boolean; limit: number }): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  // Writes have passed our Origin check against the configured origin (scripts/server.ts). Remix
  // checks again, comparing Origin with Host/X-Forwarded-Host, which are untrusted here and which
  // a proxy may rewrite; and it refuses `Origin: null`, which Chromium sends for a plain form post
  // from a no-referrer page (invitation, reply, password reset) — a 500 with an empty body. Remix
  // sees the configured host and, for `null`, no Origin.
  headers.set('host', new URL(trustedOrigin(req)).host);
  headers.delete('x-forwarded-host');
  if (headers.get('origin') === 'null') headers.delete('origin');
  const controller = new AbortController();
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = boundedBody(req, state.limit, () => {
      state.tooLarge = true;
    });
    init.duplex = 'half';
  }
  let finished = false;
  res.on('finish', () => (finished = true));
  res.on('close', () => {
    if (!finished) controller.abort();
  });
  return new Request(`${trustedOrigin(req)}${req.originalUrl}`, init);
}

/** Copy a Fetch Response to Express (as @remix-run/express does). */
async function sendFetchResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** Express handler serving the Remix build with a configured origin and a bounded body. */
export function createRemixHandler({ build, mode, getLoadContext }: RemixHandlerOptions) {
  const handleRequest = createRemixRequestHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      if (!ALLOWED_METHODS.has(req.method)) {
        res.set('Allow', [...ALLOWED_METHODS].join(', '));
        discardBody(req, res);
        sendRefusal(req, res, 405, 'method');
        return;
      }
      if (!req.originalUrl.startsWith('/')) {
        sendRefusal(req, res, 400, 'badRequest');
        return;
      }
      const limit = bodyLimitFor(req.headers['content-type']);
      const declared = Number(req.headers['content-length']);
      if (req.method !== 'GET' && req.method !== 'HEAD' && Number.isFinite(declared) && declared > limit) {
        refuseTooLarge(req, res, limit);
        return;
      }
      const state = { tooLarge: false, limit };
      const request = toFetchRequest(req, res, state);
      const loadContext = await getLoadContext?.(req, res);
      const response = await handleRequest(request, loadContext);
      if (state.tooLarge) {
        await response.body?.cancel().catch(() => {});
        refuseTooLarge(req, res, limit);
        return;
      }
      await sendFetchResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
