import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { councils, meetings, minutes, minutesVersions } from '../../db/schema';
import { seedDemo } from '../../db/seed/index';
import { DEMO_CONFIDENTIAL_MARKER, seedRecords } from '../../db/seed/records';
import * as apiRoute from '../../app/routes/api.v1.meetings.$meetingId';
import * as publicRoute from '../../app/routes/meetings.$meetingId._index';
import * as minutesRoute from '../../app/routes/meetings.$meetingId.minutes';
import { renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

describe('records demo data', () => {
  it('adds a published correction and a withheld item that never shows publicly', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    await seedDemo(getDb(), { passwordHash: 'demo-hash-not-used-in-this-test', now });
    await getDb().transaction((tx) => seedRecords(tx, now));
    // Running it again (e.g. once seedDemo calls it itself) changes nothing.
    await getDb().transaction((tx) => seedRecords(tx, now));

    const [hel] = await getDb().select().from(councils).where(eq(councils.slug, 'helsinki-jarjestoneuvottelukunta'));
    const all = await getDb().select().from(meetings).where(eq(meetings.councilId, hel!.id));
    const corrected = all.find((m) => m.title.endsWith('3/2026'))!;
    const upcoming = all.find((m) => m.title.endsWith('4/2026'))!;
    const versions = await getDb()
      .select({ versionNo: minutesVersions.versionNo, status: minutesVersions.status, note: minutesVersions.correctionNote })
      .from(minutesVersions)
      .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
      .where(and(eq(minutes.meetingId, corrected.id)))
      .orderBy(minutesVersions.versionNo);
    expect(versions.map((v) => [v.versionNo, v.status])).toEqual([
      [1, 'published'],
      [2, 'published'],
    ]);
    expect(versions[1]!.note).toMatch(/täydennys/);

    const history = await renderRoute(minutesRoute, '/meetings/:meetingId/minutes', makeRequest(`/meetings/${corrected.id}/minutes`));
    expect(history.html).toContain('kaupunginosatalojen iltakäytöstä');
    expect(history.html).toContain(`/meetings/${corrected.id}/minutes?version=1`);

    const page = await renderRoute(publicRoute, '/meetings/:meetingId', makeRequest(`/meetings/${upcoming.id}`));
    expect(page.status).toBe(200);
    expect(page.html).toContain('Yksittäisen asukkaan yhteydenotto palvelutarpeesta');
    expect(page.html).toContain('JulkL 24 § 1 mom. 25 k.');
    const api = await (await call(apiRoute.loader, makeRequest(`/api/v1/meetings/${upcoming.id}`), { meetingId: upcoming.id })).text();
    for (const text of [page.html, api]) {
      expect(text).not.toContain(DEMO_CONFIDENTIAL_MARKER);
      expect(text).not.toContain('meet.example');
    }
  });
});
