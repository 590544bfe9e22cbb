import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/session.server';
import { readForm } from '~/lib/http/body.server';
import { getNotificationSettings, saveNotificationSettings } from '~/models/subscriptions.server';
import { notificationSettingsSchema } from '~/validation/notify';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

const TOPICS = ['publications', 'meeting_reminders', 'milestone_reminders'] as const;

/** Which notices and reminders the signed-in user gets (their account's and their person's address). */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, 'account.use');
  const settings = await getNotificationSettings(auth.user.id);
  return json(settings, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, 'account.use');
  const submission = parseWithZod(await readForm(request), { schema: notificationSettingsSchema });
  if (submission.status !== 'success') return json({ ok: false }, { status: 400 });
  await saveNotificationSettings(auth.user.id, submission.value, auth.actor);
  return redirect('/account/notifications?saved=1');
}

export default function NotificationSettingsPage() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('notify.settings.title')}</h1>
      {params.get('saved') ? <p role="status">{t('notify.settings.saved')}</p> : null}
      {data.addresses.length === 0 ? (
        <p className="muted">{t('notify.settings.noAddress')}</p>
      ) : (
        <>
          <p>{t('notify.settings.intro', { addresses: data.addresses.join(', ') })}</p>
          <Form method="post" className="stack">
            <fieldset>
              <legend>{t('notify.settings.legend')}</legend>
              {TOPICS.map((topic) => (
                <div key={topic} className="field checkbox">
                  <input type="checkbox" id={`notify-${topic}`} name={topic} defaultChecked={data.enabled[topic]} />
                  <label htmlFor={`notify-${topic}`}>{t(`notify.settings.${topic}`)}</label>
                </div>
              ))}
            </fieldset>
            <div>
              <button type="submit">{t('notify.settings.save')}</button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
