import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Build the app once before the browser tests (the tests serve build/ in-process). */
export default function setup() {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync('build/index.js')) return;
  // Always a production build: vitest sets NODE_ENV=test, and a development build left in
  // build/ would break `npm start` afterwards (it runs with NODE_ENV=production).
  const result = spawnSync('node_modules/.bin/remix', ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('remix build failed');
}
