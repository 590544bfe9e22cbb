/**
 * The anonymous response cache in front of Remix (docs/decisions/008-anonymous-response-cache.md).
 *
 * Only requests that carry no session and no credentials are looked up: GET/HEAD, no Authorization,
 * no cookie other than the language choice, not under a private path. Hits are answered from the raw
 * request before Express runs, with the headers recorded from the response that filled the entry
 * (security headers included; the CSP without the request's nonce, which a stored page must not use).
 *
 * Never stale: every commit that changes a table public pages read sends NOTIFY neuvos_cache
 * (db/sql/perf_cache_notify.sql); each instance listens and drops everything (one global generation:
 * writes are rare next to reads, and a wrong tag would be a stale page). A response that was being
 * rendered while the generation moved is not stored.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export interface ResponseCacheOptions {
  /** Bound of all stored bodies (identity + gzip), bytes. */
  maxBytes?: number;
  /** Larger responses are served but not stored. */
  maxEntryBytes?: number;
  /** Cache-Control max-age for stored responses whose route set none (HTML pages). */
  maxAge?: number;
  /** Defence in depth against a missed notification: an entry is dropped after this many ms. */
  ttlMs?: number;
}

interface Entry {
  etag: string;
  /** Flat [name, value, …] lists for writeHead. */
  identityHeaders: string[];
  gzipHeaders: string[] | null;
  notModifiedHeaders: string[];
  body: Buffer;
  gzip: Buffer | null;
  bytes: number;
  storedAt: number;
}

/** What the front door decided about a request, carried to the capture middleware. */
interface RequestState {
  key: string;
  generation: number;
}

const STATE = Symbol('neuvos.responseCache');
type TaggedRequest = IncomingMessage & { [STATE]?: RequestState };

const PRIVATE_PREFIXES = [
  '/manage', '/my', '/account', '/admin', '/login', '/logout', '/invite', '/reply', '/reset-password',
  '/calendar/', '/feedback', '/build/', '/subscriptions/',
];
const SUPPORTED_LANGUAGES = new Set(['fi', 'sv', 'en']);
const MAX_URL = 2048;
const DROP_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'date', 'keep-alive', 'etag', 'x-neuvos-cache']);
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|atom\+xml|rss\+xml|javascript)|[^;]*\+(?:xml|json))/i;

/** Every cookie in the header is the language choice (or there is none). */
function onlyLanguageCookie(cookie: string | undefined): { ok: boolean; lng: string } {
  if (!cookie) return { ok: true, lng: '' };
  let lng = '';
  for (const part of cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    const name = eq === -1 ? trimmed : trimmed.slice(0, eq);
    if (name !== 'lng') return { ok: false, lng: '' };
    lng = trimmed.slice(eq + 1);
  }
  return { ok: lng.length <= 64, lng };
}

/**
 * The cache key of an anonymous public GET, or null when the request must go to the app uncached.
 * Path + sorted query + language (?lng= first, then the lng cookie, as i18n.server detects it) + host.
 */
export function cacheKeyFor(req: IncomingMessage): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = req.url ?? '/';
  if (url.length > MAX_URL || url[0] !== '/') return null;
  if (req.headers.authorization !== undefined) return null;
  const cookies = onlyLanguageCookie(req.headers.cookie);
  if (!cookies.ok) return null;
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  for (const prefix of PRIVATE_PREFIXES) if (pathname.startsWith(prefix)) return null;
  let query = '';
  let lng = cookies.lng;
  if (q !== -1) {
    const params = new URLSearchParams(url.slice(q + 1));
    params.sort();
    query = params.toString();
    const chosen = params.get('lng');
    if (chosen !== null && SUPPORTED_LANGUAGES.has(chosen)) lng = chosen;
  }
  const host = (req.headers.host ?? '').toLowerCase();
  if (host.length > 255) return null;
  return `${host}\n${pathname}\n${query}\n${lng}`;
}

/** If-None-Match against a strong ETag; garbage matches nothing (the full response is sent). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header || header.length > 4096) return false;
  for (const raw of header.split(',')) {
    const tag = raw.trim();
    if (tag === '*' || tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true;
  }
  return false;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const ae = req.headers['accept-encoding'];
  return typeof ae === 'string' && /\bgzip\b(?!\s*;\s*q=0(?:\.0*)?\s*(?:,|$))/i.test(ae);
}

/** The policy without this request's nonce (the page uses none, so every reader can share it). */
function withoutNonce(csp: string, nonce: string): string {
  return csp.replace(` 'nonce-${nonce}'`, '').replace(`'nonce-${nonce}'`, '');
}

