import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/session.server';
import { formatDateTime } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { listFeedback } from '~/models/admin.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'feedback.view');
  return json({ messages: await listFeedback(200) });
}

export default function FeedbackListPage() {
  const { messages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('portal.feedback.listTitle')}</h1>
      {messages.length === 0 ? <p className="muted">{t('portal.feedback.empty')}</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="feedback-item">
          <h2 className="h3">
            {formatDateTime(m.createdAt, locale)} · {m.name ?? '–'} {m.email ? `<${m.email}>` : ''}
          </h2>
          {m.pageUrl ? <p className="muted">{m.pageUrl}</p> : null}
          <p className="mail-body">{m.message}</p>
        </article>
      ))}
    </>
  );
}
