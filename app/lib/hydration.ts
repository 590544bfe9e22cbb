/**
 * The pages that hydrate (`handle.hydrate = true`): signed-in workspaces and the sign-in and token
 * forms. Only they need the translations in the root loader's data; public pages render on the
 * server alone and ship no script (docs/decisions). tests/integration/hydration-paths.test.ts
 * checks that every hydrating route module matches, and no public one does.
 */
const HYDRATING_PATHS = [
  /^\/manage(?:\/|$)/,
  /^\/admin(?:\/|$)/,
  /^\/my(?:\/|$)/,
  /^\/account(?:\/|$)/,
  /^\/login(?:\/two-factor)?\/?$/,
  /^\/invite\/[^/]+\/?$/,
  /^\/reset-password(?:\/|$)/,
  /^\/meetings\/[^/]+\/members\/?$/,
];

export function pathHydrates(pathname: string): boolean {
  return HYDRATING_PATHS.some((re) => re.test(pathname));
}
