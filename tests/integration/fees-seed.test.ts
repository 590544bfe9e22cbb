// The demo's fee data: Helsinki pays, Pirkanmaa pays none, and the payroll export of the quarter
// with Helsinki's claims is what docs/fees.md shows.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as feesCsv from '../../app/routes/manage.councils.$slug.fees[.csv]';
import { quarterOf, quarterRange } from '../../app/lib/fees';
import { getDb } from '../../db/client.server';
import { councilFeeRules, councils, travelClaims } from '../../db/schema';
import { seedDemo } from '../../db/seed/index';
import { seedFees } from '../../db/seed/fees';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

describe('fee demo data', () => {
  it('gives Helsinki a paying rule with claims and Pirkanmaa none; the quarter exports as CSV', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    await seedDemo(getDb(), { passwordHash: 'demo-hash-not-used-in-this-test', now });
    // A second run changes nothing.
    await getDb().transaction((tx) => seedFees(tx, now));

    const bySlug = async (slug: string) => (await getDb().select().from(councils).where(eq(councils.slug, slug)))[0]!;
    const hel = await bySlug('helsinki-jarjestoneuvottelukunta');
    const pir = await bySlug('pirkanmaa-jarjestoyhteistyoryhma');
    expect(
      (await getDb().select().from(councilFeeRules).where(eq(councilFeeRules.councilId, pir.id))).map((r) => r.kind),
    ).toEqual(['none']);
    expect(
      (await getDb().select().from(councilFeeRules).where(eq(councilFeeRules.councilId, hel.id))).map((r) => r.kind),
    ).toEqual(['per_meeting']);
    const claims = await getDb().select().from(travelClaims).where(eq(travelClaims.councilId, hel.id));
    expect(claims.map((c) => c.status).sort()).toEqual(['approved', 'draft', 'submitted']);

    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const { year, quarter } = quarterOf(claims[0]!.travelDate);
    const { from, to } = quarterRange(year, quarter);
    const res = await call(
      feesCsv.loader,
      makeRequest(`/manage/councils/${hel.slug}/fees.csv?from=${from}&to=${to}`, { cookie: admin.cookie }),
      { slug: hel.slug },
    );
    expect(res.status).toBe(200);
    const text = (await res.text()).replace('\uFEFF', '');
    const lines = text.trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    // The approved claim's kilometres are in; the secretaries (city employees) are not paid.
    expect(lines.some((l) => /,34,20\.06,/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes(',secretary,'))).toBe(false);
    if (process.env.PRINT_FEE_SAMPLE) process.stdout.write(`\n--- ${hel.slug} ${from}..${to}\n${text}`);
  });
});
