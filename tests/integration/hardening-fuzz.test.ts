/**
 * Bad input at every loader and action (issue 17 item 7): every route module in app/routes is
 * called, as an admin and anonymously, with generated hostile input — path parameters and query
 * strings with NUL and control characters, huge and odd numbers, impossible dates; form bodies
 * with the same in the fields the route reads, JSON and text bodies, malformed multipart, no
 * body. Nothing may answer 500 (or throw anything but a Response). Seeded: FUZZ_SEED=n reproduces
 * a run, FUZZ_RUNS=n changes how many inputs each route gets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCouncilWithRoster, buildMeeting } from '../factories';
import { useTestDatabase } from '../setup/database';
import { buildUser, ORIGIN } from '../support/requests';

useTestDatabase();

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);

const routeDir = path.resolve('app/routes');
const routeFiles = readdirSync(routeDir)
  .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f))
  .sort();

/** Field and query names the app reads anywhere: validation schema keys and names in the routes. */
function namesIn(source: string): string[] {
  const names = new Set<string>();
  for (const re of [/\bname=["'{]+([A-Za-z][\w.[\]-]*)/g, /\.get(?:All)?\(\s*'([\w.[\]-]+)'/g, /^\s+([a-zA-Z]\w*):\s*z\./gm]) {
    for (const m of source.matchAll(re)) names.add(m[1]!);
  }
  return [...names];
}
const validationNames = readdirSync(path.resolve('app/validation')).flatMap((f) => namesIn(readFileSync(path.resolve('app/validation', f), 'utf8')));
const GENERIC = ['intent', 'lockVersion', 'id', 'itemId', 'meetingId', 'personId', 'termId', 'year', 'date', 'startDate', 'endDate', 'before', 'q', 'page', 'redirectTo', ...validationNames];

/** Values that have produced 500s elsewhere. */
const HOSTILE = [
  '\u0000',
  'a\u0000b',
  '%00',
  '\u0001\u0002\u001b\u007f',
  'rivi\r\nrivi',
  '0000-00-00',
  '0000-01-01',
  '0000-01-01T00:00',
  '9999-12-31',
  '99999-01-01',
  '2026-02-30',
  '2026-13-01',
  '-001000-01-01',
  '25:99',
  '99999999999999999999',
  '1e308',
  '-1e308',
  '-1',
  '0',
  '1.5',
  'NaN',
  'Infinity',
  '0x1F',
  '',
  ' ',
  'x'.repeat(5000),
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '\u202e😀𝔘',
  '\ud800',
  '00000000-0000-0000-0000-000000000000',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  'null',
  '[object Object]',
  'true',
  '/%09/evil.example',
];

const hostileValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().slice(0, 10))) },
);

type BodyKind = 'form' | 'json' | 'text' | 'multipart-broken' | 'multipart' | 'empty';
const bodyKind = fc.constantFrom<BodyKind>('form', 'form', 'form', 'multipart', 'json', 'text', 'multipart-broken', 'empty');

/** A lone surrogate cannot travel in a URL (it arrives as U+FFFD). */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function urlFor(file: string, params: Record<string, string>, fuzzed: Record<string, string>): { url: string; params: Record<string, string> } {
  const name = file.replace(/\.(tsx?|jsx?)$/, '');
  const used: Record<string, string> = {};
  const segments = name
    .replace(/\[\.\]/g, '\u0001')
    .replace(/\[\.(\w+)\]/g, '\u0001$1')
    .split('.')
    .filter((s) => s !== '_index' && !s.startsWith('_'))
    .map((s) => s.replace(/\u0001/g, '.').replace(/_$/, ''))
    .map((s) => {
      if (s === '$') {
        // What a URL can carry: a lone surrogate arrives as U+FFFD.
        used['*'] = wellFormed(fuzzed['*'] ?? 'no-such-page');
        return encodeURIComponent(used['*']);
      }
      return s.replace(/\$([A-Za-z]+)/g, (_m, key: string) => {
        const value = wellFormed(fuzzed[key] ?? params[key] ?? 'x');
        used[key] = value;
        return encodeURIComponent(value);
      });
    });
  return { url: `/${segments.join('/')}`.replace(/\/+$/, '') || '/', params: used };
}

type Fn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

/** Call a loader or action; a thrown non-Response is what Remix turns into a 500. */
async function invoke(fn: Fn, request: Request, params: Record<string, string>): Promise<{ status: number; error?: string }> {
  try {
    const result = await fn({ request, params, context: { cspNonce: 'fuzz' } });
    if (result instanceof Response) {
      await result.arrayBuffer().catch(() => undefined);
      return { status: result.status };
    }
    JSON.stringify(result ?? null);
    return { status: 200 };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status };
    return { status: 500, error: thrown instanceof Error ? `${thrown.name}: ${thrown.message}`.slice(0, 300) : String(thrown) };
  }
}

