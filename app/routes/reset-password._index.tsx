import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { clientIp, requireSameOrigin } from '~/auth/session.server';
import { ErrorList, Field } from '~/components/form';
import { translatedReply } from '~/lib/forms.server';
import { sendMail } from '~/lib/mail.server';
import { getT } from '~/lib/t.server';
import { absoluteUrl } from '~/lib/url.server';
import { RESET_HOURS, requestPasswordReset } from '~/models/users.server';
import { resetRequestSchema } from '~/validation/auth';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: resetRequestSchema });
  if (submission.status !== 'success') return json({ result: translatedReply(submission, t), sent: false }, { status: 400 });
  const created = await requestPasswordReset(submission.value.email, clientIp(request));
  if (created) {
    await sendMail({
      to: created.email,
      subject: t('auth.reset.mailSubject'),
      text: t('auth.reset.mailText', { url: absoluteUrl(request, `/reset-password/${created.token}`), hours: RESET_HOURS }),
    });
  }
  // The same answer whether or not the account exists.
  return json({ result: translatedReply(submission, t, { resetForm: true }), sent: true });
}

export default function ResetRequestPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof resetRequestSchema>>({ lastResult: actionData?.result });
  return (
    <section aria-labelledby="reset-title">
      <h1 id="reset-title">{t('auth.reset.title')}</h1>
      {actionData?.sent ? (
        <p role="status">{t('auth.reset.sent')}</p>
      ) : (
        <>
          <p>{t('auth.reset.requestIntro')}</p>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <ErrorList id={form.errorId} errors={form.errors} />
            <Field meta={fields.email} label={t('auth.login.email')} type="email" autoComplete="email" />
            <div>
              <button type="submit">{t('auth.reset.request')}</button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
