import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/session.server';
import { formatDateTime } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { listOutbox } from '~/models/admin.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox.view');
  return json({ messages: await listOutbox({ limit: 100 }) });
}

/** The admin-only outbox: lets a new installation follow invitation links without SMTP. */
export default function OutboxPage() {
  const { messages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('admin.outbox')}</h1>
      <p>{t('admin.outboxPage.intro')}</p>
      {messages.length === 0 ? (
        <p className="muted">{t('admin.outboxPage.empty')}</p>
      ) : (
        messages.map((m) => (
          <details key={m.id} className="outbox-message">
            <summary>
              {formatDateTime(m.createdAt, locale)} · {m.toAddress} · {m.subject} ·{' '}
              {t(`admin.outboxPage.statuses.${m.status}`)}
              {m.icsMethod ? ` · iCalendar ${m.icsMethod}` : ''}
            </summary>
            <pre className="mail-body">{m.textBody}</pre>
          </details>
        ))
      )}
    </>
  );
}
