import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { statements } from '../../db/schema';
import { defaultHandlers } from '../../app/lib/queue/handlers.server';
import { ALL_QUEUES, EXPORT_REGENERATE_QUEUE, STATEMENT_OVERDUE_QUEUE } from '../../app/lib/queue/queues';
import { LocalDiskStorage, readAllBytes, setStorage } from '../../app/lib/storage.server';
import { readExportManifest, readStoredExport } from '../../app/models/export.server';
import { updateStatement } from '../../app/models/statements.server';
import * as exportIndex from '../../app/routes/api.v1.export._index';
import { buildCouncil, buildMembership, buildPerson, buildTerm } from '../factories';
import { textOf } from '../factories/calendar';
import { buildStatement } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { drainMail } from '../support/queue';
import { buildUser, call, makeRequest } from '../support/requests';
import { startSmtp } from '../support/smtp';

useTestDatabase();

/** Runs a queue's registered handler as the worker would (a job with no data). */
async function runHandler(queue: string) {
  const handler = defaultHandlers().get(queue);
  if (!handler) throw new Error(`no handler for ${queue}`);
  return handler({ id: 'test', name: queue, data: {}, retryCount: 0, retryLimit: 2 } as never);
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await getDb().execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

describe('the periodic queues of issue 15', () => {
  it('are created by the migration step with a daily cron line', async () => {
    const names = (await rows<{ name: string }>(sql`select name from pgboss.queue`)).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['cron.statement-overdue', 'cron.export-regenerate']));
    for (const q of [STATEMENT_OVERDUE_QUEUE, EXPORT_REGENERATE_QUEUE]) {
      expect(ALL_QUEUES).toContain(q);
      expect(q.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    }
  });
});

describe('overdue-response reminder (cron.statement-overdue)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp.close();
  });

  it("emails the council's secretaries once per overdue statement, however often it runs", async () => {
    const council = await buildCouncil({ nameFi: 'Järjestöjen neuvottelukunta' });
    const other = await buildCouncil();
    const term = await buildTerm(council.id, { startDate: '2020-01-01', endDate: '2099-12-31' });
    const seated = await buildPerson({ email: 'sihteeri.myohassa@example.org' });
    await buildMembership(term.id, seated.id, { role: 'secretary', startDate: '2020-01-01' });
    await buildUser({ email: 'naapurin.sihteeri@example.org', grants: [{ role: 'secretary', councilId: other.id }] });

    const overdue = await buildStatement(council.id, { status: 'sent', issuedOn: '2020-01-10', responseDueOn: '2020-02-10', title: 'Myöhässä oleva lausunto' });
    await buildStatement(council.id, {
      status: 'answered',
      issuedOn: '2020-01-10',
      responseDueOn: '2020-02-10',
      response: 'Vastattu',
      responseDate: '2020-02-01',
      title: 'Vastattu lausunto',
    });
    await buildStatement(council.id, { status: 'sent', issuedOn: '2020-01-10', responseDueOn: '2099-01-01', title: 'Ei vielä myöhässä' });
    await buildStatement(council.id, { status: 'sent', issuedOn: '2020-01-10', title: 'Ei määräpäivää' });

    const before = smtp.received.length;
    const first = await runHandler(STATEMENT_OVERDUE_QUEUE.name);
    const second = await runHandler(STATEMENT_OVERDUE_QUEUE.name);
    await drainMail();
    expect(first).toEqual({ claimed: 1, sent: 1 });
    expect(second).toEqual({ claimed: 0, sent: 0 });
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['sihteeri.myohassa@example.org']);
    const text = textOf(mails[0]!.raw);
    expect(text).toContain('"Myöhässä oleva lausunto"');
    expect(text).toContain('Järjestöjen neuvottelukunta');
    expect(text).toContain('10.2.2020');
    expect(text).toContain(`/manage/councils/${council.slug}/statements`);
    const [row] = await getDb().select().from(statements).where(eq(statements.id, overdue.id));
    expect(row!.overdueRemindedAt).toBeInstanceOf(Date);

    // A new due date re-arms the reminder; once that date passes the secretaries hear again.
    const result = await updateStatement({
      councilId: council.id,
      regionId: council.regionId,
      actor: { userId: null, label: 'test', ip: null },
      id: overdue.id,
      lockVersion: row!.lockVersion,
      type: 'statement',
      issuedOn: '2020-01-10',
      recipient: row!.recipient,
      title: row!.title,
      body: null,
      approvedItemId: null,
      status: 'sent',
      response: null,
      responseDate: null,
      published: false,
      caseNumber: null,
      caseUrl: null,
      responseDueOn: '2020-03-01',
      outcome: 'pending',
      steps: [],
    });
    expect(result).toBe('ok');
    const [rearmed] = await getDb().select().from(statements).where(eq(statements.id, overdue.id));
    expect(rearmed!.overdueRemindedAt).toBeNull();
    expect(await runHandler(STATEMENT_OVERDUE_QUEUE.name)).toEqual({ claimed: 1, sent: 1 });
    await drainMail();
    expect(smtp.received.length).toBe(before + 2);
  });
});

describe('daily export job (cron.export-regenerate)', () => {
  beforeAll(() => setStorage(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), 'neuvos-export-job-')))));
  afterAll(() => setStorage(null));

  it('writes every file with a SHA-256 that matches its content, and the index shows date and checksum', async () => {
    const council = await buildCouncil();
    expect(await readExportManifest()).toBeNull();
    const output = (await runHandler(EXPORT_REGENERATE_QUEUE.name)) as { generatedAt: string; files: number };
    const manifest = (await readExportManifest())!;
    expect(manifest.generatedAt).toBe(output.generatedAt);
    expect(manifest.files.map((f) => f.name)).toEqual(expect.arrayContaining([council.slug, 'all']));
    for (const name of [council.slug, 'all']) {
      const stored = (await readStoredExport(name))!;
      const bytes = Buffer.from(await readAllBytes(stored.object));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.file.sha256);
      expect(bytes.byteLength).toBe(stored.file.sizeBytes);
      expect(JSON.parse(bytes.toString('utf8'))).toBeTypeOf('object');
    }
    const index = await call(exportIndex.loader as never, makeRequest('/api/v1/export'));
    const listing = (await index.json()) as { generatedAt: string; installation: { sha256: string; generatedAt: string } };
    expect(listing.generatedAt).toBe(manifest.generatedAt);
    expect(listing.installation.sha256).toBe(manifest.files.find((f) => f.name === 'all')!.sha256);
    expect(listing.installation.generatedAt).toBe(manifest.generatedAt);
  });
});
