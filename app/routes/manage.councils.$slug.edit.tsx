import { createHash } from 'node:crypto';
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { CouncilFields } from '~/components/roster-council-form';
import { translatedReply } from '~/lib/forms.server';
import { generateStorageKey, getStorage, inspectUpload, rethrowStorageFailure } from '~/lib/storage.server';
import { getT } from '~/lib/t.server';
import { discardStoredFile } from '~/models/attachments.server';
import { getRulesDocument, listParentCandidates, setRulesDocument, updateCouncil, updateDisplayPeriod } from '~/models/councils.server';
import { displayPeriodSchema } from '~/validation/lifecycle';
import { councilEditSchema } from '~/validation/roster';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireCouncilPermission(request, params.slug, 'council.edit');
  const [parents, rules] = await Promise.all([listParentCandidates([council.regionId]), getRulesDocument(council.id)]);
  return json({
    council,
    parents: parents.filter((p) => p.id !== council.id),
    rules: rules ? { filename: rules.filename, sizeBytes: rules.sizeBytes } : null,
  });
}

/** Store an uploaded rules document after checking its bytes; a Response when refused. */
async function uploadRules(request: Request, formData: FormData, userId: string | null, t: (k: string) => string) {
  const file = formData.get('rules');
  if (!(file instanceof File) || file.size === 0) return json({ result: null, rulesError: t('roster.council.rulesMissing') }, { status: 400 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const inspected = await inspectUpload(bytes, file.name);
  if (!inspected.ok) return json({ result: null, rulesError: t(`roster.council.upload.${inspected.code}`) }, { status: 400 });
  const storageKey = generateStorageKey();
  await getStorage().put(storageKey, bytes, inspected.mediaType).catch((error: unknown) => rethrowStorageFailure(error, request));
  return { storageKey, filename: inspected.safeFilename, mediaType: inspected.mediaType, sizeBytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), uploadedBy: userId };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor, user } = await requireCouncilPermission(request, params.slug, 'council.edit');
  const { t } = await getT(request);
  const formData = await readForm(request);
  if (formData.get('intent') === 'rules') {
    const stored = await uploadRules(request, formData, user.id, t);
    if (!('storageKey' in stored)) return stored;
    // The object is stored first; if its row is not committed, the object goes too.
    const saved = await setRulesDocument(actor, council.id, stored).catch(async (error: unknown) => {
      await discardStoredFile(getStorage(), stored.storageKey, 'rules transaction failed');
      throw error;
    });
    if (!saved) {
      await discardStoredFile(getStorage(), stored.storageKey, 'council vanished');
      throw new Response('Not found', { status: 404 });
    }
    return redirect(`/manage/councils/${council.slug}/edit?saved=rules`);
  }
  if (formData.get('intent') === 'display') {
    // Issue 14.4: the display period and the appeal notice, a form of its own with its own lock.
    const display = parseWithZod(formData, { schema: displayPeriodSchema });
    if (display.status !== 'success') return json({ result: null, display: translatedReply(display, t), rulesError: null }, { status: 400 });
    const saved = await updateDisplayPeriod(actor, council.id, display.value);
    if (!saved.ok) return json({ result: null, display: translatedReply(display, t, { formErrors: [t('roster.errors.conflict')] }), rulesError: null }, { status: 409 });
    return redirect(`/manage/councils/${council.slug}/edit?saved=display`);
  }
  const submission = parseWithZod(formData, { schema: councilEditSchema });
  if (submission.status !== 'success') return json({ result: translatedReply(submission, t), rulesError: null }, { status: 400 });
  const result = await updateCouncil(actor, council.id, submission.value);
  if (!result.ok) {
    if ('conflict' in result) return json({ result: translatedReply(submission, t, { formErrors: [t('roster.errors.conflict')] }), rulesError: null }, { status: 409 });
    return json({ result: translatedReply(submission, t, { fieldErrors: result.fieldErrors }), rulesError: null }, { status: 400 });
  }
  return redirect(`/manage/councils/${council.slug}`);
}


