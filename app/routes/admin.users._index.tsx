import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { can } from '~/auth/permissions';
import { requirePermission, requireUser } from '~/auth/session.server';
import { councilLabel } from '~/lib/council-label';
import { formatDateTime } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { listUsers, setUserDisabled } from '~/models/users.server';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/**
 * Installation admins see every account and may disable one; region admins see the accounts with
 * a role or a seat in their region. Each row links to the user's roles (/admin/users/$userId).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const { principal } = auth;
  const regionIds = [...principal.regionAdmin].filter((regionId) => can(principal, 'user.manage', { regionId }));
  const all = can(principal, 'user.manage');
  if (!all && regionIds.length === 0) throw new Response('Not found', { status: 404 });
  return json({ users: await listUsers({ limit: 200, regionIds: all ? undefined : regionIds }), me: auth.user.id, mayDisable: all });
}

const toggleSchema = /* @__PURE__ */ (() =>
  z.object({ userId: z.string().uuid(), disabled: z.enum(['true', 'false']) }))();

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, 'user.manage');
  const parsed = toggleSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success || parsed.data.userId === auth.user.id) throw new Response('Bad request', { status: 400 });
  await setUserDisabled(parsed.data.userId, parsed.data.disabled === 'true', auth.actor);
  return redirect('/admin/users');
}

export default function UsersPage() {
  const { users, me, mayDisable } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('admin.users')}</h1>
      <table>
        <caption>{t('admin.users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.userList.email')}</th>
            <th scope="col">{t('admin.userList.name')}</th>
            <th scope="col">{t('admin.userList.roles')}</th>
            <th scope="col">{t('admin.userList.lastLogin')}</th>
            <th scope="col">{t('admin.userList.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.displayName}</td>
              <td>
                {u.grants
                  .map((g) => {
                    const role = g.role === 'admin' ? t('admin.roles.admin') : g.role === 'region_admin' ? t('ws.roles.regionAdmin') : t(`roles.${g.role}`);
                    const where = g.council ? councilLabel(g.council, g.region) : g.region;
                    return where ? `${role}: ${where}` : role;
                  })
                  .join('; ')}{' '}
                <Link to={`/admin/users/${u.id}`} aria-label={t('admin.roles.manageLabel', { name: u.displayName })}>
                  {t('admin.roles.manage')}
                </Link>
              </td>
              <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('admin.userList.never')}</td>
              <td>
                {u.disabledAt ? t('admin.userList.disabled') : t('admin.userList.active')}
                {mayDisable && u.id !== me ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="disabled" value={u.disabledAt ? 'false' : 'true'} />{' '}
                    <button type="submit" className="secondary">
                      {u.disabledAt ? t('admin.userList.enable') : t('admin.userList.disable')}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
