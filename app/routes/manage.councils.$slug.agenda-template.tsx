import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { translatedReply } from '~/lib/forms.server';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { changeTemplateItem, listTemplateItems, saveTemplateItem } from '~/models/agendas.server';
import { refusalKey, templateActionSchema, templateItemSchema } from '~/validation/records';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** The council's editable template of standard opening items (opening, quorum, checkers, agenda). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireCouncilPermission(request, params.slug, 'agenda.edit');
  const items = await listTemplateItems(council.id);
  return json({ council: { slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn }, items });
}

type Reply = { form: string; result?: ReturnType<typeof translatedReply>; message?: string; error?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'agenda.edit');
  const { t } = await getT(request);
  const formData = await readForm(request);
  const intent = String(formData.get('intent') ?? '');
  const who = { councilId: council.id, regionId: council.regionId, actor };
  if (intent === 'save') {
    const form = `template:${String(formData.get('id') ?? 'new')}`;
    const submission = parseWithZod(formData, { schema: templateItemSchema });
    if (submission.status !== 'success') return json<Reply>({ form, result: translatedReply(submission, t) }, { status: 400 });
    const { id, ...input } = submission.value;
    const outcome = await saveTemplateItem(who, id, input);
    if (outcome.status !== 'ok') {
      const fieldErrors = outcome.status === 'duplicate_key' ? { key: [t(refusalKey(outcome.status))] } : undefined;
      const formErrors = outcome.status === 'not_found' || outcome.status === 'conflict' ? [t(refusalKey(outcome.status))] : undefined;
      return json<Reply>({ form, result: translatedReply(submission, t, { fieldErrors, formErrors }) }, { status: outcome.status === 'not_found' ? 404 : 400 });
    }
    return json<Reply>({ form, result: translatedReply(submission, t, { resetForm: !id }), message: t('records.template.saved') });
  }
  const submission = parseWithZod(formData, { schema: templateActionSchema });
  if (submission.status !== 'success') return json<Reply>({ form: intent, error: t('records.errors.badForm') }, { status: 400 });
  const outcome = await changeTemplateItem(who, submission.value.id, submission.value.intent);
  if (outcome.status !== 'ok') return json<Reply>({ form: intent, error: t(refusalKey(outcome.status)) }, { status: outcome.status === 'not_found' ? 404 : 400 });
  return json<Reply>({ form: intent, message: t('records.template.saved') });
}

type TemplateItem = { id: string; key: string; title: string; body: string | null; proposal: string | null; lockVersion: number };

function TemplateForm({ item, lastResult }: { item?: TemplateItem; lastResult?: Reply['result'] }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof templateItemSchema>>({
    id: item ? `template-${item.id}-${item.lockVersion}` : 'template-new',
    lastResult,
    defaultValue: item ? { intent: 'save', id: item.id, key: item.key, title: item.title, body: item.body ?? '', proposal: item.proposal ?? '' } : { intent: 'save' },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      {item ? <input type="hidden" name="id" value={item.id} /> : null}
      {item ? <input type="hidden" name="lockVersion" value={item.lockVersion} /> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field meta={fields.key} label={t('records.template.key')} hint={t('records.template.keyHint')} />
      <Field meta={fields.title} label={t('records.template.title_')} />
      <TextareaField meta={fields.body} label={t('records.template.body')} rows={3} />
      <TextareaField meta={fields.proposal} label={t('records.template.proposal')} rows={2} />
      <div>
        <button type="submit">{item ? t('records.template.save') : t('records.template.add')}</button>
      </div>
    </Form>
  );
}

export default function AgendaTemplatePage() {
  const { council, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(council, 'name', locale);
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined);
  return (
    <>
      <p>
        <Link to={`/manage/councils/${council.slug}`}>{name.text}</Link>
      </p>
      <h1>{t('records.template.title', { name: name.text })}</h1>
      <p className="muted">{t('records.template.intro')}</p>
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {actionData?.error ? (
        <p role="alert" className="error-text">
          {actionData.error}
        </p>
      ) : null}
      {items.length === 0 ? <p className="muted">{t('records.template.empty')}</p> : null}
      <ol className="records-editor">
        {items.map((item, index) => (
          <li key={item.id}>
            <h2>{item.title}</h2>
            <div className="records-controls">
              {(
                [
                  ['move-up', t('records.template.moveUp'), index > 0],
                  ['move-down', t('records.template.moveDown'), index < items.length - 1],
                  ['delete', t('records.template.delete'), true],
                ] as const
              )
                .filter(([, , show]) => show)
                .map(([intent, label]) => (
                  <Form method="post" className="inline-form" key={intent}>
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" name="intent" value={intent} className="secondary">
                      {label}
                      <span className="visually-hidden">: {item.title}</span>
                    </button>
                  </Form>
                ))}
            </div>
            <details open={actionData?.form === `template:${item.id}`}>
              <summary>{t('records.template.save')}</summary>
              <TemplateForm item={item} lastResult={resultFor(`template:${item.id}`)} />
            </details>
          </li>
        ))}
      </ol>
      <h2>{t('records.template.newItem')}</h2>
      <TemplateForm lastResult={resultFor('template:new')} />
    </>
  );
}
