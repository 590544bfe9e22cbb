import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorList, Field } from '~/components/form';
import { startSession } from '~/auth/lucia.server';
import { clientIp, getAuth, requireSameOrigin } from '~/auth/session.server';
import { translatedReply } from '~/lib/forms.server';
import { getT, safeRedirect } from '~/lib/t.server';
import { recordAudit } from '~/models/audit.server';
import { authenticate } from '~/models/users.server';
import { createChallenge, hasTotpEnabled } from '~/models/totp.server';
import { challengeCookie } from '~/auth/two-factor.server';
import { getDb } from '~db/client.server';
import { loginSchema } from '~/validation/auth';
import type { z } from 'zod';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), '/account');
  if (auth.user) throw redirect(redirectTo);
  // Arriving from an accepted invitation: say so, and what to do next.
  return json({ redirectTo, invited: url.searchParams.get('invited') === '1' });
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { t } = await getT(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== 'success') {
    return json({ result: translatedReply(submission, t, { hideFields: ['password'] }) }, { status: 400 });
  }
  const ip = clientIp(request);
  const result = await authenticate(submission.value.email, submission.value.password, ip);
  if (!result.ok) {
    const message = result.reason === 'rate_limited' ? t('auth.login.rateLimited') : t('auth.login.invalid');
    return json(
      { result: translatedReply(submission, t, { formErrors: [message], hideFields: ['password'] }) },
      { status: result.reason === 'rate_limited' ? 429 : 400 },
    );
  }
  const redirectTo = safeRedirect(submission.value.redirectTo, '/account');
  if (await hasTotpEnabled(result.user.id)) {
    // Password right; the session starts only after the second step.
    const token = await createChallenge(result.user.id, redirectTo);
    return redirect('/login/two-factor', { headers: { 'Set-Cookie': challengeCookie(token) } });
  }
  const { setCookie } = await startSession(result.user.id, { ip, userAgent: request.headers.get('user-agent') });
  await recordAudit(getDb(), { userId: result.user.id, label: result.user.email, ip }, { action: 'auth.login', entityType: 'user', entityId: result.user.id });
  return redirect(redirectTo, { headers: { 'Set-Cookie': setCookie } });
}

export default function LoginPage() {
  const { redirectTo, invited } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof loginSchema>>({ lastResult: actionData?.result, shouldValidate: 'onSubmit' });
  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.login.title')}</h1>
      {invited ? (
        <p role="status" className="notice">
          {t('ws.invite.accepted')}
        </p>
      ) : null}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field meta={fields.email} label={t('auth.login.email')} type="email" autoComplete="username" />
        <Field meta={fields.password} label={t('auth.login.password')} type="password" autoComplete="current-password" />
        <div>
          <button type="submit">{t('auth.login.submit')}</button>
        </div>
      </Form>
      <p>
        <Link to="/reset-password">{t('auth.login.forgot')}</Link>
      </p>
    </section>
  );
}
