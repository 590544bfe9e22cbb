import { readForm } from '~/lib/http/body.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/session.server';
import { formatDateTime } from '~/lib/dates';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { isUuid } from '~/models/councils.server';
import { listOutbox, resendFailed } from '~/models/outbox.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox.view');
  return json({ messages: await listOutbox({ limit: 100 }) });
}

/** Puts one failed message back in the queue (admin only; audited). */
export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, 'outbox.view');
  const { t } = await getT(request);
  const id = String((await readForm(request)).get('messageId') ?? '');
  if (!isUuid(id)) return json({ message: t('mail.delivery.nothingToResend') }, { status: 400 });
  const count = await resendFailed({ ids: [id] }, auth.actor);
  return json({ message: count > 0 ? t('mail.outbox.resent') : t('mail.delivery.nothingToResend') });
}

/** The admin's outbox: every message with its delivery state; failed ones can be resent. */
export default function OutboxPage() {
  const { messages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('admin.outbox')}</h1>
      <p>{t('admin.outboxPage.intro')}</p>
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {messages.length === 0 ? (
        <p className="muted">{t('admin.outboxPage.empty')}</p>
      ) : (
        messages.map((m) => (
          <details key={m.id} className="outbox-message">
            <summary>
              {formatDateTime(m.createdAt, locale)} · {m.toAddress} · {m.subject} · {t(`admin.outboxPage.statuses.${m.status}`)}
              {m.attempts > 1 ? ` · ${t('mail.outbox.attempts', { count: m.attempts })}` : ''}
              {m.icsMethod ? ` · iCalendar ${m.icsMethod}` : ''}
            </summary>
            {m.error && m.status !== 'sent' && m.status !== 'stored' ? <p className="error-text">{m.error}</p> : null}
            {m.status === 'failed' ? (
              <Form method="post">
                <input type="hidden" name="messageId" value={m.id} />
                <button type="submit">{t('mail.outbox.resend')}</button>
              </Form>
            ) : null}
            <pre className="mail-body">{m.textBody}</pre>
          </details>
        ))
      )}
    </>
  );
}
