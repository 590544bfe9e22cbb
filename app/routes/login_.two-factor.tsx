import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { startSession } from '~/auth/lucia.server';
import { clientIp, getAuth, requireSameOrigin } from '~/auth/session.server';
import { challengeCookie, readChallengeToken } from '~/auth/two-factor.server';
import { readForm } from '~/lib/http/body.server';
import { completeChallenge, findChallenge } from '~/models/totp.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** The second sign-in step: only reachable with a live pending sign-in from /login. */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  if (auth.user) throw redirect('/account');
  const challenge = await findChallenge(readChallengeToken(request));
  if (!challenge) throw redirect('/login', { headers: { 'Set-Cookie': challengeCookie(null) } });
  return json({});
}

type ActionData = { error: 'invalidCode' | 'rateLimited' | 'expired' };

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const form = await readForm(request);
  const code = String(form.get('code') ?? '').trim().slice(0, 100);
  const ip = clientIp(request);
  const result = await completeChallenge(readChallengeToken(request), code, { label: null, ip });
  if (!result.ok) {
    if (result.reason === 'expired') {
      return json<ActionData>({ error: 'expired' }, { status: 400, headers: { 'Set-Cookie': challengeCookie(null) } });
    }
    const rateLimited = result.reason === 'rate_limited';
    return json<ActionData>({ error: rateLimited ? 'rateLimited' : 'invalidCode' }, { status: rateLimited ? 429 : 400 });
  }
  const { setCookie } = await startSession(result.userId, { ip, userAgent: request.headers.get('user-agent') });
  const headers = new Headers();
  headers.append('Set-Cookie', challengeCookie(null));
  headers.append('Set-Cookie', setCookie);
  return redirect(result.redirectTo, { headers });
}

export default function TwoFactorStepPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const error = actionData?.error;
  return (
    <section aria-labelledby="totp-step-title" className="stack">
      <h1 id="totp-step-title">{t('totp.stepTitle')}</h1>
      {error === 'expired' ? (
        <p role="alert">
          {t('totp.expired')} <Link to="/login">{t('totp.backToLogin')}</Link>
        </p>
      ) : (
        <>
          <p>{t('totp.stepIntro')}</p>
          <Form method="post" className="stack">
            <div className="field">
              <label htmlFor="totp-step-code">{t('totp.stepCode')}</label>
              <input
                id="totp-step-code"
                name="code"
                type="text"
                autoComplete="one-time-code"
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'totp-step-error' : undefined}
              />
              {error ? (
                <p id="totp-step-error" className="field-error" role="alert">
                  {t(`totp.${error}`)}
                </p>
              ) : null}
            </div>
            <div>
              <button type="submit">{t('totp.stepSubmit')}</button>
            </div>
          </Form>
          <p>
            <Link to="/login">{t('totp.backToLogin')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
