import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { clientIp, requireSameOrigin } from '~/auth/session.server';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { translatedReply } from '~/lib/forms.server';
import { sendMail } from '~/lib/mail.server';
import { getT, safeRedirect } from '~/lib/t.server';
import { recordAudit } from '~/models/audit.server';
import { listAdminEmails, saveFeedback } from '~/models/portal.server';
import { hitRateLimit, LIMITS } from '~/models/rate-limit.server';
import { feedbackSchema } from '~/validation/portal';
import { getDb } from '~db/client.server';
import { readForm } from '~/lib/http/body.server';

export const meta: MetaFunction = () => [{ title: 'Palaute – Neuvos' }];

export function loader({ request }: LoaderFunctionArgs) {
  return json({ page: safeRedirect(new URL(request.url).searchParams.get('page'), '') });
}

/** Feedback from anyone, stored and emailed to the installation admins. */
export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: feedbackSchema });
  if (submission.status !== 'success') return json({ result: translatedReply(submission, t), sent: false }, { status: 400 });
  const ip = clientIp(request);
  if (!(await hitRateLimit('feedback:ip', ip ?? 'unknown', LIMITS.feedbackPerIp))) {
    return json({ result: translatedReply(submission, t, { formErrors: [t('portal.feedback.rateLimited')] }), sent: false }, { status: 429 });
  }
  const { name, email, pageUrl, message } = submission.value;
  const id = await saveFeedback({ name, email, pageUrl, message });
  await recordAudit(getDb(), { userId: null, label: null, ip }, { action: 'feedback.create', entityType: 'feedback', entityId: id });
  const admins = await listAdminEmails();
  for (const to of admins) {
    await sendMail({ to, subject: t('portal.feedback.mailSubject'), text: `${message}\n\n— ${name ?? ''} ${email ?? ''}\n${pageUrl ?? ''}` });
  }
  return json({ result: translatedReply(submission, t, { resetForm: true }), sent: true });
}

export default function FeedbackPage() {
  const { page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof feedbackSchema>>({ lastResult: actionData?.result, defaultValue: { pageUrl: page } });
  return (
    <section aria-labelledby="feedback-title">
      <h1 id="feedback-title">{t('portal.feedback.title')}</h1>
      {actionData?.sent ? <p role="status">{t('portal.feedback.thanks')}</p> : <p>{t('portal.feedback.intro')}</p>}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <TextareaField meta={fields.message} label={t('portal.feedback.message')} rows={8} />
        <Field meta={fields.name} label={t('portal.feedback.name')} autoComplete="name" />
        <Field meta={fields.email} label={t('portal.feedback.email')} type="email" autoComplete="email" />
        <Field meta={fields.pageUrl} label={t('portal.feedback.page')} />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="website">Website</label>
          <input id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <div>
          <button type="submit">{t('portal.feedback.submit')}</button>
        </div>
      </Form>
    </section>
  );
}
