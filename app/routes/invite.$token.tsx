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
import { acceptInvitation, checkToken } from '~/models/users.server';
import { acceptInvitationSchema } from '~/validation/auth';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }, { name: 'referrer', content: 'no-referrer' }];

export async function loader({ params }: LoaderFunctionArgs) {
  const check = await checkToken(params.token ?? '', 'invitation');
  if (check.status !== 'valid') return json({ status: check.status, email: null }, { status: check.status === 'unknown' ? 404 : 410 });
  return json({ status: 'valid' as const, email: check.token.email });
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: acceptInvitationSchema });
  if (submission.status !== 'success') {
    return json({ result: translatedReply(submission, t, { hideFields: ['password', 'confirm'] }), status: 'valid' as const }, { status: 400 });
  }
  const outcome = await acceptInvitation(params.token ?? '', { ...submission.value, ip: clientIp(request) });
  if (outcome.status !== 'accepted') return json({ result: null, status: outcome.status }, { status: 410 });
  return redirect('/login?invited=1');
}

export default function InvitePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof acceptInvitationSchema>>({ lastResult: actionData?.result });
  const status = actionData?.status ?? data.status;
  if (status !== 'valid') return <LinkProblem status={status} kind="invitation" />;
  return (
    <section aria-labelledby="invite-title">
      <h1 id="invite-title">{t('auth.invite.title')}</h1>
      <p>{t('auth.invite.intro', { email: data.email })}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field meta={fields.displayName} label={t('auth.fields.displayName')} autoComplete="name" />
        <Field meta={fields.password} label={t('auth.fields.newPassword')} type="password" autoComplete="new-password" hint={t('auth.fields.passwordHint')} />
        <Field meta={fields.confirm} label={t('auth.fields.confirmPassword')} type="password" autoComplete="new-password" />
        <div>
          <button type="submit">{t('auth.invite.submit')}</button>
        </div>
      </Form>
    </section>
  );
}
