import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSources } from '../../app/lib/export-sources.server';
import { LocalDiskStorage, setStorage } from '../../app/lib/storage.server';
import { regenerateExports } from '../../app/models/export.server';
import * as exportFile from '../../app/routes/api.v1.export.$slug[.json]';
import * as exportIndex from '../../app/routes/api.v1.export._index';
import { buildCouncilWithRoster } from '../factories';
import { buildHeldMeeting, buildStatement } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest, ORIGIN } from '../support/requests';

useTestDatabase();

let fx: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const a = await buildCouncilWithRoster();
  const b = await buildCouncilWithRoster({ regionId: a.council.regionId });
  // Three years apart: the meetings API refuses ranges over two years, the export must not.
  const old = await buildHeldMeeting({ councilId: a.council.id, termId: a.term.id, startsAt: new Date('2023-02-01T10:00:00Z'), title: 'Vanha kokous' });
  const recent = await buildHeldMeeting({
    councilId: a.council.id,
    termId: a.term.id,
    startsAt: new Date('2026-02-01T10:00:00Z'),
    title: 'Uusi kokous',
    items: [{ title: 'Äänestys', decision: 'Hyväksyttiin', votes: { for: 5, against: 2 } }],
  });
  const statement = await buildStatement(a.council.id, { status: 'sent', issuedOn: '2026-02-02', publishedAt: new Date(), title: 'Lausunto & <b>kanta</b>' });
  return { a, b, old, recent, statement };
}

beforeAll(async () => {
  setStorage(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), 'neuvos-export-'))));
  fx = await setup();
});
afterAll(() => setStorage(null));

async function fetchExport(name: string) {
  const res = await call(exportFile.loader as never, makeRequest(`/api/v1/export/${name}.json`), { slug: name });
  const text = await res.text();
  return { res, text, body: res.status === 200 ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describe('bulk export', () => {
  it('has every public meeting of a council, however far apart, with decisions and votes', async () => {
    const { res, body } = await fetchExport(fx.a.council.slug);
    expect(res.status).toBe(200);
    const meetings = body!.meetings as Array<{ id: string; name: string; details: { agenda: { items: Array<{ decision: unknown }> } } | null }>;
    expect(meetings.map((m) => m.name)).toEqual(['Vanha kokous', 'Uusi kokous']);
    const item = meetings[1]!.details!.agenda.items[0]!;
    expect(item.decision).toMatchObject({ text: 'Hyväksyttiin', votes: { for: 5, against: 2 } });
  });

  it('lists statements as a list, and terms with their memberships', async () => {
    const { body } = await fetchExport(fx.a.council.slug);
    expect(Array.isArray(body!.statements)).toBe(true);
    expect((body!.statements as Array<{ title: string }>).map((s) => s.title)).toEqual(['Lausunto & <b>kanta</b>']);
    const terms = body!.terms as Array<{ memberships: { memberships: Array<{ id: string }> } }>;
    expect(terms[0]!.memberships.memberships.map((m) => m.id).sort()).toEqual([fx.a.member.id, fx.a.deputy.id].sort());
    expect(JSON.stringify(body)).not.toMatch(/@neuvos|email|phone/i);
  });

  it('makes one file for the whole installation', async () => {
    const { res, body } = await fetchExport('all');
    expect(res.status).toBe(200);
    const slugs = (body!.councils as Array<{ council: { slug: string } }>).map((c) => c.council.slug);
    expect(slugs).toEqual(expect.arrayContaining([fx.a.council.slug, fx.b.council.slug]));
  });

  it('regenerates the files with their date and checksum, and serves what it recorded', async () => {
    const manifest = await regenerateExports(ORIGIN, exportSources, new Date('2026-11-30T02:00:00Z'));
    const index = await call(exportIndex.loader as never, makeRequest('/api/v1/export'));
    const listing = (await index.json()) as { generatedAt: string; installation: { sha256: string }; files: Array<{ council: string; sha256: string; generatedAt: string }> };
    expect(listing.generatedAt).toBe('2026-11-30T02:00:00.000Z');
    const entry = listing.files.find((f) => f.council === fx.a.council.slug)!;
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    const served = await fetchExport(fx.a.council.slug);
    expect(served.res.headers.get('x-content-sha256')).toBe(entry.sha256);
    expect(createHash('sha256').update(served.text).digest('hex')).toBe(entry.sha256);
    expect(served.body!.generatedAt).toBe('2026-11-30T02:00:00.000Z');
    expect(listing.installation.sha256).toBe(manifest.files.find((f) => f.name === 'all')!.sha256);
  });

  it('answers an unknown or malformed council with a JSON 404', async () => {
    for (const slug of ['no-such-council', '%00', '../etc', 'A'.repeat(300)]) {
      const { res } = await fetchExport(slug);
      expect(res.status, slug).toBe(404);
    }
  });
});
