import { z } from 'zod';
import { SEARCH_TYPES } from '~/lib/search-text';

const slug = /* @__PURE__ */ (() =>
  z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(120))();

/** Results a page shows on /search, and the API's default per_page. */
export const SEARCH_PAGE_SIZE = 20;
/** The API's largest per_page. */
export const SEARCH_MAX_PER_PAGE = 100;
/**
 * Results reachable by paging (equal to SEARCH_WINDOW of the search model, which a test
 * checks; kept here because pages and components must not import server modules).
 */
export const SEARCH_RESULT_WINDOW = 300;

/** Query parameters of /search and /api/v1/search; the API answers 400 when they fail. */
export const searchParamsSchema = /* @__PURE__ */ (() =>
  z.object({
    q: z.string().max(2_000).default(''),
    region: slug.optional(),
    council: slug.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    type: z.enum(SEARCH_TYPES).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    per_page: z.coerce.number().int().min(1).max(SEARCH_MAX_PER_PAGE).default(SEARCH_PAGE_SIZE),
  }))();

export type SearchQuery = z.infer<typeof searchParamsSchema>;

/** Read search parameters, treating empty strings as absent. */
export function readSearchParams(url: URL) {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (v.trim() !== '' && k !== 'lng') raw[k] = v;
  return searchParamsSchema.safeParse(raw);
}

/**
 * The parameters the HTML page can use: the valid ones from `readSearchParams`, or, when
 * some are not valid, each one that is (so one bad filter does not empty the page).
 */
export function lenientSearchParams(url: URL): { params: SearchQuery; invalid: boolean } {
  const parsed = readSearchParams(url);
  if (parsed.success) return { params: parsed.data, invalid: false };
  const params: SearchQuery = {
    q: (url.searchParams.get('q') ?? '').slice(0, 200),
    page: 1,
    per_page: SEARCH_PAGE_SIZE,
  };
  const shape = searchParamsSchema.shape;
  for (const key of ['region', 'council', 'year', 'type', 'page'] as const) {
    const value = url.searchParams.get(key);
    if (value === null || value.trim() === '') continue;
    const one = shape[key].safeParse(value);
    if (one.success && one.data !== undefined) Object.assign(params, { [key]: one.data });
  }
  return { params, invalid: true };
}
