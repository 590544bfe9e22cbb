import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { openPglite, setDatabase, type Database } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { hashPassword } from '../../app/auth/password.server';
import { createApp } from '../../scripts/server';

import { DEMO_PASSWORD } from './demo-dump';
export { DEMO_PASSWORD };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export interface Harness {
  baseUrl: string;
  browser: Browser;
  database: Database;
  close: () => Promise<void>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eDemoDump: string;
  }
}

/** The built app on a random port over a fresh demo database, and a Chromium. */
export async function startHarness(): Promise<Harness> {
  // The global setup migrates and seeds once and dumps the data directory; each file loads it.
  const dump = inject('e2eDemoDump');
  const database = dump ? await openPglite(undefined, new Blob([readFileSync(dump)])) : await openPglite();
  if (!dump) {
    await migrateDatabase(database);
    await seedDemo(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
  }
  setDatabase(database);
  process.env.OUTBOX_DIR = path.resolve('data', 'e2e-outbox');
  // The journeys sign in as the seeded admin without enrolling a second factor.
  process.env.REQUIRE_2FA_ROLES = '';
  const app = await createApp({ buildPath: path.resolve('build', 'index.js') });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  return {
    baseUrl,
    browser,
    database,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

const axeSource = readFileSync(path.resolve('node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string }>;
}

/** Run axe-core in the page (WCAG 2.1 A/AA rules) and return the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
  });
}

/**
 * axe-core on a page whose context has JavaScript off: axe.run never settles there (its queue needs
 * timers, and a page without JavaScript runs none), so the same HTML, scripts removed, is checked in
 * one JavaScript-enabled page of the same browser, served at the same address so that its
 * stylesheets load (colour contrast needs them).
 */
const axeHelpers = new WeakMap<Browser, Promise<Page>>();
export async function axeWithoutJs(browser: Browser, page: Page): Promise<AxeViolation[]> {
  let helper = axeHelpers.get(browser);
  if (!helper) {
    helper = browser.newContext({ javaScriptEnabled: true, viewport: { width: 1280, height: 900 } }).then((c) => c.newPage());
    axeHelpers.set(browser, helper);
  }
  const h = await helper;
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const same = (u: URL) => u.href === url;
  await h.route(same, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  try {
    await h.goto(url, { waitUntil: 'load' });
  } finally {
    await h.unroute(same);
  }
  return axe(h);
}

/** A page that records console errors and failed requests. */
export async function trackedPage(context: BrowserContext) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return { page, problems };
}

/** Sign in through the form like a person would. */
export async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/Sähköposti|E-post|Email/).fill(email);
  await page.getByLabel(/Salasana|Lösenord|Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Kirjaudu|Logga in|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

// ---------------------------------------------------------------------------------------------
// Checked pages: every page a journey visits goes through Tab.visit / Tab.submit / Tab.check, which
// fail the test on a console error, an uncaught exception, an unexpected failed request, an axe
// violation (WCAG 2.1 A/AA), a raw translation key in the visible text, and, at phone width, on
// horizontal page scrolling or small tap targets. Counts go to .ci-out/e2e/<file>.json.

export const PHONE = { width: 360, height: 740 };

/** Top-level message namespaces: a visible word starting with one of these and dotted is a raw key. */
const KEY_ROOTS = Object.keys((await import('../../app/locales')).messages.fi);

interface FileStats {
  file: string;
  pagesJs: string[];
  pagesNoJs: string[];
  pagesPhone: string[];
  checks: { js: number; nojs: number; phone: number };
  /** Problems found (a run that passes has none: each one fails the check that found it). */
  found: { axeViolations: number; consoleErrors: number; failedRequests: number; phoneProblems: number };
  formPosts: Record<string, number>;
}
const stats: FileStats = {
  file: '',
  pagesJs: [],
  pagesNoJs: [],
  pagesPhone: [],
  checks: { js: 0, nojs: 0, phone: 0 },
  found: { axeViolations: 0, consoleErrors: 0, failedRequests: 0, phoneProblems: 0 },
  formPosts: {},
};

/** The page's route shape: ids and slugs of new records replaced, so counts name page types. */
function pageKey(url: string): string {
  const u = new URL(url);
  return u.pathname
    .replace(/^\/(invite|reply|reset-password)\/[^/]+$/, '/$1/:token')
    .replace(/^\/(manage\/)?councils\/e2e-[a-z]+-[a-z]+/, '/$1councils/:slug').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/\/\d{4}(?=\/|$)/g, '/:year');
}

/** Record how many form posts a named journey took (printed and written with the page counts). */
export function recordFormPosts(journey: string, count: number) {
  stats.formPosts[journey] = count;
  console.log(`[e2e] ${journey}: ${count} form posts`);
}

/** Write this file's counts for the summary the global teardown prints. */
export function writeStats(file: string) {
  stats.file = file;
  const dir = path.resolve('.ci-out', 'e2e');
  mkdirSync(dir, { recursive: true });
  const uniq = (a: string[]) => [...new Set(a)].sort();
  writeFileSync(
    path.join(dir, `${path.basename(file).replace(/\W+/g, '-')}.json`),
    JSON.stringify({ ...stats, pagesJs: uniq(stats.pagesJs), pagesNoJs: uniq(stats.pagesNoJs), pagesPhone: uniq(stats.pagesPhone) }, null, 2),
  );
}

export interface TabOptions {
  js?: boolean;
  phone?: boolean;
  /** At desktop width, also lay every checked page out at 360 px and check it there. */
  alsoPhone?: boolean;
  /** Sign in as this demo or journey user first (password DEMO_PASSWORD unless given). */
  user?: { email: string; password?: string };
}

interface Expected {
  url: RegExp;
  status: number;
}

/** One browser context + page whose every visit is checked. */
export class Tab {
  problems: string[] = [];
  posts = 0;
  private expected: Expected[] = [];
  private constructor(
    readonly h: Harness,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly js: boolean,
    readonly phone: boolean,
    readonly alsoPhone: boolean,
  ) {}

  static async open(h: Harness, options: TabOptions = {}): Promise<Tab> {
    const js = options.js ?? true;
    const phone = options.phone ?? false;
    const context = await h.browser.newContext({
      javaScriptEnabled: js,
      viewport: phone ? PHONE : { width: 1280, height: 900 },
      ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const tab = new Tab(h, context, page, js, phone, !phone && (options.alsoPhone ?? false));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !tab.isExpectedConsole(msg.text())) tab.problems.push(`console error on ${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => tab.problems.push(`pageerror on ${page.url()}: ${err.message}`));
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().startsWith(h.baseUrl)) tab.posts += 1;
    });
    page.on('response', (r) => {
      const status = r.status();
      if (status >= 400 && !tab.isExpected(r.url(), status)) tab.problems.push(`HTTP ${status} ${r.request().method()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      const reason = r.failure()?.errorText ?? '';
      // Leaving a page aborts its pending reads (route discovery, prefetches): not a failure of the app.
      if (reason === 'net::ERR_ABORTED' && r.method() === 'GET') return;
      // With JavaScript off, Chromium refuses the hydrating pages' module preloads (reported as "csp").
      if (!js && reason === 'csp' && r.resourceType() === 'script') return;
      tab.problems.push(`request failed ${r.method()} ${r.url()}: ${reason}`);
    });
    if (options.user) await tab.signIn(options.user.email, options.user.password);
    return tab;
  }

  /** A failed response this journey expects (a refused form answers 400, a missing page 404). */
  expect(url: RegExp, status: number) {
    this.expected.push({ url, status });
  }

  clearExpected() {
    this.expected = [];
  }

  private isExpected(url: string, status: number) {
    return this.expected.some((e) => e.status === status && e.url.test(url));
  }

  private isExpectedConsole(text: string) {
    // Chromium logs every 4xx/5xx resource as a console error; the response handler decides about those.
    const m = /^Failed to load resource: the server responded with a status of (\d+)/.exec(text);
    return m !== null;
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.visit('/login');
    await this.page.getByLabel(/Sähköposti|E-post|Email/).fill(email);
    await this.page.getByLabel(/Salasana|Lösenord|Password/).fill(password);
    await this.submit(this.page.getByRole('button', { name: /^(Kirjaudu|Logga in|Sign in)/ }));
    if (new URL(this.page.url()).pathname.startsWith('/login')) throw new Error(`sign-in failed for ${email}: ${await this.text()}`);
  }

  /** Go to a path (relative to the app) and check the page. */
  async visit(pathname: string, expectStatus = 200) {
    if (expectStatus !== 200) this.expect(new RegExp(escapeRegExp(pathname.split('?')[0]!)), expectStatus);
    const response = await this.page.goto(`${this.h.baseUrl}${pathname}`);
    if (response?.status() !== expectStatus) throw new Error(`GET ${pathname}: HTTP ${response?.status()} (expected ${expectStatus})\n${(await this.text()).slice(0, 800)}`);
    await this.check();
    return response;
  }

  /** Click something that submits a form and wait until the answer has rendered; then check the page. */
  async submit(target: Locator, options: { check?: boolean } = {}) {
    const posted = this.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(this.h.baseUrl), { timeout: 15_000 });
    // Without JavaScript every post is a navigation (and a redirect a second one): wait for the page
    // it ends on to load, not only for the post's answer.
    const navigated = this.js ? null : this.page.waitForNavigation({ waitUntil: 'load', timeout: 15_000 });
    await target.click();
    await posted;
    if (navigated) await navigated;
    await this.settle();
    if (options.check !== false) await this.check();
  }

  /** Follow a link by its accessible name and check the page it leads to. */
  async follow(link: Locator) {
    await Promise.all([this.page.waitForURL((u) => u.href !== this.page.url(), { timeout: 15_000 }).catch(() => undefined), link.click()]);
    await this.settle();
    await this.check();
  }

  private async settle() {
    await this.page.waitForLoadState('load');
    if (this.js) {
      // A hydrated page submits through Remix's router: after the POST's answer it still follows a
      // redirect and reloads the loaders. Wait until the router is idle (not only the network).
      await this.page.waitForFunction(() => {
        const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string; fetchers: Map<string, { state: string }> } } }).__remixRouter;
        if (!router) return true;
        const s = router.state;
        return s.navigation.state === 'idle' && s.revalidation === 'idle' && [...s.fetchers.values()].every((f) => f.state === 'idle');
      }, undefined, { timeout: 15_000 });
      await this.page.waitForLoadState('networkidle');
    }
    await this.waitForHydration();
  }

  /** With JavaScript on, wait until React has hydrated the page (pages without scripts stay HTML). */
  async waitForHydration() {
    if (!this.js) return;
    const scripted = await this.page.locator('script[src*="/build/"]').count();
    if (scripted === 0) return;
    await this.page.waitForFunction(() => {
      const footer = document.querySelector('footer');
      return !!footer && Object.keys(footer).some((k) => k.startsWith('__reactFiber'));
    }, undefined, { timeout: 15_000 });
  }

  async text() {
    return this.page.evaluate(() => document.body?.innerText ?? '');
  }

  /** Every check on the page as it is now; throws with all problems found. */
  async check() {
    await this.waitForHydration();
    const where = pageKey(this.page.url());
    const failures: string[] = [];
    const violations = this.js ? await axe(this.page) : await axeWithoutJs(this.h.browser, this.page);
    stats.found.axeViolations += violations.length;
    if (violations.length > 0) failures.push(`axe: ${JSON.stringify(violations, null, 2)}`);
    const keys = await rawKeys(this.page);
    if (keys.length > 0) failures.push(`raw translation keys or placeholders: ${keys.join(', ')}`);
    const phone: string[] = [];
    if (this.phone) phone.push(...(await phoneProblems(this.page)));
    if (this.alsoPhone) {
      await this.page.setViewportSize(PHONE);
      phone.push(...(await phoneProblems(this.page)).map((p) => `at 360 px: ${p}`));
      await this.page.setViewportSize({ width: 1280, height: 900 });
    }
    // E2E_PHONE_REPORT=file collects the phone findings instead of failing (for fixing layouts in bulk).
    if (process.env.E2E_PHONE_REPORT && phone.length > 0) appendFileSync(process.env.E2E_PHONE_REPORT, `${where}\n  ${phone.join('\n  ')}\n`);
    else failures.push(...phone);
    stats.found.phoneProblems += phone.length;
    const problems = this.problems.splice(0);
    stats.found.consoleErrors += problems.filter((p) => /^(console error|pageerror)/.test(p)).length;
    stats.found.failedRequests += problems.filter((p) => /^(HTTP|request failed)/.test(p)).length;
    failures.push(...problems);
    if (failures.length > 0) throw new Error(`${where} (${this.js ? 'JS on' : 'JS off'}${this.phone ? ', phone' : ''}):\n${failures.join('\n')}`);
    (this.js ? stats.pagesJs : stats.pagesNoJs).push(where);
    stats.checks[this.js ? 'js' : 'nojs'] += 1;
    if (this.phone || this.alsoPhone) {
      stats.pagesPhone.push(where);
      stats.checks.phone += 1;
    }
  }

  async close() {
    const left = this.problems.splice(0);
    await this.context.close();
    if (left.length > 0) throw new Error(`problems after the last check:\n${left.join('\n')}`);
  }
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Strings in the visible text (and in accessible names, titles and placeholders) shaped like a
 * raw i18next key: a top-level namespace, a dot, and dotted camelCase words without spaces,
 * not part of a URL, an email address or a file name. Also leftovers of i18next's fallbacks.
 */
