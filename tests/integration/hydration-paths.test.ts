/**
 * The root loader sends translations only to pages that hydrate (app/lib/hydration.ts). Derive a
 * URL from every route module's file name and check the list against `handle.hydrate`, so a new
 * hydrating page cannot silently lose its strings and a public page cannot gain 55 KB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathHydrates } from '../../app/lib/hydration';
import * as root from '../../app/root';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

/** remix flat-route file name → a sample URL path ($param → x). */
function samplePath(file: string): string {
  const name = file.replace(/\.tsx?$/, '');
  const segments = name
    .split(/\.(?![^[]*\])/)
    .filter((s) => s !== '_index')
    .map((s) => s.replace(/_$/, '').replace(/^\$$/, 'anything').replace(/^\$.+/, 'x').replace(/\[(.+?)\]/g, '$1'));
  return `/${segments.join('/')}`.replace(/\/+$/, '') || '/';
}

describe('hydrating paths', () => {
  const dir = path.resolve('app', 'routes');
  const files = readdirSync(dir).filter((f) => /\.tsx$/.test(f));

  it('covers every route module with handle.hydrate and no other page', () => {
    const wrong: string[] = [];
    const own = new Map(files.map((f) => [f.replace(/\.tsx$/, ''), /handle\s*=\s*\{[^}]*hydrate:\s*true/.test(readFileSync(path.join(dir, f), 'utf8'))]));
    for (const file of files) {
      const name = file.replace(/\.tsx$/, '');
      // A page hydrates when it or one of its layouts (a dot-prefix of its name) asks to.
      const hydrates = [...own].some(([layout, h]) => h && (layout === name || name.startsWith(`${layout}.`)));
      const sample = samplePath(file);
      if (pathHydrates(sample) !== hydrates) wrong.push(`${file} → ${sample} (hydrate ${hydrates})`);
    }
    expect(wrong).toEqual([]);
    expect(samplePath('manage.meetings.$meetingId_.agenda.tsx')).toBe('/manage/meetings/x/agenda');
  });

  it('leaves the translations out of the root data of public pages', async () => {
    const pub = (await (await call(root.loader as never, makeRequest('/councils/x'))).json()) as { translations: unknown };
    expect(pub.translations).toBeNull();
    const login = (await (await call(root.loader as never, makeRequest('/login'))).json()) as { translations: Record<string, unknown> | null };
    expect(login.translations).not.toBeNull();
    expect(Object.keys(login.translations ?? {}).length).toBeGreaterThan(5);
  });
});
