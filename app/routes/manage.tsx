import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { requireUser } from '~/auth/session.server';

export const handle = { hydrate: true };

/** The secretariat's workspace: everything under /manage needs a signed-in user. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json(null, { headers: { 'Cache-Control': 'no-store' } });
}

export default function ManageLayout() {
  return <Outlet />;
}
