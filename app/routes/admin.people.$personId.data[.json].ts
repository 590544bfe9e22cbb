import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth/session.server';
import { isUuid } from '~/models/councils.server';
import { exportPersonData } from '~/models/gdpr.server';

/** Issue 14.4: everything held about one person as JSON (the data subject's right of access). Admins only; audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, 'person.gdpr');
  if (!isUuid(params.personId)) throw new Response('Not found', { status: 404 });
  const data = await exportPersonData(auth.actor, params.personId);
  if (!data) throw new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="person-${params.personId}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
