import type { LoaderFunctionArgs } from '@remix-run/node';
import { printablePdfResponse } from '~/models/minutes.server';

/** The agenda as a PDF made on the server (pdfkit), in the council's language; ?view=members for members. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return printablePdfResponse(request, params.meetingId, 'agenda');
}
