import { getFormProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { can } from '~/auth/permissions';
import { requireUser } from '~/auth/session.server';
import { ErrorList, Field } from '~/components/form';
import { CouncilFields } from '~/components/roster-council-form';
import { translatedReply } from '~/lib/forms.server';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { createCouncil, listParentCandidates, listRegionsForCreate } from '~/models/councils.server';
import { councilCreateSchema } from '~/validation/roster';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { principal } = await requireUser(request);
  const regions = await listRegionsForCreate(principal);
  if (regions.length === 0) throw new Response('Not found', { status: 404 });
  const parents = await listParentCandidates(regions.map((r) => r.id));
  return json({ regions, parents });
}

export async function action({ request }: ActionFunctionArgs) {
  const { principal, actor } = await requireUser(request);
  // Same answer as the loader for those who may create nowhere.
  if (!principal.isAdmin && principal.regionAdmin.size === 0) throw new Response('Not found', { status: 404 });
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: councilCreateSchema });
  if (submission.status !== 'success') return json({ result: translatedReply(submission, t) }, { status: 400 });
  if (!can(principal, 'council.create', { regionId: submission.value.regionId })) {
    return json({ result: translatedReply(submission, t, { fieldErrors: { regionId: [t('roster.errors.regionNotAllowed')] } }) }, { status: 403 });
  }
  const result = await createCouncil(actor, submission.value);
  if (!result.ok) {
    const fieldErrors = 'fieldErrors' in result ? result.fieldErrors : {};
    return json({ result: translatedReply(submission, t, { fieldErrors }) }, { status: 400 });
  }
  return redirect(`/manage/councils/${result.slug}`);
}

export default function NewCouncilPage() {
  const { regions, parents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, fields] = useForm<z.input<typeof councilCreateSchema>>({
    lastResult: actionData?.result,
    defaultValue: { languages: ['fi'], publicityDefault: 'public', regionId: regions.length === 1 ? regions[0]!.id : undefined },
  });
  return (
    <>
      <h1>{t('roster.council.newTitle')}</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.regionId.id}>{t('council.region')}</label>
          <select {...getSelectProps(fields.regionId)} key={fields.regionId.key}>
            <option value="" />
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {localized(r, 'name', locale).text}
              </option>
            ))}
          </select>
          <ErrorList id={fields.regionId.errorId} errors={fields.regionId.errors} />
        </div>
        <Field meta={fields.slug} label={t('roster.council.slug')} hint={t('roster.council.slugHint')} />
        <CouncilFields fields={fields} parents={parents} />
        <div>
          <button type="submit">{t('roster.council.create')}</button>
        </div>
      </Form>
    </>
  );
}