function mergeVary(existing: string | undefined): string {
  const names = new Set((existing ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  names.add('Cookie');
  names.add('Accept-Encoding');
  return [...names].join(', ');
}

export class ResponseCache {
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  readonly maxAge: number;
  readonly ttlMs: number;
  /** Moves on every invalidation; a response started under an older generation is not stored. */
  generation = 0;
  /** False until the invalidation listener is connected: no lookups, no stores. */
  enabled = false;
  readonly stats = { hits: 0, notModified: 0, misses: 0, stores: 0, invalidations: 0, evictions: 0 };
  private entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(options: ResponseCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntryBytes = options.maxEntryBytes ?? 4 * 1024 * 1024;
    this.maxAge = options.maxAge ?? 30;
    this.ttlMs = options.ttlMs ?? 10 * 60 * 1000;
  }

  get size() {
    return this.entries.size;
  }

  get storedBytes() {
    return this.bytes;
  }

  /** Drop everything: called for every commit that changed public data, on every instance. */
  invalidate(): void {
    this.generation += 1;
    this.stats.invalidations += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  /**
   * The front door, before Express: answer a hit (200 or 304) and return true, or tag the request
   * for the capture middleware and return false.
   */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.enabled) return false;
    const key = cacheKeyFor(req);
    if (key === null) return false;
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.storedAt <= this.ttlMs) {
      // Most recently used last: Map keeps insertion order, the oldest is evicted first.
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (etagMatches(req.headers['if-none-match'] as string | undefined, entry.etag)) {
        this.stats.notModified += 1;
        res.writeHead(304, entry.notModifiedHeaders);
        res.end();
        return true;
      }
      this.stats.hits += 1;
      const gzip = entry.gzip !== null && acceptsGzip(req);
      res.writeHead(200, gzip ? entry.gzipHeaders! : entry.identityHeaders);
      res.end(req.method === 'HEAD' ? undefined : gzip ? entry.gzip : entry.body);
      return true;
    }
    if (entry) this.remove(key);
    this.stats.misses += 1;
    if (req.method === 'GET') (req as TaggedRequest)[STATE] = { key, generation: this.generation };
    return false;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private store(key: string, generation: number, entry: Entry): void {
    if (!this.enabled || generation !== this.generation || entry.bytes > this.maxEntryBytes) return;
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.stats.stores += 1;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
      this.stats.evictions += 1;
    }
  }

  /**
   * Express middleware placed just before Remix: buffers the response of a tagged request, gives a
   * cacheable one its ETag, Cache-Control and Vary, answers If-None-Match with 304, and stores it.
   */
  capture() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const cache = this;
    return (req: IncomingMessage, res: ServerResponse & { locals?: Record<string, unknown> }, next: () => void) => {
      const state = (req as TaggedRequest)[STATE];
      if (!state) return next();
      const write = res.write;
      const end = res.end;
      const chunks: Buffer[] = [];
      let size = 0;
      let passThrough = false;
      const toBuffer = (chunk: unknown, encoding?: unknown) =>
        Buffer.isBuffer(chunk)
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
            : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      const restore = () => {
        res.write = write;
        res.end = end;
      };

      res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, cb?: unknown) {
        const callback = typeof encoding === 'function' ? encoding : cb;
        const buf = toBuffer(chunk, encoding);
        chunks.push(buf);
        size += buf.length;
        if (size > cache.maxEntryBytes && !passThrough) {
          // Too large to store: send what we have and stream the rest.
          passThrough = true;
          restore();
          res.setHeader('X-Neuvos-Cache', 'bypass');
          for (const c of chunks) (write as (c: Buffer) => boolean).call(res, c);
        }
        if (typeof callback === 'function') process.nextTick(callback as () => void);
        return true;
      } as typeof res.write;

      res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, cb?: unknown) {
        restore();
        const callback = typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : cb;
        if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
        const body = Buffer.concat(chunks);
        cache.finish(req, res, state, body, typeof res.locals?.cspNonce === 'string' ? res.locals.cspNonce : '');
        return (end as (c: Buffer | undefined, cb?: () => void) => ServerResponse).call(res, res.statusCode === 304 ? undefined : body, callback as (() => void) | undefined);
      } as typeof res.end;
      next();
    };
  }

  /** Decide about a buffered response, set its caching headers and store it when allowed. */
  private finish(req: IncomingMessage, res: ServerResponse, state: RequestState, body: Buffer, nonce: string) {
    const cacheControl = String(res.getHeader('cache-control') ?? '');
    const setCookie = res.getHeader('set-cookie');
    const cookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)];
    const storable =
      res.statusCode === 200 &&
      !/\b(?:private|no-store|no-cache)\b/i.test(cacheControl) &&
      cookies.every((c) => c.startsWith('lng=')) &&
      res.getHeader('content-type') !== undefined &&
      body.length <= this.maxEntryBytes;
    if (!storable) {
      res.setHeader('X-Neuvos-Cache', 'bypass');
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    if (!/\bpublic\b/i.test(cacheControl) || !/\bmax-age=\d+/i.test(cacheControl)) {
      res.setHeader('Cache-Control', `public, max-age=${this.maxAge}`);
    }
    res.setHeader('Vary', mergeVary(res.getHeader('vary') as string | undefined));
    res.setHeader('ETag', etag);
    res.setHeader('X-Neuvos-Cache', 'miss');
    // A page that uses this request's nonce (an inline or hydration script) cannot be shared.
    const usesNonce = nonce !== '' && body.includes(nonce);
    const csp = res.getHeader('content-security-policy');
    if (!usesNonce && nonce && typeof csp === 'string') res.setHeader('Content-Security-Policy', withoutNonce(csp, nonce));
    if (!usesNonce) this.store(state.key, state.generation, this.buildEntry(res, body, etag, nonce));
    if (etagMatches(req.headers['if-none-match'] as string | undefined, etag)) {
      res.statusCode = 304;
      for (const name of ['content-type', 'content-length', 'content-disposition']) res.removeHeader(name);
    }
  }

  private buildEntry(res: ServerResponse, body: Buffer, etag: string, nonce: string): Entry {
    const headers: string[] = [];
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (DROP_HEADERS.has(name) || value === undefined) continue;
      const values = Array.isArray(value) ? value : [String(value)];
      for (let v of values) {
        // The stored page uses no nonce; the policy shared by every reader carries none either.
        if (name === 'content-security-policy' && nonce) v = withoutNonce(v, nonce);
        headers.push(name, v);
      }
    }
    headers.push('etag', etag, 'x-neuvos-cache', 'hit');
    const type = String(res.getHeader('content-type') ?? '');
    const gzip = body.length >= 1024 && COMPRESSIBLE.test(type) ? gzipSync(body, { level: 6 }) : null;
    const notModifiedHeaders: string[] = [];
    for (let i = 0; i < headers.length; i += 2) {
      const name = headers[i]!;
      if (name !== 'content-type' && name !== 'content-disposition') notModifiedHeaders.push(name, headers[i + 1]!);
    }
    return {
      etag,
      identityHeaders: [...headers, 'content-length', String(body.length)],
      gzipHeaders: gzip ? [...headers, 'content-encoding', 'gzip', 'content-length', String(gzip.length)] : null,
      notModifiedHeaders,
      body,
      gzip,
      bytes: body.length + (gzip?.length ?? 0) + 512,
      storedAt: Date.now(),
    };
  }
}

