import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openPglite, setDatabase, type Database } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { hashPassword } from '../../app/auth/password.server';
import { createApp } from '../../scripts/server';

export const DEMO_PASSWORD = 'e2e-demo-password-2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export interface Harness {
  baseUrl: string;
  browser: Browser;
  database: Database;
  close: () => Promise<void>;
}

/** The built app on a random port over a fresh demo database, and a Chromium. */
export async function startHarness(): Promise<Harness> {
  const database = await openPglite();
  await migrateDatabase(database);
  await seedDemo(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
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
