import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const STATS_DIR = path.resolve('.ci-out', 'e2e');

/** Build the app once before the browser tests (the tests serve build/ in-process); seed the demo database once. */
export default async function setup(project: TestProject) {
  rmSync(STATS_DIR, { recursive: true, force: true });
  mkdirSync(STATS_DIR, { recursive: true });
  if (!(process.env.E2E_SKIP_BUILD === '1' && existsSync('build/index.js'))) {
    // Always a production build: vitest sets NODE_ENV=test, and a development build left in
    // build/ would break `npm start` afterwards (it runs with NODE_ENV=production).
    const result = spawnSync('node_modules/.bin/remix', ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (result.status !== 0) throw new Error('remix build failed');
  }
  const dump = path.join(mkdtempSync(path.join(tmpdir(), 'neuvos-e2e-')), 'demo.tar.gz');
  const { dumpDemoDatabase } = await import('./demo-dump');
  await dumpDemoDatabase(dump);
  project.provide('e2eDemoDump', dump);
  return () => {
    rmSync(path.dirname(dump), { recursive: true, force: true });
    summarise();
  };
}

type FileStats = {
  pagesJs: string[];
  pagesNoJs: string[];
  pagesPhone: string[];
  checks: { js: number; nojs: number; phone: number };
  found?: { axeViolations: number; consoleErrors: number; failedRequests: number; phoneProblems: number };
  formPosts: Record<string, number>;
};

/** Workspace pages: the secretariat's and a signed-in member's (not the public site). */
const WORKSPACE = /^\/(manage|admin|my|account)\b|^\/meetings\/:id\/members$/;

/** Sum the counts each test file wrote (pages checked with JavaScript on and off, at phone width, form posts). */
function summarise() {
  if (!existsSync(STATS_DIR)) return;
  const files = readdirSync(STATS_DIR).filter((f) => f.endsWith('.json'));
  if (files.length === 0) return;
  const all = files.map((f) => JSON.parse(readFileSync(path.join(STATS_DIR, f), 'utf8')) as FileStats);
  const union = (k: 'pagesJs' | 'pagesNoJs' | 'pagesPhone') => [...new Set(all.flatMap((s) => s[k]))].sort();
  const workspace = (pages: string[]) => pages.filter((p) => WORKSPACE.test(p));
  const phone = new Set(union('pagesPhone'));
  const found = all.reduce(
    (a, s) => ({
      axeViolations: a.axeViolations + (s.found?.axeViolations ?? 0),
      consoleErrors: a.consoleErrors + (s.found?.consoleErrors ?? 0),
      failedRequests: a.failedRequests + (s.found?.failedRequests ?? 0),
      phoneProblems: a.phoneProblems + (s.found?.phoneProblems ?? 0),
    }),
    { axeViolations: 0, consoleErrors: 0, failedRequests: 0, phoneProblems: 0 },
  );
  const summary = {
    pageTypesJs: union('pagesJs').length,
    pageTypesNoJs: union('pagesNoJs').length,
    pageTypesPhone: union('pagesPhone').length,
    workspacePageTypesJs: workspace(union('pagesJs')).length,
    workspacePageTypesNoJs: workspace(union('pagesNoJs')).length,
    workspacePageTypesPhone: workspace(union('pagesPhone')).length,
    // Workspace pages a journey visited but never laid out at 360 px (should be none).
    workspaceNotCheckedAtPhoneWidth: workspace([...new Set([...union('pagesJs'), ...union('pagesNoJs')])]).filter((p) => !phone.has(p)),
    checks: all.reduce((a, s) => ({ js: a.js + s.checks.js, nojs: a.nojs + s.checks.nojs, phone: a.phone + s.checks.phone }), { js: 0, nojs: 0, phone: 0 }),
    found,
    formPosts: Object.assign({}, ...all.map((s) => s.formPosts)) as Record<string, number>,
    workspacePagesJs: workspace(union('pagesJs')),
    workspacePagesNoJs: workspace(union('pagesNoJs')),
    pagesJs: union('pagesJs'),
    pagesNoJs: union('pagesNoJs'),
    pagesPhone: union('pagesPhone'),
  };
  writeFileSync(path.resolve('.ci-out', 'e2e-summary.json'), JSON.stringify(summary, null, 2));
  console.log(
    `[e2e] pages checked (axe, console, requests, raw keys): ${summary.pageTypesJs} page types with JavaScript on (${summary.workspacePageTypesJs} workspace), ${summary.pageTypesNoJs} with JavaScript off (${summary.workspacePageTypesNoJs} workspace), ${summary.pageTypesPhone} at 360 px (${summary.workspacePageTypesPhone} workspace; not at 360 px: ${summary.workspaceNotCheckedAtPhoneWidth.length}); ${summary.checks.js + summary.checks.nojs} checks in all, ${summary.checks.phone} at 360 px; found ${found.axeViolations} axe violations, ${found.consoleErrors} console errors, ${found.failedRequests} unexpected failed requests, ${found.phoneProblems} phone-layout problems; form posts ${JSON.stringify(summary.formPosts)}. Details: .ci-out/e2e-summary.json`,
  );
}
