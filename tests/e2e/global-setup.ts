import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Build the app once before the browser tests (the tests serve build/ in-process). */
export default function setup() {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync('build/index.js')) return;
  const result = spawnSync('node_modules/.bin/remix', ['build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('remix build failed');
}
