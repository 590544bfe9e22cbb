import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';

/** Hostile redirect targets: every one must give the fallback. */
export const HOSTILE_REDIRECTS: string[] = [
  '/%09/evil.example',
  '/\t/evil.example',
  '/%09%5Cevil.example',
  '/\t\\evil.example',
  '/%0A/evil.example',
  '/\n/evil.example',
  '/%0D/evil.example',
  '/\r/evil.example',
  '/%00/evil.example',
  '/\u0000/evil.example',
  '/%7F/evil.example',
  '/%2509/evil.example',
  '/%252F/evil.example',
  '//evil',
  '//evil.example/path',
  '///evil.example',
  '/\\evil',
  '/\\\\evil',
  '\\\\evil',
  '\\/evil',
  '/%5Cevil.example',
  '/%5C%5Cevil.example',
  '/%2F/evil.example',
  '/%2f%2fevil.example',
  '/.//evil.example',
  '/..//evil.example',
  'https://evil',
  'http://evil.example',
  'HTTPS://evil',
  '//evil:443',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '/javascript:alert(1)/%0A',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  '',
  ' /account',
  '%2F%2Fevil.example',
  '/%E0%A4%A',
  '/\u0085evil',
  `/${'a'.repeat(3000)}`,
];

/** Targets that are fine and what they normalise to. */
const ACCEPTED: Array<[string, string]> = [
  ['/', '/'],
  ['/account', '/account'],
  ['/manage/councils/pirkanmaa?tab=roster#members', '/manage/councils/pirkanmaa?tab=roster#members'],
  ['/search?q=%C3%A4%C3%A4ni', '/search?q=%C3%A4%C3%A4ni'],
  ['/councils/a/../b', '/councils/b'],
  ['/a/./b', '/a/b'],
  ['/päivä', '/p%C3%A4iv%C3%A4'],
  ['/search?q=a b', '/search?q=a%20b'],
];

describe('safeRedirect', () => {
  it.each(HOSTILE_REDIRECTS.map((t) => [JSON.stringify(t), t]))('refuses %s', (_label, target) => {
    expect(safeRedirect(target, '/fallback')).toBe('/fallback');
  });

  it.each(ACCEPTED)('accepts %s as %s', (target, expected) => {
    expect(safeRedirect(target, '/fallback')).toBe(expected);
  });

  it('refuses non-strings (files, null, undefined)', () => {
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect(undefined, '/x')).toBe('/x');
    expect(safeRedirect(new File(['x'], 'f.txt'), '/x')).toBe('/x');
  });

  it('never returns something a browser would read as another host', () => {
    for (const target of HOSTILE_REDIRECTS) {
      const out = safeRedirect(target, '/');
      // How Chromium reads a Location header: tabs/newlines stripped, backslashes as slashes.
      const browserView = out.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
      expect(new URL(browserView, 'https://neuvos.example.fi').host).toBe('neuvos.example.fi');
    }
  });
});
