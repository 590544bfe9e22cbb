import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { blankSessionCookie, endSession } from '~/auth/lucia.server';
import { getAuth, requireSameOrigin } from '~/auth/session.server';
import { recordAudit } from '~/models/audit.server';
import { getDb } from '~db/client.server';

/** Sign-out is a POST only; it ends the session on the server too. */
export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const auth = await getAuth(request);
  if (auth.sessionId) {
    await endSession(auth.sessionId);
    await recordAudit(getDb(), auth.actor, { action: 'auth.logout', entityType: 'user', entityId: auth.user?.id ?? null });
  }
  return redirect('/', { headers: { 'Set-Cookie': blankSessionCookie() } });
}

export function loader() {
  throw new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } });
}
