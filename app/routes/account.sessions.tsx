import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { blankSessionCookie } from '~/auth/lucia.server';
import { requirePermission } from '~/auth/session.server';
import { formatDateTime } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { endOwnSession, listSessions, sessionRef } from '~/models/users.server';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, 'account.use');
  const sessions = await listSessions(auth.user.id);
  return json({
    sessions: sessions.map(({ id, ...s }) => ({ ...s, current: id === auth.sessionId, ref: sessionRef(id) })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, 'account.use');
  const form = await readForm(request);
  const ref = String(form.get('session') ?? '');
  const ended = await endOwnSession(auth.user.id, ref, auth.actor);
  if (!ended) throw new Response('Not found', { status: 404 });
  if (ended === auth.sessionId) return redirect('/', { headers: { 'Set-Cookie': blankSessionCookie() } });
  return redirect('/account/sessions');
}

export default function SessionsPage() {
  const { sessions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('auth.sessions.title')}</h1>
      <p>{t('auth.sessions.intro')}</p>
      <table>
        <caption>{t('auth.sessions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auth.sessions.device')}</th>
            <th scope="col">{t('auth.sessions.started')}</th>
            <th scope="col">{t('auth.sessions.expires')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('auth.sessions.end')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.ref}>
              <td>
                {s.userAgent ?? '–'} {s.ip ? <span className="muted">({s.ip})</span> : null}
                {s.current ? <span className="badge">{t('auth.sessions.current')}</span> : null}
              </td>
              <td>{formatDateTime(s.createdAt, locale)}</td>
              <td>{formatDateTime(s.expiresAt, locale)}</td>
              <td>
                <Form method="post">
                  <input type="hidden" name="session" value={s.ref} />
                  <button type="submit" className="secondary">
                    {t('auth.sessions.end')}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
