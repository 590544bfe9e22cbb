import { createHash } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { councils, minutes, minutesVersions } from '../../db/schema';
import { axe, startHarness, trackedPage, type Harness } from './harness';

let h: Harness;
let context: BrowserContext;
let meetingId: string;

beforeAll(async () => {
  h = await startHarness();
  context = await h.browser.newContext();
  const [published] = await h.database.db
    .select({ meetingId: minutes.meetingId })
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .innerJoin(councils, eq(councils.id, minutes.councilId))
    .where(and(eq(minutesVersions.status, 'published'), eq(councils.slug, 'helsinki-jarjestoneuvottelukunta')))
    .limit(1);
  meetingId = published!.meetingId;
});
afterAll(async () => {
  await context?.close();
  await h?.close();
});

describe('/verify in the browser, without JavaScript', () => {
  it('checks a downloaded minutes PDF, refuses a file that is not a PDF at the field, and checks a pasted fingerprint', async () => {
    const { page, problems } = await trackedPage(context);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const pdf = await page.request.get(`${h.baseUrl}/meetings/${meetingId}/minutes.pdf`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    const sha = createHash('sha256').update(bytes).digest('hex');

    // The minutes page now shows the fingerprint of the PDF it links to.
    await page.goto(`${h.baseUrl}/meetings/${meetingId}/minutes?lng=fi`);
    expect(await page.locator('.records-fingerprint code').textContent()).toBe(sha);

    await page.goto(`${h.baseUrl}/verify?lng=fi`);
    expect(await axe(page)).toEqual([]);
    await page
      .getByLabel('PDF-tiedosto')
      .setInputFiles({ name: 'poytakirja.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.getByRole('button', { name: 'Tarkista tiedosto' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('#verify-result').count()).toBe(1);
    expect(await page.locator('[role="status"]').textContent()).toContain('Muuttamaton virallinen kopio:');
    expect(await page.locator(`a[href^="/meetings/${meetingId}/minutes?version="]`).count()).toBe(1);
    expect(await axe(page)).toEqual([]);

    await page
      .getByLabel('PDF-tiedosto')
      .setInputFiles({ name: 'muistio.pdf', mimeType: 'application/pdf', buffer: Buffer.from('ei pdf') });
    await page.getByRole('button', { name: 'Tarkista tiedosto' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('#verify-file-error').count()).toBe(1);
    expect(await page.locator('#verify-file-error').textContent()).toBe('Tiedosto ei ole PDF. Lähetä PDF-tiedosto.');
    expect(await page.getByLabel('PDF-tiedosto').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('SHA-256-tunniste').fill(`SHA-256: ${sha}`);
    await page.getByRole('button', { name: 'Tarkista tunniste' }).click();
    await page.waitForURL(/\/verify\?sha256=/);
    expect(await page.locator('[role="status"]').textContent()).toContain('Muuttamaton virallinen kopio:');
    expect(await axe(page)).toEqual([]);

    await page.goto(`${h.baseUrl}/verify?lng=en&sha256=${'a'.repeat(64)}`);
    expect(await page.locator('[role="status"]').textContent()).toContain(
      'This is not an official copy known to this service.',
    );
    expect(await axe(page)).toEqual([]);

    expect(scripts).toEqual([]);
    // The refused upload answers 400, which Chromium logs for the document.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    await page.close();
  });
});
