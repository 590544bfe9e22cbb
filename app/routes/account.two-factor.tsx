import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/session.server';
import { readForm } from '~/lib/http/body.server';
import { confirmEnrolment, disableTotp, getTotpStatus, passwordMatches, regenerateRecoveryCodes, startEnrolment, totpAuthUri, type TotpWrite } from '~/models/totp.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'account.use');
  const status = await getTotpStatus(user.id);
  const params = new URL(request.url).searchParams;
  let qrSvg: string | null = null;
  if (status.pendingSecret) {
    qrSvg = await QRCode.toString(totpAuthUri(status.pendingSecret, user.email), { type: 'svg', margin: 1, width: 240 });
  }
  return json({
    enabled: status.enabled,
    pendingSecret: status.pendingSecret,
    qrSvg,
    recoveryCodesLeft: status.recoveryCodesLeft,
    required: params.get('required') === '1',
    done: params.get('done'),
  });
}

type ActionData = { intent: string; error?: 'invalidCode' | 'rateLimited'; recoveryCodes?: string[] };

function reply(intent: string, result: TotpWrite) {
  if (result.ok) return json<ActionData>({ intent, recoveryCodes: result.recoveryCodes });
  const error = result.reason === 'rate_limited' ? 'rateLimited' : 'invalidCode';
  return json<ActionData>({ intent, error }, { status: result.reason === 'rate_limited' ? 429 : 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requirePermission(request, 'account.use');
  const form = await readForm(request);
  const intent = String(form.get('intent') ?? '');
  const code = String(form.get('code') ?? '').trim().slice(0, 300);
  switch (intent) {
    case 'start':
      await startEnrolment(user.id);
      return redirect('/account/two-factor');
    case 'confirm':
      return reply(intent, await confirmEnrolment(user.id, code, actor));
    case 'regenerate':
      return reply(intent, await regenerateRecoveryCodes(user.id, code, actor));
    case 'disable': {
      // A six-digit answer is a code; anything else is taken as the password.
      const result = /^\d{6}$/.test(code)
        ? await disableTotp(user.id, { code }, actor)
        : (await passwordMatches(user.id, code))
          ? await disableTotp(user.id, { passwordChecked: true }, actor)
          : ({ ok: false, reason: 'invalid_code' } as const);
      if (result.ok) return redirect('/account/two-factor?done=disabled');
      return reply(intent, result);
    }
    default:
      throw new Response('Bad request', { status: 400 });
  }
}

function CodeForm({ intent, label, submit, error, password }: { intent: string; label: string; submit: string; error?: string; password?: boolean }) {
  const id = `totp-${intent}-code`;
  const errorId = `${id}-error`;
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value={intent} />
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name="code"
          type={password ? 'password' : 'text'}
          inputMode={password ? undefined : 'numeric'}
          autoComplete={password ? 'current-password' : 'one-time-code'}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" className={intent === 'disable' ? 'secondary' : undefined}>
          {submit}
        </button>
      </div>
    </Form>
  );
}

export default function TwoFactorPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errorFor = (intent: string) => (actionData?.intent === intent && actionData.error ? t(`totp.${actionData.error}`) : undefined);
  const codes = actionData && 'recoveryCodes' in actionData ? actionData.recoveryCodes : undefined;
  return (
    <section aria-labelledby="totp-title" className="stack">
      <h1 id="totp-title">{t('totp.title')}</h1>
      {data.required && !data.enabled ? (
        <p className="notice" role="status">
          {t('totp.required')}
        </p>
      ) : null}
      {data.done === 'disabled' ? <p role="status">{t('totp.disabled')}</p> : null}
      <p>{t('totp.intro')}</p>
      {codes ? (
        <section aria-labelledby="totp-recovery-title">
          {actionData?.intent === 'confirm' ? <p role="status">{t('totp.enabled')}</p> : null}
          <h2 id="totp-recovery-title">{t('totp.recoveryTitle')}</h2>
          <p>{t('totp.recoveryIntro')}</p>
          <ul className="recovery-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.enabled ? (
        <>
          <p>{t('totp.statusOn')}</p>
          <p>{t('totp.recoveryLeft', { count: data.recoveryCodesLeft })}</p>
          <h2>{t('totp.regenerate')}</h2>
          <p>{t('totp.regenerateIntro')}</p>
          <CodeForm intent="regenerate" label={t('totp.code')} submit={t('totp.regenerate')} error={errorFor('regenerate')} />
          <h2>{t('totp.disable')}</h2>
          <p>{t('totp.disableIntro')}</p>
          <CodeForm intent="disable" label={t('totp.codeOrPassword')} submit={t('totp.disable')} error={errorFor('disable')} password />
        </>
      ) : data.pendingSecret && data.qrSvg ? (
        <>
          <p>{t('totp.scan')}</p>
          <figure role="img" aria-label={t('totp.qrLabel')} className="totp-qr" dangerouslySetInnerHTML={{ __html: data.qrSvg }} />
          <p>
            {t('totp.secret')}: <code>{data.pendingSecret}</code>
          </p>
          <CodeForm intent="confirm" label={t('totp.code')} submit={t('totp.confirm')} error={errorFor('confirm')} />
        </>
      ) : (
        <>
          <p>{t('totp.statusOff')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <button type="submit">{t('totp.start')}</button>
          </Form>
        </>
      )}
    </section>
  );
}
