import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { toIsoWithOffset } from '~/lib/dates';
import { isLocale, langTexts, pickLang } from '~/lib/i18n';
import i18nServer from '~/i18n.server';
import { apiError } from '~/lib/http.server';
import { paginationFields, paginationHeaders, parsePagination } from '~/lib/pagination.server';
import { absoluteUrl } from '~/lib/url.server';
import { getCouncilBySlug } from '~/models/councils.server';
import type { StatementTypeName } from '~/models/reports.server';
import { countPublicStatements, listPublicStatements } from '~/models/statements.server';

const HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' };
const TYPES = new Set(['statement', 'position', 'initiative']);

/** GET /api/v1/councils/{slug}/statements[?type=…&page=&per_page=]: the public register, a page at a time (docs/api.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const type = url.searchParams.get('type');
  if (type !== null && !TYPES.has(type)) return apiError(400, 'type must be statement, position or initiative');
  const paging = parsePagination(url, 50);
  if (!paging.ok) return apiError(400, paging.message);
  const p = paging.value;
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || found.council.publicityDefault !== 'public') return apiError(404, 'No such public council');
  const typeFilter = (type ?? undefined) as StatementTypeName | undefined;
  const chosen = await i18nServer.getLocale(request);
  const lang = isLocale(chosen) ? chosen : 'fi';
  const [rows, total] = await Promise.all([
    listPublicStatements(found.council.id, { type: typeFilter, limit: p.perPage, offset: p.offset }),
    countPublicStatements(found.council.id, typeFilter),
  ]);
  return json(
    {
      council: { slug: found.council.slug, name: { fi: found.council.nameFi, sv: found.council.nameSv, en: found.council.nameEn } },
      ...paginationFields(p, total),
      statements: rows
        .map((s) => ({
          id: s.id,
          type: s.type,
          issuedOn: s.issuedOn,
          recipient: s.recipient,
          title: pickLang(langTexts(s, 'title'), lang)?.text ?? s.title,
          titles: langTexts(s, 'title'),
          body: pickLang(langTexts(s, 'body'), lang)?.text ?? s.body,
          bodies: langTexts(s, 'body'),
          status: s.status,
          approvedAt: s.itemTitle
            ? { meetingStart: s.meetingStartsAt ? toIsoWithOffset(s.meetingStartsAt) : null, section: s.itemSection ? `§ ${s.itemSection}` : null, item: s.itemTitle }
            : null,
          response: s.response,
          responseDate: s.responseDate,
          influence: {
            caseNumber: s.caseNumber,
            caseUrl: s.caseUrl,
            responseDueOn: s.responseDueOn,
            outcome: s.outcome,
            steps: s.steps,
          },
          publishedAt: s.publishedAt ? toIsoWithOffset(s.publishedAt) : null,
        })),
    },
    { headers: { ...HEADERS, ...paginationHeaders(url, absoluteUrl(request, ''), p, total) } },
  );
}