export async function rawKeys(page: Page): Promise<string[]> {
  return page.evaluate((roots) => {
    const texts = [document.title, document.body.innerText];
    for (const el of Array.from(document.querySelectorAll('[aria-label],[title],[placeholder],[alt],input[type=submit],input[type=button]'))) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'value']) {
        const v = el.getAttribute(attr);
        if (v && (attr !== 'value' || el.matches('input[type=submit],input[type=button]'))) texts.push(v);
      }
    }
    const found = new Set<string>();
    const shape = /(?<![\w@/.:%+-])([a-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9_]*)+)(?![\w@/%-]|\.[A-Za-z0-9])/g;
    for (const text of texts) {
      for (const m of text.matchAll(shape)) {
        const token = m[1]!;
        if (roots.includes(token.split('.')[0]!)) found.add(token);
      }
      if (/\{\{\s*\w+\s*\}\}/.test(text)) found.add(/\{\{\s*\w+\s*\}\}/.exec(text)![0]);
      if (text.includes('returned an object instead of string')) found.add('returned an object instead of string');
    }
    return [...found];
  }, KEY_ROOTS);
}

/**
 * At phone width: no horizontal scrolling of the page; wide tables scroll inside their own
 * container; standalone controls (buttons, fields, links that are not inline in running text,
 * labels of checkboxes and radio buttons) are at least 44 × 44 CSS pixels.
 */
