// Roster CSV import flags cells a spreadsheet would run as formulas; exports neutralise them.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { memberships } from '../../db/schema';
import * as importRoute from '../../app/routes/manage.councils.$slug.import';
import type { ImportPreview } from '../../app/models/rosters.server';
import { toCsv } from '../../app/lib/csv';
import { buildCouncilWithTerm, buildRosterUsers } from '../factories/roster';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

describe('formula injection in a roster CSV', () => {
  it('flags =, +, - and @ cells in the preview, by row and column, and imports nothing', async () => {
    const { council, term } = await buildCouncilWithTerm({}, { startDate: '2025-01-01', endDate: '2026-12-31' });
    const users = await buildRosterUsers(council.id);
    const csv = [
      'category,role,name,organisation,email',
      'Lapset,jäsen,Maija Meikäläinen,=HYPERLINK("http://evil.example"),maija@example.org',
      'Lapset,jäsen,+Kalle Kolmas,,',
      'Lapset,jäsen,Ville Virtanen,-2+3,',
      'Lapset,jäsen,Outi Oja,@SUM(A1),',
      'Lapset,jäsen,Aino Aalto,Hyvä Yhdistys ry,',
    ].join('\n');
    const send = (intent: string) =>
      call(importRoute.action, makeRequest(`/manage/councils/${council.slug}/import`, { cookie: users.secretary.cookie, form: { intent, termId: term.id, csv } }), { slug: council.slug });
    const res = await send('preview');
    expect(res.status).toBe(400);
    const { preview } = (await res.json()) as { preview: ImportPreview };
    const flagged = preview.rows.flatMap((r) => r.problems.filter((p) => p.key === 'ws.import.formulaCell').map((p) => `${r.row}:${p.column}`));
    expect(flagged).toEqual(['2:organisation', '3:name', '4:organisation', '5:organisation']);
    expect(preview.rows.find((r) => r.row === 6)?.problems).toEqual([]);
    expect((await send('confirm')).status).toBe(400);
    expect(await getDb().select().from(memberships).where(eq(memberships.termId, term.id))).toHaveLength(0);
  });

  it('exports neutralise such cells with a leading apostrophe', () => {
    expect(toCsv(['name'], [['=1+1'], ['@x'], ['-5'], ['+358'], ['Maija']], { bom: false })).toBe("name\r\n'=1+1\r\n'@x\r\n'-5\r\n'+358\r\nMaija\r\n");
  });
});
