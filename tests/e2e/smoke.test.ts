import type { BrowserContext } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionPlans, annualReports, councils, memberships, minutes, minutesVersions, terms } from '../../db/schema';
import { axe, signIn, startHarness, trackedPage, type Harness } from './harness';

let h: Harness;
let context: BrowserContext;
const PUBLIC_PAGES: string[] = ['/', '/councils/pirkanmaa-jarjestoyhteistyoryhma', '/councils/helsinki-jarjestoneuvottelukunta', '/meetings', '/no-such-page'];

beforeAll(async () => {
  h = await startHarness();
  context = await h.browser.newContext();
  // One page of every public type, found in the demo data.
  const db = h.database.db;
  const [published] = await db
    .select({ meetingId: minutes.meetingId })
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .innerJoin(councils, eq(councils.id, minutes.councilId))
    .where(and(eq(minutesVersions.status, 'published'), eq(councils.slug, 'helsinki-jarjestoneuvottelukunta')))
    .limit(1);
  const [person] = await db
    .select({ id: memberships.personId, termId: memberships.termId })
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(councils, eq(councils.id, terms.councilId))
    .where(eq(councils.slug, 'pirkanmaa-jarjestoyhteistyoryhma'))
    .limit(1);
  const [plan] = await db.select({ year: actionPlans.year, slug: councils.slug }).from(actionPlans).innerJoin(councils, eq(councils.id, actionPlans.councilId)).where(eq(actionPlans.status, 'published')).limit(1);
  const [report] = await db.select({ year: annualReports.year, slug: councils.slug }).from(annualReports).innerJoin(councils, eq(councils.id, annualReports.councilId)).where(eq(annualReports.status, 'published')).limit(1);
  PUBLIC_PAGES.push(
    '/regions/pirkanmaa',
    `/meetings/${published!.meetingId}`,
    `/meetings/${published!.meetingId}/minutes`,
    `/people/${person!.id}`,
    `/councils/pirkanmaa-jarjestoyhteistyoryhma/terms/${person!.termId}`,
    `/councils/${plan!.slug}/plans/${plan!.year}`,
    `/councils/${report!.slug}/reports/${report!.year}`,
    '/councils/keski-suomi-vaikuttamistoimielin/statements',
    '/councils/pirkanmaa-jarjestoyhteistyoryhma/cycle',
    '/search?q=kokous',
    '/accessibility',
    '/feedback',
    '/login',
  );
});
afterAll(async () => {
  await context?.close();
  await h?.close();
});


describe('public pages in three languages', () => {
  for (const lng of ['fi', 'sv', 'en'] as const) {
    it(`every public page type (${lng}) renders, has no console errors, no axe violations and no JavaScript`, async () => {
      for (const path of PUBLIC_PAGES) {
        const { page, problems } = await trackedPage(context);
        const scripts: string[] = [];
        page.on('request', (r) => {
          if (r.resourceType() === 'script') scripts.push(r.url());
        });
        const sep = path.includes('?') ? '&' : '?';
        const response = await page.goto(`${h.baseUrl}${path}${sep}lng=${lng}`);
        expect(response?.status(), path).toBe(path === '/no-such-page' ? 404 : 200);
        expect(await page.getAttribute('html', 'lang'), path).toBe(lng);
        expect(await page.locator('h1').count(), path).toBeGreaterThan(0);
        const violations = await axe(page);
        expect(violations, `${path}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
        expect(problems.filter((p) => !(path === '/no-such-page' && p.includes('404'))), path).toEqual([]);
        if (path !== '/login') expect(scripts, path).toEqual([]);
        await page.close();
      }
    });
  }

  it('shows the council roster with deputies and no contact details', async () => {
    const { page } = await trackedPage(context);
    await page.goto(`${h.baseUrl}/councils/pirkanmaa-jarjestoyhteistyoryhma?lng=fi`);
    const html = await page.content();
    expect(html).toContain('Varajäsen');
    expect(html).not.toMatch(/@example\.org/);
    expect(html).not.toMatch(/\+358/);
    await page.close();
  });

  it('puts the skip link first in the keyboard order and it moves focus to the content', async () => {
    const { page } = await trackedPage(context);
    await page.goto(`${h.baseUrl}/?lng=fi`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Siirry sisältöön');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  it('ships no JavaScript to public pages', async () => {
    const { page } = await trackedPage(context);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${h.baseUrl}/councils/helsinki-jarjestoneuvottelukunta`);
    expect(scripts).toEqual([]);
    await page.close();
  });
});

describe('signed in', () => {
  it('lets the Pirkanmaa secretary sign in, see the workspace and sign out', async () => {
    const ctx = await h.browser.newContext();
    const { page, problems } = await trackedPage(ctx);
    await signIn(page, h.baseUrl, 'sihteeri@neuvos.example');
    await page.goto(`${h.baseUrl}/manage`);
    expect(new URL(page.url()).pathname).toBe('/manage');
    expect(await page.getByRole('link', { name: /järjestöyhteistyöryhmä/i }).count(), await page.content()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await page.waitForURL(`${h.baseUrl}/`);
    const res = await page.goto(`${h.baseUrl}/manage`);
    expect(new URL(res!.url()).pathname).toBe('/login');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('refuses a cross-site POST at the HTTP layer', async () => {
    const res = await fetch(`${h.baseUrl}/logout`, { method: 'POST', headers: { Origin: 'https://evil.example' }, redirect: 'manual' });
    expect(res.status).toBe(403);
    const same = await fetch(`${h.baseUrl}/logout`, { method: 'POST', headers: { Origin: h.baseUrl }, redirect: 'manual' });
    expect(same.status).toBe(302);
  });

  it('sends security headers with a CSP nonce', async () => {
    const res = await fetch(`${h.baseUrl}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const body = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const inline = [...body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, attrs] of inline) expect(attrs).toContain(`nonce="${nonce}"`);
  });
});
