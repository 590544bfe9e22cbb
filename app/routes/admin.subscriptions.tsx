import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/session.server';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { subscriptionCounts } from '~/models/subscriptions.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** Email subscriptions per council: counts only, never an address. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox.view');
  return json({ rows: await subscriptionCounts() });
}

export default function SubscriptionCountsPage() {
  const { rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('notify.admin.title')}</h1>
      <p>{t('notify.admin.intro')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('notify.admin.none')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('notify.admin.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notify.admin.council')}</th>
              <th scope="col">{t('notify.admin.active')}</th>
              <th scope="col">{t('notify.admin.pending')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.slug}>
                <td>
                  <Link to={`/councils/${r.slug}`}>{localized(r, 'name', locale).text}</Link>
                </td>
                <td>{r.active}</td>
                <td>{r.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