function bodyFor(kind: BodyKind, fields: Array<[string, string]>): { body?: BodyInit; contentType?: string } {
  switch (kind) {
    case 'form':
      return { body: new URLSearchParams(fields) };
    case 'multipart': {
      const fd = new FormData();
      for (const [k, v] of fields) fd.append(k, v);
      fd.append('file', new File([new TextEncoder().encode(fields.map((f) => f[1]).join(','))], 'budget=final;"x".pdf', { type: 'application/pdf' }));
      return { body: fd };
    }
    case 'json':
      return { body: JSON.stringify(Object.fromEntries(fields)), contentType: 'application/json' };
    case 'text':
      return { body: fields.map((f) => f.join('=')).join('\n'), contentType: 'text/plain' };
    case 'multipart-broken':
      return { body: `--zz\r\nContent-Disposition: form-data; name="${fields[0]?.[0] ?? 'a'}"\r\n\r\n${fields[0]?.[1] ?? ''}`, contentType: 'multipart/form-data; boundary=zz' };
    case 'empty':
      return {};
  }
}

let fixture: { params: Record<string, string>; admin: string };

beforeAll(async () => {
  const a = await buildCouncilWithRoster({ slug: 'fuzz-council' });
  const meeting = await buildMeeting(a.council.id, { status: 'held', agendaPublishedAt: new Date('2026-02-01T10:00:00Z') });
  const admin = await buildUser({ grants: [{ role: 'admin' }] });
  fixture = {
    params: { slug: a.council.slug, meetingId: meeting.id, personId: a.memberPerson.id, termId: a.term.id, year: '2026', token: 'not-a-real-token-aaaaaaaaaaaaaaaaaaaaaa' },
    admin: admin.cookie,
  };
});

describe('fuzzing every loader and action', () => {
  it('answers hostile input with 4xx, never 500', async () => {
    const failures: string[] = [];
    let requests = 0;
    const started = Date.now();
    let fileIndex = 0;
    for (const file of routeFiles) {
      fileIndex++;
      const source = readFileSync(path.join(routeDir, file), 'utf8');
      const mod = (await import(path.join(routeDir, file))) as { loader?: Fn; action?: Fn };
      const dynamic = [...file.matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]!).concat(/(^|\.)\$(\.|\.tsx?$)/.test(file) ? ['*'] : []);
      const names = [...new Set([...namesIn(source), ...GENERIC])];
      const intents = [...new Set([...source.matchAll(/'([a-z][a-z-]{2,30})'/g)].map((m) => m[1]!))];
      const input = fc.record({
        fuzzParams: fc.array(fc.constantFrom(...(dynamic.length ? dynamic : ['none'])), { maxLength: dynamic.length }),
        paramValue: hostileValue,
        query: fc.array(fc.tuple(fc.constantFrom(...names), hostileValue), { maxLength: 4 }),
        fields: fc.array(fc.tuple(fc.constantFrom(...names), hostileValue), { minLength: 1, maxLength: 8 }),
        intent: intents.length ? fc.constantFrom(...intents) : fc.constant('x'),
        kind: bodyKind,
      });
      const samples = fc.sample(input, { seed: SEED + fileIndex, numRuns: RUNS });
      for (const sample of samples) {
        const fuzzed: Record<string, string> = {};
        for (const p of sample.fuzzParams) if (p !== 'none') fuzzed[p] = sample.paramValue;
        const { url, params } = urlFor(file, file.startsWith('regions.') ? { ...fixture.params, slug: 'pirkanmaa' } : fixture.params, fuzzed);
        const query = new URLSearchParams(sample.query.map(([k, v]) => [k, wellFormed(v)])).toString();
        const fullUrl = `${ORIGIN}${url}${query ? `?${query}` : ''}`;
        for (const role of ['anonymous', 'admin'] as const) {
          const cookie = role === 'admin' ? fixture.admin : null;
          const headers = (extra: Record<string, string> = {}) => {
            const h = new Headers({ 'x-neuvos-client-ip': `10.9.${fileIndex % 250}.${requests % 250}`, ...extra });
            if (cookie) h.set('cookie', cookie);
            return h;
          };
          if (mod.loader) {
            requests++;
            const res = await invoke(mod.loader, new Request(fullUrl, { headers: headers() }), params);
            if (res.status >= 500) failures.push(`GET ${file} ${fullUrl} as ${role}: ${res.status} ${res.error ?? ''}`);
          }
          // Signing out or ending sessions would end the admin's session for the rest of the run.
          if (mod.action && !(role === 'admin' && /^(logout|account\.sessions)/.test(file))) {
            const fields: Array<[string, string]> = [['intent', sample.intent], ...sample.fields];
            const { body, contentType } = bodyFor(sample.kind, fields);
            const h = headers({ origin: ORIGIN, ...(contentType ? { 'content-type': contentType } : {}) });
            requests++;
            const res = await invoke(mod.action, new Request(fullUrl, { method: 'POST', headers: h, body }), params);
            if (res.status >= 500) failures.push(`POST ${file} ${fullUrl} (${sample.kind}: ${JSON.stringify(fields).slice(0, 200)}) as ${role}: ${res.status} ${res.error ?? ''}`);
          }
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: seed ${SEED}, ${routeFiles.length} route modules, ${requests} requests in ${seconds} s, ${failures.length} answered 500`);
    expect(failures).toEqual([]);
  }, 300_000);
});
