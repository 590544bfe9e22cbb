import { z } from 'zod';
import { SEARCH_TYPES } from '~/lib/search-text';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120);

/** Query parameters of /search and /api/v1/search; the API answers 400 when they fail. */
export const searchParamsSchema = z.object({
  q: z.string().max(10_000).default(''),
  region: slug.optional(),
  council: slug.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  type: z.enum(SEARCH_TYPES).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
});

/** Read search parameters, treating empty strings as absent. */
export function readSearchParams(url: URL) {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (v.trim() !== '' && k !== 'lng') raw[k] = v;
  return searchParamsSchema.safeParse(raw);
}

export const SEARCH_PAGE_SIZE = 20;
