import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the app (production) unless build/index.js is newer than every source file. */
export function ensureBuild(): void {
  const buildFile = path.resolve('build', 'index.js');
  const sources = Math.max(newestMtime(path.resolve('app')), statSync(path.resolve('remix.config.js')).mtimeMs);
  if (existsSync(buildFile) && statSync(buildFile).mtimeMs >= sources) return;
  const result = spawnSync(path.resolve('node_modules', '.bin', 'remix'), ['build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('remix build failed');
}
