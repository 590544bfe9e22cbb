import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { clientIp, requireSameOrigin } from '~/auth/session.server';
import { localized } from '~/lib/i18n';
import { useLocale } from '~/lib/use-locale';
import { unsubscribeContext, unsubscribeWithToken } from '~/models/subscriptions.server';
import { SubscriptionLinkTrouble } from '~/components/subscription-link-trouble';

export const meta: MetaFunction = () => [
  { title: 'Neuvos' },
  { name: 'robots', content: 'noindex' },
  { name: 'referrer', content: 'no-referrer' },
];
const HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
export const headers: HeadersFunction = () => HEADERS;

/**
 * The List-Unsubscribe address of a notice or reminder. GET shows a page with one button (mail
 * scanners open links, so reading changes nothing); POST unsubscribes at once: the page's
 * button, or a mail program's one-click POST (RFC 8058, body "List-Unsubscribe=One-Click").
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const context = await unsubscribeContext(params.token ?? '');
  return json(context, { status: context.state === 'valid' ? 200 : 404, headers: HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const outcome = await unsubscribeWithToken(params.token ?? '', { ip: clientIp(request) });
  return json({ outcome }, { status: outcome === 'done' ? 200 : 404, headers: HEADERS });
}

export default function UnsubscribePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const settings = (
    <p>
      {t('notify.unsubscribe.settingsHint')}{' '}
      <Link to="/account/notifications">{t('notify.unsubscribe.settingsLink')}</Link>
    </p>
  );
  if (actionData?.outcome === 'done') {
    return (
      <section aria-labelledby="unsubscribe-title" role="status">
        <h1 id="unsubscribe-title">{t('notify.unsubscribe.doneTitle')}</h1>
        <p>{t('notify.unsubscribe.done')}</p>
        {data.state === 'valid' && !data.council ? settings : null}
      </section>
    );
  }
  if (actionData?.outcome === 'unknown' || data.state !== 'valid') return <SubscriptionLinkTrouble state="unknown" />;
  const what =
    data.topic === 'publications'
      ? data.council
        ? t('notify.unsubscribe.publicationsOf', { council: localized(data.council, 'name', locale).text })
        : t('notify.unsubscribe.publications')
      : t(`notify.unsubscribe.${data.topic}`);
  return (
    <section aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t('notify.unsubscribe.title')}</h1>
      <p>{what}</p>
      <Form method="post">
        <button type="submit">{t('notify.unsubscribe.button')}</button>
      </Form>
      {data.council ? null : settings}
    </section>
  );
}
