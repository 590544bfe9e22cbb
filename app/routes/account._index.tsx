import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { councilsOf } from '~/auth/permissions';
import { requireUser } from '~/auth/session.server';
import { councilLabel } from '~/lib/council-label';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { listCouncilsByIds } from '~/models/councils.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, principal } = await requireUser(request);
  const ids = councilsOf(principal);
  const councils = await listCouncilsByIds(ids);
  return json({
    email: user.email,
    isAdmin: principal.isAdmin,
    councils: councils.map((c) => ({ ...c, roles: [...(principal.councilRoles.get(c.id) ?? [])] })),
  });
}

export default function AccountPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('auth.account.title')}</h1>
      <p>{t('auth.account.signedInAs', { email: data.email })}</p>
      <h2>{t('auth.account.myCouncils')}</h2>
      {data.councils.length === 0 ? (
        <p className="muted">{t('auth.account.none')}</p>
      ) : (
        <ul>
          {data.councils.map((c) => (
            <li key={c.id}>
              <Link to={`/councils/${c.slug}`}>{councilLabel(localized(c, 'name', locale).text, localized(c, 'regionName', locale).text)}</Link>{' '}
              {c.roles.map((r) => (
                <span key={r} className="badge">
                  {t(`roles.${r}`)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      <ul>
        <li>
          <Link to="/account/sessions">{t('auth.sessions.title')}</Link>
        </li>
        <li>
          <Link to="/account/two-factor">{t('totp.title')}</Link>
        </li>
        <li>
          <Link to="/account/notifications">{t('notify.settings.title')}</Link>
        </li>
        {data.isAdmin ? (
          <li>
            <Link to="/admin">{t('admin.title')}</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
