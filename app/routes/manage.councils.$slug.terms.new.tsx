import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { ErrorList, Field } from '~/components/form';
import { translatedReply } from '~/lib/forms.server';
import { getT } from '~/lib/t.server';
import { listTerms } from '~/models/councils.server';
import { createTerm } from '~/models/rosters.server';
import { termSchema } from '~/validation/roster';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireCouncilPermission(request, params.slug, 'roster.edit');
  return json({ council: { slug: council.slug, nameFi: council.nameFi }, terms: await listTerms(council.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'roster.edit');
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: termSchema });
  if (submission.status !== 'success') return json({ result: translatedReply(submission, t) }, { status: 400 });
  const result = await createTerm(actor, { councilId: council.id, regionId: council.regionId }, submission.value);
  if (!result.ok) return json({ result: translatedReply(submission, t, { fieldErrors: result.fieldErrors }) }, { status: 400 });
  return redirect(`/manage/councils/${council.slug}/terms/${result.id}`);
}

export default function NewTermPage() {
  const { council, terms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof termSchema>>({
    lastResult: actionData?.result,
    defaultValue: { copyFromTermId: terms[0]?.id },
  });
  return (
    <>
      <h1>{t('roster.terms.newTitle', { council: council.nameFi })}</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field meta={fields.name} label={t('roster.terms.name')} hint={t('roster.terms.nameHint')} />
        <Field meta={fields.startDate} label={t('roster.terms.startDate')} type="date" />
        <Field meta={fields.endDate} label={t('roster.terms.endDate')} type="date" />
        <Field meta={fields.endNote} label={t('roster.terms.endNote')} hint={t('roster.terms.endNoteHint')} />
        {terms.length > 0 ? (
          <fieldset className="roster-fieldset">
            <legend>{t('roster.terms.copy')}</legend>
            <div className="field">
              <label htmlFor={fields.copyFromTermId.id}>{t('roster.terms.copyFrom')}</label>
              <select {...getSelectProps(fields.copyFromTermId)} key={fields.copyFromTermId.key}>
                <option value="">{t('roster.terms.copyNothing')}</option>
                {terms.map((term) => (
                  <option key={term.id} value={term.id}>
                    {term.name}
                  </option>
                ))}
              </select>
              <ErrorList id={fields.copyFromTermId.errorId} errors={fields.copyFromTermId.errors} />
            </div>
            <div className="field">
              <label htmlFor={fields.copyPeople.id} className="checkbox">
                <input {...getInputProps(fields.copyPeople, { type: 'checkbox' })} key={fields.copyPeople.key} /> {t('roster.terms.copyPeople')}
              </label>
              <ErrorList id={fields.copyPeople.errorId} errors={fields.copyPeople.errors} />
            </div>
          </fieldset>
        ) : null}
        <div>
          <button type="submit">{t('roster.terms.create')}</button>
        </div>
      </Form>
    </>
  );
}
