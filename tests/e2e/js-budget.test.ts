/**
 * Issue #13: every page that hydrates (the signed-in workspace, sign-in and token forms) sends at most
 * 120 KB of gzipped JavaScript. From the production build the global setup made: the Remix asset
 * manifest lists each route's module and the chunks it imports; a page loads the entry, the root and
 * its route chain with their imports. A route hydrates when it or a parent has `handle.hydrate`
 * (app/root.tsx); public pages load no script at all, which smoke.test.ts checks in the browser.
 * Also: a hydrating page's document carries only its message areas, and client-side navigations
 * bring the next page's (no raw keys, no hydration or console errors on the way).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ServerBuild } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { councils, meetings } from '../../db/schema';
import { pageAreas } from '../../app/lib/i18n-areas';
import { DEMO_PASSWORD, startHarness, Tab, type Harness } from './harness';

const BUDGET_KB = 120;

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };

const gzipped = new Map<string, number>();
function gzipKb(url: string): number {
  let size = gzipped.get(url);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join('public', url))).length / 1024;
    gzipped.set(url, size);
  }
  return size;
}

describe('JavaScript budget of hydrating pages', () => {
  it(`keeps every hydrating route at or under ${BUDGET_KB} KB gzipped`, async () => {
    const build = (await import(pathToFileURL(path.resolve('build', 'index.js')).href)) as ServerBuild & {
      assets: Manifest;
    };
    const manifest = build.assets;
    const chain = (id: string): string[] => {
      const ids: string[] = [];
      for (let at: string | undefined = id; at; at = manifest.routes[at]?.parentId) ids.push(at);
      return ids;
    };
    const hydrates = (id: string) =>
      chain(id).some((r) => (build.routes[r]?.module.handle as { hydrate?: boolean } | undefined)?.hydrate === true);

    const rows: [string, number][] = [];
    for (const id of Object.keys(manifest.routes)) {
      if (id === 'root' || !hydrates(id)) continue;
      const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
      for (const r of chain(id))
        for (const f of [manifest.routes[r]!.module, ...(manifest.routes[r]!.imports ?? [])]) files.add(f);
      rows.push([id, [...files].reduce((sum, f) => sum + gzipKb(f), 0)]);
    }
    rows.sort((a, b) => b[1] - a[1]);
    console.log(
      `[js-budget] gzipped JavaScript per hydrating route (budget ${BUDGET_KB} KB):\n` +
        rows.map(([id, kb]) => `${kb.toFixed(1).padStart(7)} KB  ${id}`).join('\n'),
    );

    // The workspace is there (a wrong hydrate test would pass an empty list).
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.map(([id]) => id)).toEqual(
      expect.arrayContaining(['routes/manage.meetings.$meetingId_.minutes', 'routes/admin.users._index', 'routes/login']),
    );
    expect(rows.map(([id]) => id)).not.toContain('routes/councils.$slug._index');
    expect(rows.filter(([, kb]) => kb > BUDGET_KB)).toEqual([]);
  });
});

describe('translations a hydrating page receives', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Signed in as the demo secretary; waits for the redirect itself (networkidle can come first on a busy machine). */
  async function secretaryTab() {
    const tab = await Tab.open(h);
    await tab.visit('/login');
    await tab.page.getByLabel(/Sähköposti|E-post|Email/).fill('sihteeri@neuvos.example');
    await tab.page.getByLabel(/Salasana|Lösenord|Password/).fill(DEMO_PASSWORD);
    await Promise.all([
      tab.page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 }),
      tab.page.getByRole('button', { name: /^(Kirjaudu|Logga in|Sign in)/ }).click(),
    ]);
    return tab;
  }

  const rootAreas = (tab: Tab) =>
    tab.page.evaluate(() => {
      const root = (
        window as unknown as { __remixContext: { state: { loaderData: { root: { translations: object } } } } }
      ).__remixContext.state.loaderData.root;
      return Object.keys(root.translations).sort();
    });

  it('a document holds the page’s areas only; client-side navigations fetch the next pages’ areas', async () => {
    const tab = await secretaryTab();
    await tab.visit('/manage');
    expect(await rootAreas(tab)).toEqual(pageAreas('/manage'));
    expect(pageAreas('/manage')).not.toContain('calendar');
    // Marks this document: a full page load would lose it.
    await tab.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await tab.follow(tab.page.locator('main a[href^="/manage/councils/"]:not([href$="/new"])').first());
    await tab.follow(tab.page.locator('main a[href$="/meetings"]').first());
    expect(new URL(tab.page.url()).pathname).toMatch(/^\/manage\/councils\/[^/]+\/meetings$/);
    await tab.follow(tab.page.locator('header a[href="/meetings"]'));
    expect(new URL(tab.page.url()).pathname).toBe('/meetings');
    await tab.follow(tab.page.locator('header a[href="/manage"]'));
    expect(await tab.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await tab.close();
  });

  it('the printable agenda renders in the browser from its own data after a client-side navigation', async () => {
    const tab = await secretaryTab();
    const [meeting] = await h.database.db
      .select({ id: meetings.id })
      .from(meetings)
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .where(eq(councils.slug, 'pirkanmaa-jarjestoyhteistyoryhma'))
      .limit(1);
    await tab.visit(`/meetings/${meeting!.id}/members`);
    await tab.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await tab.follow(tab.page.locator('main a[href$="/print?doc=agenda&view=members"]'));
    expect(new URL(tab.page.url()).pathname).toMatch(/\/print$/);
    expect(await tab.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await expect(tab.page.locator('article.records-print h1').textContent()).resolves.toBeTruthy();
    await tab.close();
  });
});
