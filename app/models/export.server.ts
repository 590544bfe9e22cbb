import { createHash } from 'node:crypto';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getStorage, readAllBytes, type StoredObject } from '~/lib/storage.server';
import { getCouncilBySlug, listCouncilsPublicAll } from '~/models/councils.server';
import { apiCouncilMeetings } from '~/models/feeds.server';
import { getCouncilRecordsSummary } from '~/models/plans.server';

type Loader = (args: LoaderFunctionArgs) => Promise<Response> | Response;

/**
 * Call a public API loader in-process and return its JSON, or null for a 4xx. The bulk
 * export is assembled from the same loaders the API serves, so both always agree.
 */
export async function callApi(loader: Loader, origin: string, path: string, params: Record<string, string>): Promise<unknown> {
  const request = new Request(`${origin}${path}`);
  let response: Response;
  try {
    response = await loader({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return null;
    throw thrown;
  }
  return response.ok ? response.json() : null;
}

/** The API loaders the export is made of (passed in: models do not import routes). */
export interface ExportSources {
  council: Loader;
  memberships: Loader;
  meeting: Loader;
  plans: Loader;
  reports: Loader;
  statements: Loader;
}

export const EXPORT_LICENSE = 'Public records of a Finnish public body; personal contact details are never included.';
// Storage keys are [a-z0-9-]; slugs are too.
const MANIFEST_KEY = 'export-manifest';
/** A council's meetings are read in pages of this many (keyset on start time). */
const MEETING_PAGE = 500;

const FAR_PAST = new Date('1900-01-01T00:00:00Z');
const FAR_FUTURE = new Date('2200-01-01T00:00:00Z');

/** Every public meeting of a council, oldest first, in bounded pages (no range limit, unlike the API). */
async function* allMeetings(slug: string, origin: string) {
  let from = FAR_PAST;
  for (;;) {
    const page = (await apiCouncilMeetings(slug, { from, to: FAR_FUTURE }, origin)) ?? [];
    const slice = page.slice(0, MEETING_PAGE);
    yield* slice;
    const last = slice.at(-1);
    if (!last || page.length < MEETING_PAGE) return;
    from = new Date(Date.parse(last.startTime) + 1);
  }
}

/**
 * One council's public data as JSON text, yielded piece by piece so that neither the server
 * nor the client holds a whole file: the council and its terms with memberships, every public
 * meeting with its published agenda, decisions and votes, statements (a list), published plans
 * and reports. A members-only council exports its public meetings only.
 */
export async function* councilExportChunks(slug: string, origin: string, src: ExportSources, generatedAt = new Date()): AsyncGenerator<string> {
  const found = await getCouncilBySlug(slug);
  if (!found) return;
  const p = { slug };
  const isPublic = found.council.publicityDefault === 'public';
  const council = (await callApi(src.council, origin, `/api/v1/councils/${slug}`, p)) as { terms?: Array<{ id: string }> } | null;
  yield `{"generatedAt":${JSON.stringify(generatedAt.toISOString())},"license":${JSON.stringify(EXPORT_LICENSE)},"council":${JSON.stringify(council)}`;
  yield ',"terms":[';
  let first = true;
  for (const term of isPublic ? (council?.terms ?? []) : []) {
    const memberships = await callApi(src.memberships, origin, `/api/v1/councils/${slug}/memberships?term=${term.id}`, p);
    yield `${first ? '' : ','}${JSON.stringify({ term, memberships })}`;
    first = false;
  }
  yield '],"meetings":[';
  first = true;
  for await (const m of allMeetings(slug, origin)) {
    const details = m.agendaPublished ? await callApi(src.meeting, origin, `/api/v1/meetings/${m.id}`, { meetingId: m.id }) : null;
    yield `${first ? '' : ','}${JSON.stringify({ ...m, details })}`;
    first = false;
  }
  const summary = isPublic ? await getCouncilRecordsSummary(found.council.id, found.council.regionId) : { planYears: [], reportYears: [] };
  const statements = isPublic
    ? ((await callApi(src.statements, origin, `/api/v1/councils/${slug}/statements`, p)) as { statements?: unknown[] } | null)?.statements ?? []
    : [];
  yield `],"statements":${JSON.stringify(statements)},"plans":[`;
  first = true;
  for (const y of summary.planYears) {
    yield `${first ? '' : ','}${JSON.stringify(await callApi(src.plans, origin, `/api/v1/councils/${slug}/plans/${y}`, { ...p, year: String(y) }))}`;
    first = false;
  }
  yield '],"reports":[';
  first = true;
  for (const y of summary.reportYears) {
    yield `${first ? '' : ','}${JSON.stringify(await callApi(src.reports, origin, `/api/v1/councils/${slug}/reports/${y}`, { ...p, year: String(y) }))}`;
    first = false;
  }
  yield ']}';
}

/** The whole installation: every council's export in one JSON document. */
export async function* installationExportChunks(origin: string, src: ExportSources, generatedAt = new Date()): AsyncGenerator<string> {
  const councils = await listCouncilsPublicAll();
  yield `{"generatedAt":${JSON.stringify(generatedAt.toISOString())},"license":${JSON.stringify(EXPORT_LICENSE)},"councils":[`;
  let first = true;
  for (const c of councils) {
    if (!first) yield ',';
    first = false;
    yield* councilExportChunks(c.slug, origin, src, generatedAt);
  }
  yield ']}';
}

/** A streamed HTTP body from JSON chunks. */
export function chunksToStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export interface ExportFile {
  /** `all` for the whole installation, else the council's slug. */
  name: string;
  generatedAt: string;
  sha256: string;
  sizeBytes: number;
}
export interface ExportManifest {
  generatedAt: string;
  files: ExportFile[];
}

const keyOf = (name: string) => `export-file-${name}`;

async function store(name: string, chunks: AsyncGenerator<string>): Promise<ExportFile> {
  const parts: Buffer[] = [];
  const hash = createHash('sha256');
  for await (const chunk of chunks) {
    const b = Buffer.from(chunk, 'utf8');
    hash.update(b);
    parts.push(b);
  }
  const bytes = Buffer.concat(parts);
  await getStorage().put(keyOf(name), bytes);
  return { name, generatedAt: '', sha256: hash.digest('hex'), sizeBytes: bytes.byteLength };
}

/**
 * Writes every council's file and the installation's file to storage with their SHA-256, then
 * the manifest (last, so a reader never sees a manifest naming a file not yet written). Run
 * daily by the job queue; the download routes serve these files and fall back to streaming.
 */
export async function regenerateExports(origin: string, src: ExportSources, now = new Date()): Promise<ExportManifest> {
  const files: ExportFile[] = [];
  for (const c of await listCouncilsPublicAll()) {
    files.push({ ...(await store(c.slug, councilExportChunks(c.slug, origin, src, now))), generatedAt: now.toISOString() });
  }
  files.push({ ...(await store('all', installationExportChunks(origin, src, now))), generatedAt: now.toISOString() });
  const manifest: ExportManifest = { generatedAt: now.toISOString(), files };
  await getStorage().put(MANIFEST_KEY, Buffer.from(JSON.stringify(manifest)));
  return manifest;
}

/** The last manifest written, or null before the first run. */
export async function readExportManifest(): Promise<ExportManifest | null> {
  const object = await getStorage().get(MANIFEST_KEY);
  if (!object) return null;
  try {
    return JSON.parse(Buffer.from(await readAllBytes(object)).toString('utf8')) as ExportManifest;
  } catch {
    return null;
  }
}

/** A stored export file and its manifest entry, or null when none has been generated yet. */
export async function readStoredExport(name: string): Promise<{ file: ExportFile; object: StoredObject } | null> {
  const manifest = await readExportManifest();
  const file = manifest?.files.find((f) => f.name === name);
  if (!file) return null;
  const object = await getStorage().get(keyOf(name));
  return object ? { file, object } : null;
}