/**
 * Keep a cache honest: subscribe it to the database's commit notifications. On every (re)connect of
 * the listening connection everything is dropped (notifications may have been missed meanwhile).
 */
export async function connectInvalidation(
  cache: ResponseCache,
  listen: (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => Promise<() => Promise<void>>,
): Promise<() => Promise<void>> {
  const unlisten = await listen('neuvos_cache', () => cache.invalidate(), () => {
    cache.invalidate();
    cache.enabled = true;
  });
  cache.enabled = true;
  return async () => {
    cache.enabled = false;
    cache.invalidate();
    await unlisten();
  };
}

/** Options from the environment: RESPONSE_CACHE_MB (0 turns the cache off), RESPONSE_CACHE_MAX_AGE. */
export function responseCacheFromEnv(env: NodeJS.ProcessEnv = process.env): ResponseCache | null {
  const mb = env.RESPONSE_CACHE_MB === undefined ? 64 : Number(env.RESPONSE_CACHE_MB);
  if (!Number.isFinite(mb) || mb <= 0) return null;
  const maxAge = Number(env.RESPONSE_CACHE_MAX_AGE ?? 30);
  return new ResponseCache({ maxBytes: mb * 1024 * 1024, maxAge: Number.isInteger(maxAge) && maxAge >= 0 ? maxAge : 30 });
}

/** Answer hits before Express runs any middleware: wrap the app's request entry point. */
export function frontDoor<App extends { handle: (req: IncomingMessage, res: ServerResponse, next?: unknown) => void }>(
  app: App,
  cache: ResponseCache,
): void {
  const handle = app.handle.bind(app);
  app.handle = (req, res, next) => {
    if (!cache.tryServe(req, res)) handle(req, res, next);
  };
}
