import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { ErrorList } from '~/components/form';
import { ImportPreviewTable } from '~/components/roster-import-preview';
import { getT } from '~/lib/t.server';
import { listTerms } from '~/models/councils.server';
import { commitImport, IMPORT_OPTIONAL_COLUMNS, IMPORT_REQUIRED_COLUMNS, previewImport, type ImportPreview } from '~/models/rosters.server';
import { importSchema } from '~/validation/roster';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireCouncilPermission(request, params.slug, 'roster.edit');
  const terms = await listTerms(council.id);
  const wanted = new URL(request.url).searchParams.get('term');
  const selected = terms.find((x) => x.id === wanted) ?? terms.find((x) => x.current) ?? terms[0] ?? null;
  return json({ council: { slug: council.slug, nameFi: council.nameFi }, terms, selectedTermId: selected?.id ?? null, columns: { required: IMPORT_REQUIRED_COLUMNS, optional: IMPORT_OPTIONAL_COLUMNS } });
}

type ActionData = { stage: 'preview' | 'done' | 'error'; preview: ImportPreview | null; csv: string; termId: string; errors: string[]; created: number };

/** The CSV from an uploaded file, else from the text area. */
async function csvFrom(formData: FormData): Promise<string> {
  const file = formData.get('file');
  if (file instanceof File && file.size > 0) return new TextDecoder('utf-8').decode(await file.arrayBuffer());
  const text = formData.get('csv');
  return typeof text === 'string' ? text : '';
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'roster.edit');
  const { t } = await getT(request);
  const scope = { councilId: council.id, regionId: council.regionId };
  const formData = await readForm(request);
  const parsed = importSchema.safeParse({ csv: await csvFrom(formData), termId: formData.get('termId') ?? undefined });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => (i.path[0] === 'termId' ? t('roster.errors.unknownTerm') : t(i.message)));
    return json<ActionData>({ stage: 'error', preview: null, csv: '', termId: '', errors, created: 0 }, { status: 400 });
  }
  const { csv, termId } = parsed.data;
  if (formData.get('intent') === 'confirm') {
    const result = await commitImport(actor, scope, termId, csv);
    if (!result.preview) throw new Response('Not found', { status: 404 });
    if (!result.ok) return json<ActionData>({ stage: 'preview', preview: result.preview, csv, termId, errors: [t('roster.import.nothingSaved')], created: 0 }, { status: 400 });
    return json<ActionData>({ stage: 'done', preview: result.preview, csv: '', termId, errors: [], created: result.created });
  }
  const preview = await previewImport(scope, termId, csv);
  if (!preview) throw new Response('Not found', { status: 404 });
  return json<ActionData>({ stage: 'preview', preview, csv, termId, errors: [], created: 0 }, { status: preview.ok ? 200 : 400 });
}

export default function ImportPage() {
  const { council, terms, selectedTermId, columns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const base = `/manage/councils/${council.slug}`;
  if (terms.length === 0) {
    return (
      <>
        <h1>{t('roster.import.title', { council: council.nameFi })}</h1>
        <p>
          {t('council.noTerm')} <Link to={`${base}/terms/new`}>{t('roster.overview.newTerm')}</Link>
        </p>
      </>
    );
  }
  const termId = actionData?.termId || selectedTermId || '';
  return (
    <>
      <h1>{t('roster.import.title', { council: council.nameFi })}</h1>
      <p>{t('roster.import.intro')}</p>
      <p>
        {t('roster.import.columns')} <code>{columns.required.join(',')}</code> {t('roster.import.optional')} <code>{columns.optional.join(', ')}</code>. {t('roster.import.help')}
      </p>
      {actionData?.stage === 'done' ? (
        <p role="status">
          {t('roster.import.done', { count: actionData.created })} <Link to={`${base}/roster?term=${actionData.termId}`}>{t('roster.overview.roster')}</Link>
        </p>
      ) : null}
      <ErrorList errors={actionData?.errors} />
      <Form method="post" encType="multipart/form-data" className="stack" aria-labelledby="upload-title">
        <h2 id="upload-title">{t('roster.import.upload')}</h2>
        <div className="field">
          <label htmlFor="import-term">{t('roster.page.term')}</label>
          <select id="import-term" name="termId" defaultValue={termId}>
            {terms.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">{t('roster.import.file')}</label>
          <input id="import-file" type="file" name="file" accept=".csv,text/csv,text/plain" />
        </div>
        <div className="field">
          <label htmlFor="import-csv">{t('roster.import.paste')}</label>
          <textarea id="import-csv" name="csv" rows={8} defaultValue={actionData?.stage === 'preview' ? actionData.csv : ''} />
        </div>
        <input type="hidden" name="intent" value="preview" />
        <div>
          <button type="submit">{t('roster.import.previewButton')}</button>
        </div>
      </Form>
      {actionData?.stage === 'preview' && actionData.preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('roster.import.previewTitle')}</h2>
          <ImportPreviewTable preview={actionData.preview} />
          {actionData.preview.ok ? (
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="termId" value={actionData.termId} />
              <input type="hidden" name="csv" value={actionData.csv} />
              <button type="submit">{t('roster.import.confirm', { count: actionData.preview.counts.rows })}</button>
            </Form>
          ) : (
            <p>{t('roster.import.fixAndRetry')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
