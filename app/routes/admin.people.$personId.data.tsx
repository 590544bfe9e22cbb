import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/session.server';
import { ErrorList } from '~/components/form';
import { readForm } from '~/lib/http/body.server';
import { getT } from '~/lib/t.server';
import { isUuid } from '~/models/councils.server';
import { erasePerson, getDataSubject } from '~/models/gdpr.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

const CONFIRM_WORD = 'POISTA';

async function subjectOr404(request: Request, personId: string | undefined) {
  const auth = await requirePermission(request, 'person.gdpr');
  if (!isUuid(personId)) throw new Response('Not found', { status: 404 });
  const subject = await getDataSubject(personId);
  if (!subject) throw new Response('Not found', { status: 404 });
  return { auth, subject };
}

/** Issue 14.4: a person's data for the admin: the JSON export and erasure. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { subject } = await subjectOr404(request, params.personId);
  return json({
    person: { id: subject.person.id, name: `${subject.person.givenName} ${subject.person.familyName}` },
    hasAccount: subject.user !== null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, subject } = await subjectOr404(request, params.personId);
  const { t } = await getT(request);
  const form = await readForm(request);
  if (form.get('intent') !== 'erase') return json({ ok: false, error: null, confirmError: null }, { status: 400 });
  if (String(form.get('confirm') ?? '').trim() !== CONFIRM_WORD) {
    return json({ ok: false, error: null, confirmError: t('lifecycle.gdpr.confirmWrong') }, { status: 400 });
  }
  const outcome = await erasePerson(auth.actor, subject.person.id);
  if (outcome.status === 'not_found') throw new Response('Not found', { status: 404 });
  if (outcome.status === 'last_admin')
    return json({ ok: false, error: t('lifecycle.gdpr.lastAdmin'), confirmError: null }, { status: 409 });
  return json({ ok: true, error: null, confirmError: null });
}

export default function PersonDataPage() {
  const { person } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('lifecycle.gdpr.title', { name: person.name })}</h1>
      <p>{t('lifecycle.gdpr.intro')}</p>
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t('lifecycle.gdpr.erased')}
        </p>
      ) : null}
      <ErrorList errors={actionData?.error ? [actionData.error] : null} />
      <p>
        <a href={`/admin/people/${person.id}/data.json`} download>
          {t('lifecycle.gdpr.export')}
        </a>
      </p>
      <h2 id="erase-title">{t('lifecycle.gdpr.erase')}</h2>
      <p id="erase-hint">{t('lifecycle.gdpr.eraseHint')}</p>
      <Form method="post" className="stack" aria-labelledby="erase-title">
        <input type="hidden" name="intent" value="erase" />
        <div className="field">
          <label htmlFor="erase-confirm">{t('lifecycle.gdpr.confirm')}</label>
          <input
            id="erase-confirm"
            name="confirm"
            type="text"
            autoComplete="off"
            aria-describedby={actionData?.confirmError ? 'erase-hint erase-confirm-error' : 'erase-hint'}
          />
          <ErrorList id="erase-confirm-error" errors={actionData?.confirmError ? [actionData.confirmError] : null} />
        </div>
        <div>
          <button type="submit" className="danger">
            {t('lifecycle.gdpr.erase')}
          </button>
        </div>
      </Form>
    </>
  );
}
