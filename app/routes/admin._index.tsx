import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { can } from '~/auth/permissions';
import { requireUser } from '~/auth/session.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { principal } = await requireUser(request);
  const mayManage = principal.isAdmin || principal.regionAdmin.size > 0;
  const mayInvite = mayManage || [...principal.councilRoles.values()].some((r) => r.has('secretary'));
  if (!mayInvite) throw new Response('Not found', { status: 404 });
  return json({ mayManage, isAdmin: can(principal, 'outbox.view') });
}

export default function AdminHome() {
  const { mayManage, isAdmin } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <ul>
        <li>
          <Link to="/admin/invite">{t('admin.invite.title')}</Link>
        </li>
        {mayManage ? (
          <li>
            <Link to="/admin/users">{t('admin.users')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/admin/audit">{t('admin.audit')}</Link>
        </li>
        {isAdmin ? (
          <>
            <li>
              <Link to="/admin/outbox">{t('admin.outbox')}</Link>
            </li>
            <li>
              <Link to="/admin/feedback">{t('admin.feedback')}</Link>
            </li>
            <li>
              <Link to="/admin/subscriptions">{t('notify.admin.link')}</Link>
            </li>
          </>
        ) : null}
      </ul>
    </>
  );
}
