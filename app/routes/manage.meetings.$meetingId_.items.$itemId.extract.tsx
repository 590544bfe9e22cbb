import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '~/lib/dates';
import { readForm } from '~/lib/http/body.server';
import { notFound } from '~/lib/http.server';
import { wakeWorkers } from '~/lib/queue/queue.server';
import { MAIL_QUEUE } from '~/lib/queue/queues';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { requireMeetingPermission } from '~/models/agendas.server';
import {
  addExtractRecipient,
  getDistribution,
  removeExtractRecipient,
  sendExtract,
  type DistributionOutcome,
} from '~/models/extracts.server';
import { distributionSchema } from '~/validation/practice';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.item.title} – Neuvos` : 'Neuvos' },
];

/** The secretary's page of one item's extract: its distribution list (tiedoksi), sending, and what was sent. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireMeetingPermission(request, params.meetingId, 'minutes.edit');
  const distribution = await getDistribution({ councilId: scope.councilId }, scope.meetingId, params.itemId ?? '');
  if (!distribution) notFound();
  return json(
    { meetingId: scope.meetingId, meetingTitle: scope.title, ...distribution },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

type Reply = { intent: string; message?: string; error?: string; fieldErrors?: Record<string, string> };

const REFUSALS: Record<
  Exclude<DistributionOutcome['status'], 'ok'>,
  { key: string; status: number; field?: string }
> = {
  not_found: { key: 'records.errors.notFound', status: 404 },
  duplicate: { key: 'practice.extract.errors.duplicate', status: 409, field: 'email' },
  full: { key: 'records.errors.tooLong', status: 400 },
  no_recipients: { key: 'practice.extract.errors.noRecipients', status: 400 },
  unpublished: { key: 'practice.extract.errors.notPublished', status: 409 },
  conflict: { key: 'practice.extract.errors.alreadySent', status: 409 },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, actor } = await requireMeetingPermission(request, params.meetingId, 'minutes.edit');
  const { t } = await getT(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: distributionSchema });
  const intent = String(formData.get('intent') ?? '');
  if (submission.status !== 'success') {
    const fieldErrors: Record<string, string> = {};
    for (const [key, messages] of Object.entries(submission.error ?? {}))
      if (messages?.[0]) fieldErrors[key] = t(messages[0]);
    return json<Reply>(
      { intent, error: Object.values(fieldErrors)[0] ?? t('records.errors.badForm'), fieldErrors },
      { status: 400 },
    );
  }
  const who = { councilId: scope.councilId, regionId: scope.regionId, actor };
  const itemId = params.itemId ?? '';
  const v = submission.value;
  const outcome =
    v.intent === 'add-recipient'
      ? await addExtractRecipient(who, scope.meetingId, itemId, { name: v.name, email: v.email })
      : v.intent === 'remove-recipient'
        ? await removeExtractRecipient(who, scope.meetingId, itemId, v.recipientId)
        : await sendExtract(who, scope.meetingId, itemId, v.sentBefore);
  if (outcome.status !== 'ok') {
    const refusal = REFUSALS[outcome.status];
    const message = t(refusal.key);
    return json<Reply>(
      { intent, error: message, fieldErrors: refusal.field ? { [refusal.field]: message } : undefined },
      { status: refusal.status },
    );
  }
  if (v.intent === 'send-extract') {
    wakeWorkers(MAIL_QUEUE);
    return json<Reply>({ intent, message: t('practice.extract.sentOk', { count: outcome.count ?? 0 }) });
  }
  return json<Reply>({
    intent,
    message: t(v.intent === 'add-recipient' ? 'practice.extract.added' : 'practice.extract.removed'),
  });
}

export default function ExtractDistributionPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const label = `${data.item.number ? `${data.item.number} ` : ''}${data.item.title}`;
  const addErrors = reply?.intent === 'add-recipient' ? (reply.fieldErrors ?? {}) : {};
  return (
    <>
      <p>
        <Link to={`/manage/meetings/${data.meetingId}/minutes?section=items`}>{data.meetingTitle}</Link>
        {data.published ? (
          <>
            {' · '}
            <Link to={`/meetings/${data.meetingId}/items/${data.item.id}/extract`}>{t('practice.extract.title')}</Link>
          </>
        ) : null}
      </p>
      <h1>{t('practice.extract.manageTitle', { item: label })}</h1>
      {reply?.message ? <p role="status">{reply.message}</p> : null}
      {reply?.error ? (
        <p role="alert" className="error-text">
          {reply.error}
        </p>
      ) : null}
      {!data.published ? <p className="notice">{t('practice.extract.errors.notPublished')}</p> : null}
      <section aria-labelledby="recipients-title">
        <h2 id="recipients-title">{t('practice.extract.distribution')}</h2>
        {data.recipients.length === 0 ? (
          <p className="muted">{t('practice.extract.noRecipients')}</p>
        ) : (
          <ul>
            {data.recipients.map((r) => (
              <li key={r.id}>
                <Form method="post" className="inline-form">
                  {r.name} &lt;{r.email}&gt; <input type="hidden" name="recipientId" value={r.id} />
                  <button type="submit" name="intent" value="remove-recipient">
                    {t('practice.extract.removeRecipient', { name: r.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add-recipient" />
          <div className="field">
            <label htmlFor="recipient-name">{t('practice.extract.recipientName')}</label>
            <input
              id="recipient-name"
              name="name"
              type="text"
              maxLength={200}
              required
              aria-invalid={addErrors.name ? true : undefined}
              aria-describedby={addErrors.name ? 'recipient-name-error' : undefined}
            />
            {addErrors.name ? (
              <p id="recipient-name-error" className="field-errors">
                {addErrors.name}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="recipient-email">{t('practice.extract.recipientEmail')}</label>
            <input
              id="recipient-email"
              name="email"
              type="email"
              autoComplete="off"
              maxLength={254}
              required
              aria-invalid={addErrors.email ? true : undefined}
              aria-describedby={addErrors.email ? 'recipient-email-error' : undefined}
            />
            {addErrors.email ? (
              <p id="recipient-email-error" className="field-errors">
                {addErrors.email}
              </p>
            ) : null}
          </div>
          <button type="submit">{t('practice.extract.addRecipient')}</button>
        </Form>
      </section>
      {data.published && data.recipients.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="sentBefore" value={data.sentCount} />
          <button type="submit" name="intent" value="send-extract">
            {t('practice.extract.send')}
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="sendings-title">
        <h2 id="sendings-title">{t('practice.extract.sendings')}</h2>
        {data.sendings.length === 0 ? (
          <p className="muted">{t('practice.extract.noSendings')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('practice.extract.sentAt')}</th>
                <th scope="col">{t('practice.extract.sentTo')}</th>
                <th scope="col">{t('practice.extract.sentBy')}</th>
                <th scope="col">{t('records.versionN', { n: '' }).trim()}</th>
              </tr>
            </thead>
            <tbody>
              {data.sendings.map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.sentAt, locale)}</td>
                  <td>
                    {s.recipientName} &lt;{s.recipientEmail}&gt;
                  </td>
                  <td>{s.sentBy ?? '–'}</td>
                  <td>{s.versionNo}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
