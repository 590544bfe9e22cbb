import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { can } from '~/auth/permissions';
import { requireUser } from '~/auth/session.server';
import { ErrorList, Field } from '~/components/form';
import { translatedReply } from '~/lib/forms.server';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { createPerson, getPersonInScope, listPeople, peopleScopeFor, regionsInScope, updatePerson } from '~/models/people.server';
import { personEditSchema, personSchema } from '~/validation/roster';
import { readForm } from '~/lib/http/body.server';
import { queryText } from '~/lib/http/params';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** Only people who keep a roster see the register (it holds contact details). */
async function scopeOf(request: Request) {
  const auth = await requireUser(request);
  const scope = await peopleScopeFor(auth.principal);
  if (scope !== null && scope.length === 0) throw new Response('Not found', { status: 404 });
  return { ...auth, scope };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, principal } = await scopeOf(request);
  const url = new URL(request.url);
  const q = queryText(url.searchParams.get('q'), 100);
  const [people, regions, editing] = await Promise.all([
    listPeople(scope, q || undefined),
    regionsInScope(scope),
    url.searchParams.get('edit') ? getPersonInScope(url.searchParams.get('edit')!, scope) : Promise.resolve(null),
  ]);
  // Issue 14.4: admins reach a person's GDPR page (export, erasure) from here.
  const mayGdpr = can(principal, 'person.gdpr');
  return json({ people, regions, q, editing, mayGdpr }, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope, actor } = await scopeOf(request);
  const { t } = await getT(request);
  const formData = await readForm(request);
  const regions = await regionsInScope(scope);
  const regionField = formData.get('regionId');
  const regionId = regions.find((r) => r.id === regionField)?.id ?? (regions.length === 1 ? regions[0]!.id : null);
  if (formData.get('intent') === 'update') {
    const submission = parseWithZod(formData, { schema: personEditSchema });
    if (submission.status !== 'success') return json({ intent: 'update', result: translatedReply(submission, t), duplicates: [], created: false }, { status: 400 });
    const result = await updatePerson(actor, submission.value, scope, regionId);
    if (!result.ok) {
      if ('notFound' in result) throw new Response('Not found', { status: 404 });
      const options = 'conflict' in result ? { formErrors: [t('roster.errors.conflict')] } : { fieldErrors: result.fieldErrors };
      return json({ intent: 'update', result: translatedReply(submission, t, options), duplicates: [], created: false }, { status: 'conflict' in result ? 409 : 400 });
    }
    return json({ intent: 'update', result: translatedReply(submission, t), duplicates: [], created: true });
  }
  const submission = parseWithZod(formData, { schema: personSchema });
  if (submission.status !== 'success') return json({ intent: 'create', result: translatedReply(submission, t), duplicates: [], created: false }, { status: 400 });
  const result = await createPerson(actor, submission.value, regionId);
  if (!result.ok) {
    return json({ intent: 'create', result: translatedReply(submission, t, { fieldErrors: result.fieldErrors }), duplicates: result.duplicates ?? [], created: false }, { status: 400 });
  }
  return json({ intent: 'create', result: translatedReply(submission, t, { resetForm: true }), duplicates: [], created: true });
}

