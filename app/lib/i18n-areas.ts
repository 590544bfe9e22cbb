import { AREA_NAMES, PAGE_AREAS } from '~/lib/i18n-areas.generated';

/**
 * Which message areas (top-level keys of app/locales) a page needs in the browser. The list comes
 * from scripts/i18n-areas.ts, which reads each page's route modules and everything they import.
 */
const PAGES = PAGE_AREAS.map(([pattern, areas]) => ({
  splat: pattern.endsWith('*'),
  re: new RegExp(
    `^${pattern
      .split('/')
      .map((s) => (s === '*' ? '.*' : s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}/?$`,
  ),
  areas: AREA_NAMES.filter((_, i) => (areas & (1 << i)) !== 0),
}));

/** The areas the page at this path may name; null when no page matches (then it gets them all). */
export function pageAreas(pathname: string): string[] | null {
  // Every pattern that matches (a layout's URL and its index page's are the same) adds its areas;
  // the catch-all page counts only when nothing else matches.
  for (const splat of [false, true]) {
    const found = new Set<string>();
    for (const page of PAGES)
      if (page.splat === splat && page.re.test(pathname)) for (const a of page.areas) found.add(a);
    if (found.size > 0) return [...found].sort();
  }
  return null;
}

/** The messages of those areas only (all of them for null). */
export function pickAreas<T extends Record<string, unknown>>(messages: T, areas: string[] | null): Partial<T> {
  if (areas === null) return messages;
  return Object.fromEntries(areas.filter((a) => a in messages).map((a) => [a, messages[a]])) as Partial<T>;
}
