import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { formatMeetingTime } from '~/lib/dates';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { requireMeetingPermission } from '~/models/agendas.server';
import { confirmAsChecker, getVersionScope, listPendingChecks } from '~/models/minutes.server';
import { confirmSchema, refusalKey } from '~/validation/records';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** Minutes waiting for the signed-in person's confirmation as a checker. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const pending = user.personId ? await listPendingChecks(user.personId) : [];
  return json({ pending }, { headers: { 'Cache-Control': 'no-store' } });
}

type Reply = { message?: string; error?: string };

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: confirmSchema });
  if (submission.status !== 'success') return json<Reply>({ error: t('records.errors.badForm') }, { status: 400 });
  const scope = await getVersionScope(submission.value.versionId);
  if (!scope) throw new Response('Not found', { status: 404 });
  // The right follows the meeting (chosen as its checker, or a member on its date), not today's roster.
  const auth = await requireMeetingPermission(request, scope.meetingId, 'minutes.check');
  // The person is the signed-in user's own; the model checks they were chosen for this version.
  const outcome = await confirmAsChecker(auth.actor, { versionId: scope.versionId, personId: user.personId, councilId: scope.councilId, regionId: scope.regionId });
  if (outcome.status !== 'ok') return json<Reply>({ error: t(refusalKey(outcome.status)) }, { status: outcome.status === 'not_checker' ? 403 : 400 });
  return json<Reply>({ message: t('records.checks.confirmed') });
}

export default function MyChecksPage() {
  const { pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t('records.checks.title')}</h1>
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {actionData?.error ? (
        <p role="alert" className="error-text">
          {actionData.error}
        </p>
      ) : null}
      {pending.length === 0 ? (
        <p className="muted">{t('records.checks.none')}</p>
      ) : (
        <>
          <p>{t('records.checks.intro')}</p>
          <table>
            <caption>{t('records.checks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('records.checks.meeting')}</th>
                <th scope="col">{t('records.checks.council')}</th>
                <th scope="col">{t('records.checks.action')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((p) => (
                <tr key={p.versionId}>
                  <td>
                    {p.meetingTitle}
                    <br />
                    <span className="muted">{formatMeetingTime(p.startsAt, p.endsAt, locale)}</span>
                    <br />
                    <span className="badge">{t('records.versionN', { n: p.versionNo })}</span>
                  </td>
                  <td>{localized({ nameFi: p.councilNameFi, nameSv: p.councilNameSv, nameEn: p.councilNameEn }, 'name', locale).text}</td>
                  <td>
                    <p>
                      <Link to={`/meetings/${p.meetingId}/members`}>{t('records.checks.read')}</Link>
                    </p>
                    <Form method="post">
                      <input type="hidden" name="versionId" value={p.versionId} />
                      <button type="submit" name="intent" value="confirm">
                        {t('records.checks.confirm')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
