import { createHash } from 'node:crypto';
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { ErrorList } from '~/components/form';
import { CouncilFields } from '~/components/roster-council-form';
import { translatedReply } from '~/lib/forms.server';
import { generateStorageKey, getStorage, inspectUpload, rethrowStorageFailure } from '~/lib/storage.server';
import { getT } from '~/lib/t.server';
import { discardStoredFile } from '~/models/attachments.server';
import { getRulesDocument, listParentCandidates, setRulesDocument, updateCouncil } from '~/models/councils.server';
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
