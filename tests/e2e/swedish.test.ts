import type { BrowserContext } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { councils, meetings } from '../../db/schema';
import { axe, startHarness, trackedPage, type Harness } from './harness';

// What a Swedish-speaking resident sees of a bilingual council (issue #14): the demo's Itä-Uusimaa
// partnership table and Varsinais-Suomi's 113 council write in Finnish and Swedish.
let h: Harness;
let context: BrowserContext;
const ids: Record<string, string> = {};

async function meetingId(slug: string, title: string): Promise<string> {
  const [row] = await h.database.db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(and(eq(councils.slug, slug), eq(meetings.title, title)))
    .limit(1);
  if (!row) throw new Error(`no demo meeting ${title}`);
  return row.id;
}

beforeAll(async () => {
  h = await startHarness();
  context = await h.browser.newContext();
  ids.iu = await meetingId('ita-uusimaa-kumppanuuspoyta', 'Kumppanuuspöydän kokous 2/2026');
  ids.vs = await meetingId('varsinais-suomi-113-neuvottelukunta', '113-neuvottelukunnan kokous 1/2026');
});
afterAll(async () => {
  await context?.close();
  await h?.close();
});

async function open(path: string) {
  const { page, problems } = await trackedPage(context);
  const response = await page.goto(`${h.baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  const violations = await axe(page);
  expect(violations, `${path}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  return { page, problems };
}

describe('Swedish views of a bilingual council', () => {
  it('shows the Itä-Uusimaa meeting page in Swedish: title, items, plain-language summary and decisions', async () => {
    const { page, problems } = await open(`/meetings/${ids.iu}?lng=sv`);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.title()).toBe('Partnerskapsbordets möte 2/2026 – Neuvos');
    expect(await page.locator('h1').innerText()).toBe('Partnerskapsbordets möte 2/2026');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Tvåspråkighet i organisationssamarbetet');
    expect(main).toContain('Sammanfattning på lättläst svenska');
    expect(main).toContain('Vi pratar om hur svenskspråkiga föreningar kan vara med i samarbetet.');
    expect(main).toContain('Man kom överens om att sammanställa rekommendationerna till mötet i september.');
    expect(main).toContain('Mötets öppnande');
    expect(main).not.toContain('Kaksikielisyys järjestöyhteistyössä');
    expect(main).not.toContain('endast på finska');
    expect(await page.locator('a[href$="agenda.pdf?lng=sv"]').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the 113 council’s fee note and meeting titles in Swedish on its council page', async () => {
    const { page, problems } = await open('/councils/varsinais-suomi-113-neuvottelukunta?lng=sv');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Medlemmarna deltar med sin egen organisations resurser; inga mötesarvoden betalas.');
    expect(main).toContain('113-delegationens möte');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a 113 council meeting in Swedish, standard items included', async () => {
    const { page, problems } = await open(`/meetings/${ids.vs}?lng=sv`);
    expect(await page.locator('h1').innerText()).toBe('113-delegationens möte 1/2026');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Delegationen godkände verksamhetsplanen för 2026');
    expect(main).toContain('Val av protokolljusterare');
    expect(main).not.toContain('endast på finska');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks Finnish-only content of a Finnish council for a Swedish reader', async () => {
    const pirkanmaa = await h.database.db
      .select({ id: meetings.id })
      .from(meetings)
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .where(and(eq(councils.slug, 'pirkanmaa-jarjestoyhteistyoryhma'), eq(meetings.status, 'held')))
      .limit(1);
    const { page, problems } = await open(`/meetings/${pirkanmaa[0]!.id}?lng=sv`);
    expect(await page.locator('h1 [lang="fi"]').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toContain('(endast på finska)');
    expect(problems).toEqual([]);
    await page.close();
  });
});
