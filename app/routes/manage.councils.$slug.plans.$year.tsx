import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ZodTypeAny } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { can } from '~/auth/permissions';
import { ActionForm, ApprovePlanForm, GoalForm, LinkForm, PlanMetaForm, itemLabel } from '~/components/plans-plan-forms';
import { PlanEditorList } from '~/components/plans-plan-editor';
import { PlansManageNav } from '~/components/plans-nav';
import { PlanGoalsView, PlanProgressView } from '~/components/plans-view';
import { formatDate } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { badRequest, notFound } from '~/lib/http.server';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import * as plansModel from '~/models/plans.server';
import {
  SECRETARIAT_OWNER,
  actionSchema,
  approvePlanSchema,
  deleteSchema,
  goalSchema,
  linkSchema,
  parseYearParam,
  planMetaSchema,
  publishSchema,
} from '~/validation/plans';
import { readForm } from '~/lib/http/body.server';
import { unusedLanguageFields } from '~/lib/content-languages';

export const handle = { hydrate: true };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.plan.title} – Neuvos` : 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, principal } = await requireCouncilPermission(request, params.slug, 'council.view_internal');
  const year = parseYearParam(params.year);
  if (year === null) notFound();
  const detail = await plansModel.getPlanDetail(council.id, year, { publicOnly: false });
  if (!detail) notFound();
  const mayEdit = can(principal, 'plan.edit', { councilId: council.id, regionId: council.regionId });
  const [items, owners] = mayEdit ? await Promise.all([plansModel.listItemOptions(council.id), plansModel.listOwnerOptions(council.id)]) : [[], []];
  const url = new URL(request.url);
  return json({
    council: { slug: council.slug, languages: council.languages },
    year,
    plan: detail.plan,
    goals: detail.goals,
    progress: detail.progress,
    items,
    owners,
    mayEdit,
    editGoalId: url.searchParams.get('goal'),
    editActionId: url.searchParams.get('action'),
  });
}

type Outcome = string;

function refusal(t: TFunction, outcome: Outcome): { formErrors?: string[]; fieldErrors?: Record<string, string[]> } {
  switch (outcome) {
    case 'conflict':
      return { formErrors: [t('plans.errors.conflict')] };
    case 'frozen':
      return { formErrors: [t('plans.errors.frozen')] };
    case 'item_not_found':
      return { fieldErrors: { itemId: [t('plans.errors.itemOtherCouncil')] } };
    case 'owner_not_found':
      return { fieldErrors: { owner: [t('plans.errors.ownerNotFound')] } };
    case 'already_linked':
      return { fieldErrors: { itemId: [t('plans.plan.link.alreadyLinked')] } };
    case 'already_approved':
      return { formErrors: [t('plans.plan.approve.already')] };
    case 'not_approved':
      return { formErrors: [t('plans.plan.publish.notApproved')] };
    case 'already_published':
      return { formErrors: [t('plans.plan.publish.already')] };
    case 'not_draft':
      return { formErrors: [t('plans.plan.goals.deleteNotDraft')] };
    default:
      return { formErrors: [t('plans.errors.notFound')] };
  }
}

const SCHEMAS: Record<string, ZodTypeAny> = {
  plan: planMetaSchema,
  goal: goalSchema,
  action: actionSchema,
  link: linkSchema,
  approve: approvePlanSchema,
  publish: publishSchema,
  deleteGoal: deleteSchema,
  deleteAction: deleteSchema,
  unlink: deleteSchema,
};

const SUCCESS: Record<string, string> = {
  plan: 'plans.plan.meta.saved',
  goal: 'plans.plan.goals.saved',
  action: 'plans.plan.actions.saved',
  link: 'plans.plan.link.linked',
  approve: 'plans.plan.approve.done',
  publish: 'plans.plan.publish.done',
  deleteGoal: 'plans.plan.goals.saved',
  deleteAction: 'plans.plan.actions.saved',
  unlink: 'plans.plan.actions.saved',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'plan.edit');
  const year = parseYearParam(params.year);
  if (year === null) notFound();
  const { t } = await getT(request);
  const formData = await readForm(request);
  const intent = String(formData.get('intent') ?? '');
  const schema = SCHEMAS[intent];
  if (!schema) badRequest('Unknown intent');
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') return json({ formId: intent, result: translatedReply(submission, t), message: null }, { status: 400 });
  const scope = { councilId: council.id, regionId: council.regionId, actor };
  const v = submission.value as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : null);
  // A Swedish or English text for a council that does not use the language is refused at its field (issue #14).
  const refused = unusedLanguageFields(
    { titleSv: str('titleSv'), titleEn: str('titleEn'), introductionSv: str('introductionSv'), introductionEn: str('introductionEn') },
    council.languages,
  );
  if (refused.length > 0) {
    const fieldErrors = Object.fromEntries(refused.map((r) => [r.field, [t('content.refused', { lang: t(`languages.${r.lang}`) })]]));
    return json({ formId: intent, result: translatedReply(submission, t, { fieldErrors }), message: null }, { status: 400 });
  }
  let outcome: Outcome;
  switch (intent) {
    case 'plan': {
      outcome = await plansModel.updatePlan({
        ...scope,
        year,
        lockVersion: v.lockVersion as number,
        title: str('title') ?? '',
        introduction: str('introduction'),
        titleSv: str('titleSv'),
        titleEn: str('titleEn'),
        introductionSv: str('introductionSv'),
        introductionEn: str('introductionEn'),
      });
      break;
    }
    case 'goal': {
      const goalId = str('goalId');
      const fields = { title: str('title') ?? '', description: str('description'), titleSv: str('titleSv'), titleEn: str('titleEn') };
      const lockVersion = typeof v.lockVersion === 'number' ? v.lockVersion : undefined;
      outcome = goalId ? await plansModel.updateGoal({ ...scope, goalId, lockVersion, ...fields }) : await plansModel.addGoal({ ...scope, year, ...fields });
      break;
    }
    case 'action': {
      const owner = str('owner') ?? SECRETARIAT_OWNER;
      const fields: plansModel.ActionFields = {
        title: str('title') ?? '',
        description: str('description'),
        titleSv: str('titleSv'),
        titleEn: str('titleEn'),
        ownerMembershipId: owner === SECRETARIAT_OWNER ? null : owner,
        ownerSecretariat: t('plans.plan.actions.secretariat'),
        schedule: str('schedule'),
        dueDate: str('dueDate'),
        status: v.status as plansModel.ActionFields['status'],
        outcome: str('outcome'),
      };
      const actionId = str('actionId');
      outcome = actionId
        ? await plansModel.updateAction({ ...scope, actionId, lockVersion: typeof v.lockVersion === 'number' ? v.lockVersion : undefined, ...fields })
        : await plansModel.addAction({ ...scope, goalId: str('goalId') ?? '', ...fields });
      break;
    }
    case 'link':
      outcome = await plansModel.linkActionToItem({ ...scope, actionId: str('actionId') ?? '', itemId: str('itemId') ?? '' });
      break;
    case 'approve':
      outcome = await plansModel.approvePlan({ ...scope, year, lockVersion: v.lockVersion as number, itemId: str('itemId') });
      break;
    case 'publish':
      outcome = await plansModel.publishPlan({ ...scope, year, lockVersion: v.lockVersion as number });
      break;
    case 'deleteGoal':
      outcome = await plansModel.deleteGoal({ ...scope, goalId: str('id') ?? '' });
      break;
    case 'deleteAction':
      outcome = await plansModel.deleteAction({ ...scope, actionId: str('id') ?? '' });
      break;
    default:
      outcome = await plansModel.unlinkActionItem({ ...scope, linkId: str('id') ?? '' });
  }
  if (outcome !== 'ok') return json({ formId: intent, result: translatedReply(submission, t, refusal(t, outcome)), message: null }, { status: 400 });
  return json({ formId: intent, result: translatedReply(submission, t, { resetForm: intent !== 'plan' }), message: t(SUCCESS[intent] ?? 'plans.plan.meta.saved') });
}

export default function ManagePlan() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { plan } = data;
  const resultFor = (id: string) => (actionData?.formId === id ? actionData.result : undefined);
  const base = `/manage/councils/${data.council.slug}/plans/${data.year}`;
  const allActions = data.goals.flatMap((g) => g.actions.map((a) => ({ ...a, goalId: g.id })));
  const editGoal = data.goals.find((g) => g.id === data.editGoalId) ?? null;
  const editAction = allActions.find((a) => a.id === data.editActionId) ?? null;
  const approvedItem = plan.approvedItemId ? data.items.find((i) => i.id === plan.approvedItemId) : undefined;
  const refused = actionData && !actionData.message && actionData.result?.error ? actionData.formId : null;
  return (
    <>
      <h1>{plan.title}</h1>
      <PlansManageNav slug={data.council.slug} reportYear={data.year} />
      <p>
        <span className="badge">{t(`plans.statuses.${plan.status}`)}</span>{' '}
        {plan.approvedAt ? t('plans.plan.approvedOn', { date: formatDate(new Date(plan.approvedAt), locale) }) : null}
        {approvedItem ? ` (${itemLabel(approvedItem, locale)})` : null}{' '}
        {plan.publishedAt ? (
          <>
            {t('plans.plan.publishedOn', { date: formatDate(new Date(plan.publishedAt), locale) })} ·{' '}
            <Link to={`/councils/${data.council.slug}/plans/${data.year}`}>{t('plans.nav.plans')}</Link>
          </>
        ) : null}
      </p>
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {refused === 'publish' || refused?.startsWith('delete') || refused === 'unlink' ? (
        <ul className="field-errors" role="alert">
          {(actionData?.result?.error?.[''] ?? []).map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {plan.introduction ? <p className="lead">{plan.introduction}</p> : null}
      <PlanProgressView progress={data.progress} />
      {!data.mayEdit ? (
        <>
          <p className="muted">{t('plans.manage.readOnly')}</p>
          <PlanGoalsView goals={data.goals} locale={locale} />
        </>
      ) : (
        <>
          <section aria-labelledby="plan-goals">
            <h2 id="plan-goals">{t('plans.plan.goals.heading')}</h2>
            {data.goals.length === 0 ? <p className="muted">{t('plans.plan.goals.none')}</p> : null}
            <PlanEditorList goals={data.goals} base={base} draft={plan.status === 'draft'} locale={locale} />
          </section>
          <section aria-labelledby="goal-form">
            <h2 id="goal-form">{editGoal ? t('plans.plan.goals.editLink') : t('plans.plan.goals.add')}</h2>
            <GoalForm key={editGoal?.id ?? 'new'} lastResult={resultFor('goal')} goal={editGoal} languages={data.council.languages} />
          </section>
          {data.goals.length > 0 ? (
            <section aria-labelledby="action-form">
              <h2 id="action-form">{editAction ? t('plans.plan.actions.edit', { title: editAction.title }) : t('plans.plan.actions.add')}</h2>
              <ActionForm
                key={editAction?.id ?? 'new'}
                lastResult={resultFor('action')}
                action={editAction}
                goals={data.goals}
                owners={data.owners}
                languages={data.council.languages}
              />
            </section>
          ) : null}
          {allActions.length > 0 ? (
            <section aria-labelledby="link-form">
              <h2 id="link-form">{t('plans.plan.link.submit')}</h2>
              <LinkForm lastResult={resultFor('link')} actions={allActions} items={data.items} locale={locale} />
            </section>
          ) : null}
          <section aria-labelledby="meta-form">
            <h2 id="meta-form">{t('plans.plan.meta.heading')}</h2>
            <PlanMetaForm lastResult={resultFor('plan')} plan={plan} languages={data.council.languages} />
          </section>
          <section aria-labelledby="approve-form">
            <h2 id="approve-form">{t('plans.plan.approve.heading')}</h2>
            {plan.status === 'draft' ? (
              <ApprovePlanForm lastResult={resultFor('approve')} lockVersion={plan.lockVersion} items={data.items} locale={locale} />
            ) : plan.status === 'approved' ? (
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="lockVersion" value={plan.lockVersion} />
                <button type="submit">{t('plans.plan.publish.submit')}</button>
              </Form>
            ) : (
              <p>{t('plans.plan.publishedOn', { date: formatDate(new Date(plan.publishedAt ?? plan.updatedAt), locale) })}</p>
            )}
          </section>
        </>
      )}
    </>
  );
}
