import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { formatDateTime, helsinkiWallClock } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { listAudit } from '~/models/audit.server';
import { auditFilterSchema } from '~/validation/admin';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** Admins see everything; region admins their regions; secretaries their councils. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { principal } = await requireUser(request);
  const url = new URL(request.url);
  const filter = auditFilterSchema.parse(Object.fromEntries(url.searchParams));
  const secretaryOf = [...principal.councilRoles.entries()].filter(([, r]) => r.has('secretary')).map(([id]) => id);
  if (!principal.isAdmin && principal.regionAdmin.size === 0 && secretaryOf.length === 0) {
    throw new Response('Not found', { status: 404 });
  }
  const entries = await listAudit({
    councilIds: principal.isAdmin ? null : secretaryOf,
    regionIds: [...principal.regionAdmin],
    action: filter.action,
    entityType: filter.entityType,
    from: filter.from ? helsinkiWallClock(filter.from, '00:00') : undefined,
    to: filter.to ? new Date(helsinkiWallClock(filter.to, '00:00').getTime() + 86_400_000) : undefined,
    beforeId: filter.before,
    limit: 50,
  });
  return json({ entries, filter });
}

export default function AuditPage() {
  const { entries, filter } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const last = entries.at(-1);
  const olderParams = new URLSearchParams({
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(last ? { before: String(last.id) } : {}),
  });
  return (
    <>
      <h1>{t('admin.audit')}</h1>
      <p>{t('admin.auditPage.intro')}</p>
      <Form method="get" className="filters">
        <label>
          {t('admin.auditPage.actionFilter')}
          <input name="action" defaultValue={filter.action ?? ''} />
        </label>
        <label>
          {t('admin.auditPage.entityFilter')}
          <input name="entityType" defaultValue={filter.entityType ?? ''} />
        </label>
        <label>
          {t('admin.auditPage.from')}
          <input type="date" name="from" defaultValue={filter.from ?? ''} />
        </label>
        <label>
          {t('admin.auditPage.to')}
          <input type="date" name="to" defaultValue={filter.to ?? ''} />
        </label>
        <button type="submit">{t('admin.auditPage.filter')}</button>
      </Form>
      {entries.length === 0 ? (
        <p className="muted">{t('admin.auditPage.empty')}</p>
      ) : (
        <table>
          <caption>{t('admin.audit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.auditPage.when')}</th>
              <th scope="col">{t('admin.auditPage.who')}</th>
              <th scope="col">{t('admin.auditPage.action')}</th>
              <th scope="col">{t('admin.auditPage.target')}</th>
              <th scope="col">{t('admin.auditPage.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, locale)}</td>
                <td>
                  {e.actorLabel ?? '–'}
                  {e.ip ? <span className="muted"> ({e.ip})</span> : null}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.entityType} {e.entityId ? <code className="muted">{e.entityId.slice(0, 8)}</code> : null}
                </td>
                <td>
                  {e.changes ? <pre className="mail-body">{JSON.stringify(e.changes, null, 1)}</pre> : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length === 50 ? <Link to={`?${olderParams}`}>{t('admin.auditPage.older')}</Link> : null}
    </>
  );
}
