import type { LoaderFunctionArgs } from '@remix-run/node';
import { extractPdfResponse, resolveExtract } from '~/models/extracts.server';

/** The extract of one published § as a tagged PDF in the council's language; 404 when unpublished or hidden. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const result = await resolveExtract(request, params.meetingId, params.itemId);
  if (result.status !== 'ok')
    throw new Response(
      result.status === 'unpublished' ? 'The minutes of this section are not published' : 'Not found',
      { status: 404 },
    );
  return extractPdfResponse(result.extract);
}