export default function EditCouncilPage() {
  const { council, parents, rules } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof councilEditSchema>>({
    lastResult: actionData?.result,
    defaultValue: {
      ...Object.fromEntries(Object.entries(council).map(([k, v]) => [k, v ?? undefined])),
      lockVersion: String(council.lockVersion),
    },
  });
  return (
    <>
      <h1>{t('roster.council.editTitle', { name: council.nameFi })}</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="council" />
        <input type="hidden" name={fields.lockVersion.name} value={council.lockVersion} />
        <CouncilFields fields={fields} parents={parents} />
        <div>
          <button type="submit">{t('roster.save')}</button>
        </div>
      </Form>
      <DisplayPeriodForm council={council} lastResult={actionData && 'display' in actionData ? actionData.display : undefined} />
      <h2 id="rules-title">{t('roster.council.rules')}</h2>
      <p>{rules ? t('roster.council.rulesCurrent', { filename: rules.filename }) : t('roster.council.rulesNone')}</p>
      <Form method="post" encType="multipart/form-data" className="stack" aria-labelledby="rules-title">
        <input type="hidden" name="intent" value="rules" />
        <div className="field">
          <label htmlFor="rules-file">{t('roster.council.rulesFile')}</label>
          <input id="rules-file" type="file" name="rules" accept=".pdf,.docx,.odt,.txt" aria-describedby={actionData?.rulesError ? 'rules-error' : undefined} />
          <ErrorList id="rules-error" errors={actionData?.rulesError ? [actionData.rulesError] : null} />
        </div>
        <div>
          <button type="submit" className="secondary">
            {t('roster.council.rulesUpload')}
          </button>
        </div>
      </Form>
    </>
  );
}

/** Issue 14.4: how long minutes are on display and on the web, and the appeal notice template. */
function DisplayPeriodForm({
  council,
  lastResult,
}: {
  council: {
    lockVersion: number;
    displayNoticeDays: number;
    displayWebMonths: number | null;
    appealNoticeFi: string | null;
    appealNoticeSv: string | null;
    appealNoticeEn: string | null;
    appealDefaultNone: boolean;
  };
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof displayPeriodSchema>>({
    id: 'display-period',
    lastResult,
    defaultValue: {
      displayNoticeDays: String(council.displayNoticeDays),
      displayWebMonths: council.displayWebMonths === null ? '' : String(council.displayWebMonths),
      appealNoticeFi: council.appealNoticeFi ?? '',
      appealNoticeSv: council.appealNoticeSv ?? '',
      appealNoticeEn: council.appealNoticeEn ?? '',
    } as never,
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)} aria-labelledby="display-title">
      <h2 id="display-title">{t('lifecycle.settings.legend')}</h2>
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="display" />
      <input type="hidden" name={fields.lockVersion.name} value={council.lockVersion} />
      <Field meta={fields.displayNoticeDays} type="number" label={t('lifecycle.settings.noticeDays')} />
      <Field meta={fields.displayWebMonths} type="number" label={t('lifecycle.settings.webMonths')} hint={t('lifecycle.settings.webMonthsHint')} />
      <TextareaField meta={fields.appealNoticeFi} label={t('lifecycle.settings.appealFi')} rows={4} />
      <TextareaField meta={fields.appealNoticeSv} label={t('lifecycle.settings.appealSv')} rows={4} />
      <TextareaField meta={fields.appealNoticeEn} label={t('lifecycle.settings.appealEn')} rows={4} />
      <div className="field">
        <input id="display-appeal-default-none" type="checkbox" name={fields.appealDefaultNone.name} defaultChecked={council.appealDefaultNone} />{' '}
        <label htmlFor="display-appeal-default-none">{t('lifecycle.settings.appealDefaultNone')}</label>
      </div>
      <div>
        <button type="submit">{t('roster.save')}</button>
      </div>
    </Form>
  );
}
