import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as apiStatements from '../../app/routes/api.v1.councils.$slug.statements';
import * as influencePage from '../../app/routes/councils.$slug.influence';
import * as manageStatements from '../../app/routes/manage.councils.$slug.statements';
import { parseStepLines } from '../../app/validation/plans';
import { getDb } from '../../db/client.server';
import { auditLog, statements } from '../../db/schema';
import { buildCouncilWithRoster } from '../factories';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

describe('influence trace', () => {
  it('reads handling steps typed one per line, with Finnish or ISO dates, and names the bad line', () => {
    expect(parseStepLines('3.3.2026 Käsitelty aluehallituksessa\n\n2026-04-01 – Vastaus annettu')).toEqual({
      steps: [
        { happenedOn: '2026-03-03', description: 'Käsitelty aluehallituksessa' },
        { happenedOn: '2026-04-01', description: 'Vastaus annettu' },
      ],
    });
    expect(parseStepLines('3.3.2026 ok\nmaaliskuussa käsitelty')).toEqual({ badLine: 2 });
    expect(parseStepLines('31.2.2026 ei päivää')).toEqual({ badLine: 1 });
    expect(parseStepLines('2026-03-03')).toEqual({ badLine: 1 });
  });

  it('records where a statement went, its steps and outcome; shows them publicly and in the API', async () => {
    const { council } = await buildCouncilWithRoster();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const slug = council.slug;
    const post = (form: Record<string, string>) =>
      call(manageStatements.action, makeRequest(`/manage/councils/${slug}/statements`, { cookie: secretary.cookie, form }), { slug });
    const base = { type: 'statement', status: 'sent', issuedOn: '2026-02-12', recipient: 'Aluehallitus', title: 'Lausunto avustuksista', published: 'on' };

    const bad = await post({ ...base, caseUrl: 'javascript:alert(1)', responseDueOn: '2026-01-01', steps: 'ei päivää', outcome: 'maybe' });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).result.error).sort()).toEqual(['caseUrl', 'outcome', 'responseDueOn', 'steps']);
    expect(await getDb().select().from(statements).where(eq(statements.councilId, council.id))).toEqual([]);

    const saved = await post({
      ...base,
      caseNumber: 'VSHVA/123/00.01.02/2026',
      caseUrl: 'https://paatokset.example.fi/asia/123',
      responseDueOn: '2026-04-30',
      steps: '1.3.2026 Käsitelty aluehallituksessa\n15.3.2026 Lähetetty lausunnolle palvelualueille',
      outcome: 'partly',
    });
    expect(saved.status).toBe(200);

    const api = await call(apiStatements.loader, makeRequest(`/api/v1/councils/${slug}/statements`), { slug });
    const body = (await api.json()) as { statements: Array<{ influence: Record<string, unknown> }> };
    expect(body.statements[0]!.influence).toEqual({
      caseNumber: 'VSHVA/123/00.01.02/2026',
      caseUrl: 'https://paatokset.example.fi/asia/123',
      responseDueOn: '2026-04-30',
      outcome: 'partly',
      steps: [
        { happenedOn: '2026-03-01', description: 'Käsitelty aluehallituksessa' },
        { happenedOn: '2026-03-15', description: 'Lähetetty lausunnolle palvelualueille' },
      ],
    });

    const page = await call(influencePage.loader, makeRequest(`/councils/${slug}/influence`), { slug });
    const data = (await page.json()) as { counts: Record<string, number>; statements: Array<{ steps: unknown[] }> };
    expect(data.counts).toEqual({ pending: 0, taken_into_account: 0, partly: 1, not_taken_into_account: 0 });
    expect(data.statements[0]!.steps).toHaveLength(2);

    const [row] = await getDb().select().from(statements).where(eq(statements.councilId, council.id));
    const edit = await post({
      ...base,
      id: row!.id,
      lockVersion: String(row!.lockVersion),
      caseNumber: 'VSHVA/123/00.01.02/2026',
      steps: '1.3.2026 Käsitelty aluehallituksessa',
      outcome: 'taken_into_account',
    });
    expect(edit.status).toBe(200);
    const audits = await getDb().select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    const update = audits.find((a) => a.action === 'statement.update');
    expect(JSON.stringify(update?.changes)).toContain('Lähetetty lausunnolle palvelualueille');
  });

  it('keeps drafts and members-only councils off the influence page', async () => {
    const { council } = await buildCouncilWithRoster({ publicityDefault: 'members_only' });
    const res = await call(influencePage.loader, makeRequest(`/councils/${council.slug}/influence`), { slug: council.slug });
    expect(res.status).toBe(404);
  });
});
