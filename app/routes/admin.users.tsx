import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requirePermission } from '~/auth/session.server';
import { formatDateTime } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { listUsers, setUserDisabled } from '~/models/users.server';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** Installation admins manage accounts; region admins see only their councils' pages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, 'user.manage');
  return json({ users: await listUsers({ limit: 200 }), me: auth.user.id });
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
  const { users, me } = useLoaderData<typeof loader>();
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
                    const role =
                      g.role === 'admin'
                        ? t('admin.title')
                        : g.role === 'region_admin'
                          ? t('ws.roles.regionAdmin')
                          : t(`roles.${g.role}`);
                    const where = g.council ? (g.region ? `${g.council} (${g.region})` : g.council) : g.region;
                    return where ? `${role}: ${where}` : role;
                  })
                  .join('; ')}
              </td>
              <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('admin.userList.never')}</td>
              <td>
                {u.disabledAt ? t('admin.userList.disabled') : t('admin.userList.active')}
                {u.id !== me ? (
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