export async function phoneProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth > vw) {
      const insideScroller = (el: Element) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (/(auto|scroll|hidden)/.test(getComputedStyle(a).overflowX)) return true;
        return false;
      };
      const wide = Array.from(document.body.querySelectorAll('*'))
        .filter((el) => el.getBoundingClientRect().right > vw + 1 && !insideScroller(el) && getComputedStyle(el).position !== 'absolute')
        .slice(-5)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
      problems.push(`page scrolls sideways: scrollWidth ${scroller.scrollWidth} > ${vw}; widest: ${wide.join(', ')}`);
    }
    const scrollsItself = (el: Element) => {
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') return a.getBoundingClientRect().right <= vw + 1;
      }
      return false;
    };
    for (const table of Array.from(document.querySelectorAll('table'))) {
      const r = table.getBoundingClientRect();
      if (r.right > vw + 1 && !scrollsItself(table)) problems.push(`table wider than the screen without its own scroll container: ${table.querySelector('caption')?.textContent ?? table.outerHTML.slice(0, 80)}`);
    }
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && r.right > 0 && style.visibility !== 'hidden' && !el.closest('.visually-hidden, [hidden]');
    };
    const blockOf = (el: Element): Element => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const d = getComputedStyle(a).display;
        if (d !== 'inline' && d !== 'contents') return a;
      }
      return document.body;
    };
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const small: string[] = [];
    const describe = (el: Element, r: DOMRect) => `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${norm(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name).slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`;
    const controls = Array.from(document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary'));
    for (const el of controls) {
      if (!visible(el) && !(el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))) continue;
      let target: Element = el;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        // The label is the tap target of a checkbox or a radio button.
        const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null);
        if (label) target = label;
      }
      if (!visible(target)) continue;
      if (el.tagName === 'A' || el.classList.contains('link-button')) {
        // A link inside running text is exempt (WCAG 2.5.5 "inline"): its block has other words.
        const block = blockOf(el);
        const rest = norm(block.textContent).replace(norm(el.textContent), '').replace(/[\s·|,–()-]/g, '');
        if (rest.length > 0) continue;
      }
      const r = target.getBoundingClientRect();
      if (r.height < 43.5 || r.width < 43.5) small.push(describe(el, r));
    }
    if (small.length > 0) problems.push(`tap targets under 44 px: ${small.slice(0, 12).join('; ')}${small.length > 12 ? ` … (${small.length} in all)` : ''}`);
    return problems;
  });
}
