import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { can } from '~/auth/permissions';
import { PlansManageNav } from '~/components/plans-nav';
import { StatementForm } from '~/components/plans-statement-form';
import { MatterLinkForm } from '~/components/practice-matters';
import { unusedLanguageFields } from '~/lib/content-languages';
import { StatementsTable } from '~/components/plans-statements-table';
import { todayInHelsinki } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { listMatters, mattersOfStatements } from '~/models/matters.server';
import { listItemOptions } from '~/models/plans.server';
import { createStatement, listStatements, updateStatement, type StatementFields } from '~/models/statements.server';
import { statementSchema } from '~/validation/plans';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, principal } = await requireCouncilPermission(request, params.slug, 'council.view_internal');
  const mayEdit = can(principal, 'statement.edit', { councilId: council.id, regionId: council.regionId });
  const [statements, items] = await Promise.all([listStatements(council.id), mayEdit ? listItemOptions(council.id) : Promise.resolve([])]);
  const editId = new URL(request.url).searchParams.get('edit');
  const editing = mayEdit ? statements.find((s) => s.id === editId) ?? null : null;
  const [matters, editingMatter] = editing
    ? await Promise.all([listMatters(council.id), mattersOfStatements([editing.id]).then((m) => m[editing.id] ?? null)])
    : [[], null];
  return json({
    council: { slug: council.slug, languages: council.languages },
    statements,
    items,
    mayEdit,
    editing,
    matters,
    editingMatter,
    thisYear: Number(todayInHelsinki().slice(0, 4)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'statement.edit');
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: statementSchema });
  if (submission.status !== 'success') return json({ result: translatedReply(submission, t), message: null }, { status: 400 });
  const v = submission.value;
  const refused = unusedLanguageFields({ titleSv: v.titleSv, titleEn: v.titleEn, bodySv: v.bodySv, bodyEn: v.bodyEn }, council.languages);
  if (refused.length > 0) {
    const fieldErrors = Object.fromEntries(refused.map((r) => [r.field, [t('content.refused', { lang: t(`languages.${r.lang}`) })]]));
    return json({ result: translatedReply(submission, t, { fieldErrors }), message: null }, { status: 400 });
  }
  const fields: StatementFields = {
    type: v.type,
    status: v.status,
    issuedOn: v.issuedOn ?? null,
    recipient: v.recipient,
    title: v.title,
    body: v.body ?? null,
    titleSv: v.titleSv ?? null,
    titleEn: v.titleEn ?? null,
    bodySv: v.bodySv ?? null,
    bodyEn: v.bodyEn ?? null,
    approvedItemId: v.approvedItemId ?? null,
    response: v.response ?? null,
    responseDate: v.responseDate ?? null,
    published: v.published === true,
    caseNumber: v.caseNumber || null,
    caseUrl: v.caseUrl || null,
    responseDueOn: v.responseDueOn ?? null,
    outcome: v.outcome,
    steps: v.steps ?? [],
  };
  const scope = { councilId: council.id, regionId: council.regionId, actor };
  const outcome = v.id ? await updateStatement({ ...scope, ...fields, id: v.id, lockVersion: v.lockVersion ?? 0 }) : await createStatement({ ...scope, ...fields });
  if (outcome === 'item_not_found') {
    return json({ result: translatedReply(submission, t, { fieldErrors: { approvedItemId: [t('plans.errors.itemOtherCouncil')] } }), message: null }, { status: 400 });
  }
  if (outcome !== 'ok') {
    return json(
      { result: translatedReply(submission, t, { formErrors: [t(outcome === 'conflict' ? 'plans.errors.conflict' : 'plans.errors.notFound')] }), message: null },
      { status: 400 },
    );
  }
  return json({ result: translatedReply(submission, t, { resetForm: true }), message: t('plans.statements.saved') });
}

export default function ManageStatements() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/manage/councils/${data.council.slug}/statements`;
  return (
    <>
      <h1>{t('plans.statements.title')}</h1>
      <PlansManageNav slug={data.council.slug} reportYear={data.thisYear - 1} />
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {data.statements.length === 0 ? (
        <p className="muted">{t('plans.statements.noneManage')}</p>
      ) : (
        <StatementsTable statements={data.statements} locale={locale} editHref={data.mayEdit ? (id) => `${base}?edit=${id}#statement-form` : undefined} showPublicity />
      )}
      {data.mayEdit ? (
        <section aria-labelledby="statement-form">
          <h2 id="statement-form">{data.editing ? t('plans.statements.edit') : t('plans.statements.add')}</h2>
          <StatementForm
            key={data.editing ? `${data.editing.id}-${data.editing.lockVersion}` : 'new'}
            lastResult={actionData?.result}
            statement={data.editing}
            items={data.items}
            locale={locale}
            cancelHref={base}
            languages={data.council.languages}
          />
          {data.editing ? (
            <MatterLinkForm
              slug={data.council.slug}
              target={{ statementId: data.editing.id }}
              matters={data.matters}
              current={data.editingMatter}
              returnTo={`${base}?edit=${data.editing.id}`}
            />
          ) : null}
        </section>
      ) : (
        <p className="muted">{t('plans.manage.readOnly')}</p>
      )}
    </>
  );
}