export default function PeoplePage() {
  const { people, regions, q, editing, mayGdpr } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, fields] = useForm<z.input<typeof personSchema>>({ id: 'person-new', lastResult: actionData?.intent === 'create' ? actionData.result : undefined });
  const [editForm, editFields] = useForm<z.input<typeof personEditSchema>>({
    id: `person-${editing?.id ?? 'none'}`,
    lastResult: actionData?.intent === 'update' ? actionData.result : undefined,
    defaultValue: editing
      ? { personId: editing.id, givenName: editing.givenName, familyName: editing.familyName, email: editing.email ?? '', phone: editing.phone ?? '', organisation: editing.organisationName ?? '', lockVersion: String(editing.lockVersion) }
      : undefined,
  });
  const regionSelect =
    regions.length > 1 ? (
      <div className="field">
        <label htmlFor="person-region">{t('roster.people.region')}</label>
        <select id="person-region" name="regionId">
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {localized(r, 'name', locale).text}
            </option>
          ))}
        </select>
      </div>
    ) : null;
  return (
    <>
      <h1>{t('roster.people.title')}</h1>
      <p className="muted">{t('roster.people.privacy')}</p>
      {actionData?.created ? <p role="status">{t('roster.saved')}</p> : null}
      <Form method="get" className="filters" role="search">
        <label>
          {t('roster.people.search')}
          <input type="search" name="q" defaultValue={q} />
        </label>
        <button type="submit" className="secondary">
          {t('roster.people.searchButton')}
        </button>
      </Form>
      <table>
        <caption>{t('roster.people.caption', { count: people.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.history.person')}</th>
            <th scope="col">{t('roster.assign.organisation')}</th>
            <th scope="col">{t('roster.people.email')}</th>
            <th scope="col">{t('roster.people.phone')}</th>
            <th scope="col">{t('roster.terms.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.familyName}, {p.givenName}
              </th>
              <td>{p.organisationName ?? ''}</td>
              <td>{p.email ?? ''}</td>
              <td>{p.phone ?? ''}</td>
              <td>
                <Link to={`?edit=${p.id}${q ? `&q=${encodeURIComponent(q)}` : ''}#edit-title`} aria-label={t('roster.people.editLabel', { name: `${p.givenName} ${p.familyName}` })}>
                  {t('roster.people.edit')}
                </Link>
                {mayGdpr ? (
                  <>
                    {' · '}
                    <Link to={`/admin/people/${p.id}/data`} aria-label={`${t('lifecycle.gdpr.link')}: ${p.givenName} ${p.familyName}`}>
                      {t('lifecycle.gdpr.link')}
                    </Link>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {editing ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t('roster.people.editTitle', { name: `${editing.givenName} ${editing.familyName}` })}</h2>
          <Form method="post" className="stack" {...getFormProps(editForm)}>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="personId" value={editing.id} />
            <input type="hidden" name="lockVersion" value={editing.lockVersion} />
            <ErrorList id={editForm.errorId} errors={editForm.errors} />
            <Field meta={editFields.givenName} label={t('roster.people.givenName')} />
            <Field meta={editFields.familyName} label={t('roster.people.familyName')} />
            <Field meta={editFields.email} label={t('roster.people.email')} type="email" />
            <Field meta={editFields.phone} label={t('roster.people.phone')} type="tel" />
            <Field meta={editFields.organisation} label={t('roster.assign.organisation')} />
            {regionSelect}
            <div>
              <button type="submit">{t('roster.save')}</button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="new-title">
        <h2 id="new-title">{t('roster.people.newTitle')}</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field meta={fields.givenName} label={t('roster.people.givenName')} />
          <Field meta={fields.familyName} label={t('roster.people.familyName')} />
          <Field meta={fields.email} label={t('roster.people.email')} type="email" />
          <Field meta={fields.phone} label={t('roster.people.phone')} type="tel" />
          <Field meta={fields.organisation} label={t('roster.assign.organisation')} />
          {regionSelect}
          {actionData?.intent === 'create' && actionData.duplicates.length > 0 ? (
            <div className="notice" role="alert">
              <p>{t('roster.people.duplicateIntro')}</p>
              <ul>
                {actionData.duplicates.map((d) => (
                  <li key={d.id}>
                    {d.name}
                    {d.organisationName ? `, ${d.organisationName}` : ''}
                  </li>
                ))}
              </ul>
              <label htmlFor={fields.confirmDuplicate.id} className="checkbox">
                <input {...getInputProps(fields.confirmDuplicate, { type: 'checkbox' })} key={fields.confirmDuplicate.key} /> {t('roster.people.createAnyway')}
              </label>
            </div>
          ) : null}
          <div>
            <button type="submit">{t('roster.people.create')}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
