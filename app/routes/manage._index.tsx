import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { can, councilsOf } from '~/auth/permissions';
import { requireUser } from '~/auth/session.server';
import { councilLabel } from '~/lib/council-label';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { listCouncilsInScope } from '~/models/councils.server';

export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { principal } = await requireUser(request);
  const councils = await listCouncilsInScope({
    all: principal.isAdmin,
    ids: councilsOf(principal),
    regionIds: [...principal.regionAdmin],
  });
  return json({
    councils: councils.map((c) => ({
      ...c,
      manage: can(principal, 'roster.edit', { councilId: c.id, regionId: c.regionId }),
      roles: [...(principal.councilRoles.get(c.id) ?? [])],
    })),
    mayCreate: principal.isAdmin || principal.regionAdmin.size > 0,
    mayInvite: councils.some((c) => can(principal, 'user.invite', { councilId: c.id, regionId: c.regionId })) || principal.isAdmin,
  });
}

export default function ManageHome() {
  const { councils, mayCreate, mayInvite } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('manage.title')}</h1>
      {mayCreate || mayInvite ? (
        <p>
          {mayCreate ? (
            <Link to="/manage/councils/new" className="button">
              {t('manage.newCouncil')}
            </Link>
          ) : null}{' '}
          {mayInvite ? (
            <Link to="/admin/invite" className="button">
              {t('admin.inviteFromRoster.nav')}
            </Link>
          ) : null}
        </p>
      ) : null}
      {councils.length === 0 ? (
        <p className="muted">{t('auth.account.none')}</p>
      ) : (
        <ul className="plain-list manage-list">
          {councils.map((c) => (
            <li key={c.id}>
              <Link to={`/manage/councils/${c.slug}`}>{councilLabel(localized(c, 'name', locale).text, localized(c, 'regionName', locale).text)}</Link>{' '}
              {c.roles.map((r) => (
                <span key={r} className="badge">
                  {t(`roles.${r}`)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
