import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { clientIp, requireSameOrigin } from '~/auth/session.server';
import { ErrorList, Field } from '~/components/form';
import { LinkProblem } from '~/components/link-problem';
import { translatedReply } from '~/lib/forms.server';
import { getT } from '~/lib/t.server';
import { checkToken, resetPassword } from '~/models/users.server';
import { setPasswordSchema } from '~/validation/auth';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }, { name: 'referrer', content: 'no-referrer' }];

export async function loader({ params }: LoaderFunctionArgs) {
  const check = await checkToken(params.token ?? '', 'password_reset');
  return json({ status: check.status }, { status: check.status === 'valid' ? 200 : check.status === 'unknown' ? 404 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: setPasswordSchema });
  if (submission.status !== 'success') {
    return json({ result: translatedReply(submission, t, { hideFields: ['password', 'confirm'] }), status: 'valid' as const }, { status: 400 });
  }
  const outcome = await resetPassword(params.token ?? '', submission.value.password, clientIp(request));
  if (outcome.status !== 'reset') return json({ result: null, status: outcome.status }, { status: 410 });
  return redirect('/login?reset=1');
}

export default function ResetPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof setPasswordSchema>>({ lastResult: actionData?.result });
  const status = actionData?.status ?? data.status;
  if (status !== 'valid') return <LinkProblem status={status} kind="reset" />;
  return (
    <section aria-labelledby="reset-title">
      <h1 id="reset-title">{t('auth.reset.setTitle')}</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field meta={fields.password} label={t('auth.fields.newPassword')} type="password" autoComplete="new-password" hint={t('auth.fields.passwordHint')} />
        <Field meta={fields.confirm} label={t('auth.fields.confirmPassword')} type="password" autoComplete="new-password" />
        <div>
          <button type="submit">{t('auth.reset.submit')}</button>
        </div>
      </Form>
    </section>
  );
}
