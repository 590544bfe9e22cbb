import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, signIn, startHarness, trackedPage, type Harness } from './harness';

let h: Harness;
let context: BrowserContext;

beforeAll(async () => {
  h = await startHarness();
  context = await h.browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await h?.close();
});

const PUBLIC_PAGES = ['/', '/councils/pirkanmaa-jarjestoyhteistyoryhma', '/councils/helsinki-jarjestoneuvottelukunta', '/meetings', '/no-such-page'];

describe('public pages in three languages', () => {
  for (const lng of ['fi', 'sv', 'en'] as const) {
    for (const path of PUBLIC_PAGES) {
      it(`${path} (${lng}) renders, has no console errors and no axe violations`, async () => {
        const { page, problems } = await trackedPage(context);
        const response = await page.goto(`${h.baseUrl}${path}?lng=${lng}`);
        expect(response?.status()).toBe(path === '/no-such-page' ? 404 : 200);
        expect(await page.getAttribute('html', 'lang')).toBe(lng);
        expect(await page.locator('h1').count()).toBeGreaterThan(0);
        const violations = await axe(page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        expect(problems.filter((p) => !(path === '/no-such-page' && p.includes('404')))).toEqual([]);
        await page.close();
      });
    }
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
