import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { formatDateTime } from '~/lib/dates';
import { absoluteUrl } from '~/lib/url.server';
import { useLocale } from '~/lib/use-locale';
import { createFeedToken, getFeedTokenStatus, revokeFeedTokens } from '~/models/feeds.server';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const status = await getFeedTokenStatus(user.id);
  return json({ since: status?.createdAt ?? null }, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireUser(request);
  const intent = (await readForm(request)).get('intent');
  if (intent === 'revoke') {
    await revokeFeedTokens(user.id, actor);
    return json({ url: null, revoked: true }, { headers: { 'Cache-Control': 'no-store' } });
  }
  if (intent !== 'create') return json({ url: null, revoked: false }, { status: 400 });
  const token = await createFeedToken(user.id, actor);
  // The full URL is shown this once; only its hash is stored.
  return json({ url: absoluteUrl(request, `/calendar/${token}.ics`), revoked: false }, { headers: { 'Cache-Control': 'no-store' } });
}

export default function MyCalendarPage() {
  const { since } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('calendar.feed.title')}</h1>
      <p>{t('calendar.feed.intro')}</p>
      {actionData?.url ? (
        <div role="status" className="notice">
          <p>{t('calendar.feed.newUrl')}</p>
          <label htmlFor="feed-url">{t('calendar.feed.urlLabel')}</label>
          <input id="feed-url" type="text" readOnly value={actionData.url} onFocus={(e) => e.currentTarget.select()} />
          <p className="muted">{t('calendar.feed.howTo')}</p>
        </div>
      ) : null}
      {actionData?.revoked ? <p role="status">{t('calendar.feed.revoked')}</p> : null}
      {since ? (
        <>
          {actionData?.url ? null : <p>{t('calendar.feed.active', { date: formatDateTime(since, locale) })}</p>}
          <Form method="post" className="button-row">
            <button type="submit" name="intent" value="create">{t('calendar.feed.regenerate')}</button>{' '}
            <button type="submit" name="intent" value="revoke" className="secondary">{t('calendar.feed.revoke')}</button>
          </Form>
        </>
      ) : (
        <>
          <p className="muted">{t('calendar.feed.none')}</p>
          <Form method="post">
            <button type="submit" name="intent" value="create">{t('calendar.feed.create')}</button>
          </Form>
        </>
      )}
    </>
  );
}
