/** Pagination of the public API's lists: `page`, `per_page` (at most 100), RFC 8288 `Link` headers. */

export const MAX_PER_PAGE = 100;

export interface Pagination {
  page: number;
  perPage: number;
  offset: number;
}

export type PaginationParse = { ok: true; value: Pagination } | { ok: false; message: string };

/**
 * Read `page` (from 1) and `per_page` (1–100). Anything else is refused with a message for a 400,
 * never silently turned into an unbounded or surprising page.
 */
export function parsePagination(url: URL, defaultPerPage = MAX_PER_PAGE): PaginationParse {
  const rawPage = url.searchParams.get('page');
  const rawPerPage = url.searchParams.get('per_page');
  let page = 1;
  let perPage = Math.min(defaultPerPage, MAX_PER_PAGE);
  if (rawPage !== null) {
    if (!/^\d{1,6}$/.test(rawPage) || Number(rawPage) < 1) return { ok: false, message: '"page" must be a whole number from 1' };
    page = Number(rawPage);
  }
  if (rawPerPage !== null) {
    const n = Number(rawPerPage);
    if (!/^\d{1,3}$/.test(rawPerPage) || n < 1 || n > MAX_PER_PAGE) {
      return { ok: false, message: `"per_page" must be a whole number from 1 to ${MAX_PER_PAGE}` };
    }
    perPage = n;
  }
  return { ok: true, value: { page, perPage, offset: (page - 1) * perPage } };
}

export function lastPage(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/**
 * `Link` (first, prev, next, last) and `X-Total-Count` for a page of `total` rows. `base` is the
 * absolute origin from configuration; the other query parameters of the request are kept.
 */
export function paginationHeaders(url: URL, base: string, p: Pagination, total: number): Record<string, string> {
  const last = lastPage(total, p.perPage);
  const link = (page: number, rel: string) => {
    const params = new URLSearchParams(url.searchParams);
    params.set('page', String(page));
    params.set('per_page', String(p.perPage));
    return `<${base}${url.pathname}?${params.toString()}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (p.page > 1) links.push(link(Math.min(p.page - 1, last), 'prev'));
  if (p.page < last) links.push(link(p.page + 1, 'next'));
  links.push(link(last, 'last'));
  return { Link: links.join(', '), 'X-Total-Count': String(total), 'Access-Control-Expose-Headers': 'Link, X-Total-Count' };
}

/** The paging fields every list body carries beside its rows. */
export function paginationFields(p: Pagination, total: number) {
  return { page: p.page, perPage: p.perPage, total, lastPage: lastPage(total, p.perPage) };
}
