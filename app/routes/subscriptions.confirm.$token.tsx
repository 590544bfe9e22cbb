import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { SubscriptionLinkTrouble } from '~/components/subscription-link-trouble';
import { useTranslation } from 'react-i18next';
import { clientIp, requireSameOrigin } from '~/auth/session.server';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { CONFIRM_DAYS, confirmationContext, confirmSubscription, type TokenState } from '~/models/subscriptions.server';

export const meta: MetaFunction = () => [
  { title: 'Neuvos' },
  { name: 'robots', content: 'noindex' },
  { name: 'referrer', content: 'no-referrer' },
];
// The token is in the URL: keep it out of caches and out of Referer headers.
const HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
export const headers: HeadersFunction = () => HEADERS;
const STATUS: Record<TokenState, number> = { valid: 200, expired: 410, unknown: 404 };

/** Shows what is being confirmed and one button; opening the link changes nothing (mail scanners open links). */
export async function loader({ params }: LoaderFunctionArgs) {
  const context = await confirmationContext(params.token ?? '');
  return json({ ...context, days: CONFIRM_DAYS }, { status: STATUS[context.state], headers: HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const state = await confirmSubscription(params.token ?? '', { ip: clientIp(request) });
  return json({ state }, { status: STATUS[state], headers: HEADERS });
}

export default function ConfirmPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  if (actionData?.state === 'valid') {
    return (
      <section aria-labelledby="confirm-title" role="status">
        <h1 id="confirm-title">{t('notify.confirm.doneTitle')}</h1>
        <p>{t('notify.confirm.done')}</p>
        {data.state === 'valid' ? (
          <p>
            <Link to={`/councils/${data.council.slug}`}>{localized(data.council, 'name', locale).text}</Link>
          </p>
        ) : null}
      </section>
    );
  }
  const state = actionData?.state ?? data.state;
  if (state !== 'valid' || data.state !== 'valid')
    return <SubscriptionLinkTrouble state={state === 'valid' ? 'unknown' : state} days={data.days} />;
  return (
    <section aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t('notify.confirm.title')}</h1>
      <p>{t('notify.confirm.text', { council: localized(data.council, 'name', locale).text })}</p>
      <Form method="post">
        <button type="submit">{t('notify.confirm.button')}</button>
      </Form>
    </section>
  );
}
