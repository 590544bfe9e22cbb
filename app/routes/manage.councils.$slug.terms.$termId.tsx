import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { ErrorList, Field } from '~/components/form';
import { translatedReply } from '~/lib/forms.server';
import { getT } from '~/lib/t.server';
import { getTermForCouncil } from '~/models/councils.server';
import { getSeatPlan, saveSeatPlan, updateTerm } from '~/models/rosters.server';
import { EXTRA_ROLES, seatPlanSchema, termEditSchema } from '~/validation/roster';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

async function load(request: Request, params: { slug?: string; termId?: string }) {
  const access = await requireCouncilPermission(request, params.slug, 'roster.edit');
  const term = await getTermForCouncil(access.council.id, params.termId ?? '');
  if (!term) throw new Response('Not found', { status: 404 });
  return { ...access, term };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, term } = await load(request, params);
  const plan = await getSeatPlan(term.id);
  return json({ council: { slug: council.slug, nameFi: council.nameFi }, term, plan });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, term, actor } = await load(request, params);
  const { t } = await getT(request);
  const scope = { councilId: council.id, regionId: council.regionId };
  const formData = await readForm(request);
  const intent = formData.get('intent') === 'term' ? 'term' : 'plan';
  if (intent === 'term') {
    const submission = parseWithZod(formData, { schema: termEditSchema });
    if (submission.status !== 'success') return json({ intent, result: translatedReply(submission, t), saved: false }, { status: 400 });
    const result = await updateTerm(actor, scope, term.id, submission.value);
    if (!result.ok) {
      const extra = result.conflict ? { formErrors: [t('roster.errors.conflict')] } : { fieldErrors: result.fieldErrors };
      return json({ intent, result: translatedReply(submission, t, extra), saved: false }, { status: result.conflict ? 409 : 400 });
    }
    return json({ intent, result: translatedReply(submission, t), saved: true });
  }
  const submission = parseWithZod(formData, { schema: seatPlanSchema });
  if (submission.status !== 'success') return json({ intent, result: translatedReply(submission, t), saved: false }, { status: 400 });
  const result = await saveSeatPlan(actor, scope, term.id, submission.value);
  if (!result.ok) {
    const extra = result.conflict ? { formErrors: [t('roster.errors.conflict')] } : { fieldErrors: result.fieldErrors };
    return json({ intent, result: translatedReply(submission, t, extra), saved: false }, { status: result.conflict ? 409 : 400 });
  }
  // Reset: the form starts again from the saved plan the loader reads back. Without it a page
  // rendered on the server (JavaScript off) showed the posted values: the new categories still in
  // the text box, not in the table, and the old lock versions.
  return json({ intent, result: translatedReply(submission, t, { resetForm: true }), saved: true });
}

/** A short stable key of a seat plan's content (djb2), for the form id. */
function contentKey(plan: unknown): string {
  let h = 5381;
  for (const ch of JSON.stringify(plan)) h = ((h << 5) + h + ch.charCodeAt(0)) >>> 0;
  return h.toString(36);
}

function Cell({ meta, label, type = 'text', children }: { meta: FieldMetadata<string | number | undefined>; label: string; type?: 'text' | 'number'; children?: ReactNode }) {
  return (
    <td>
      {children}
      <label htmlFor={meta.id} className="visually-hidden">
        {label}
      </label>
      <input {...getInputProps(meta, { type })} key={meta.key} min={type === 'number' ? 0 : undefined} max={type === 'number' ? 100 : undefined} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </td>
  );
}

export default function TermPlanPage() {
  const { council, term, plan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [termForm, termFields] = useForm<z.input<typeof termEditSchema>>({
    id: 'term',
    lastResult: actionData?.intent === 'term' ? actionData.result : undefined,
    defaultValue: { name: term.name, startDate: term.startDate, endDate: term.endDate ?? undefined, endNote: term.endNote ?? undefined },
  });
  const [planForm, planFields] = useForm<z.input<typeof seatPlanSchema>>({
    // The id follows the saved plan's content: after a save the form starts again from what the
    // loader read back (names in every language), instead of resetting to the values it mounted with.
    id: `plan-${contentKey(plan)}`,
    lastResult: actionData?.intent === 'plan' ? actionData.result : undefined,
    defaultValue: {
      categories: plan.categories.map((c) => ({ id: c.id, lockVersion: String(c.lockVersion), nameFi: c.nameFi, nameSv: c.nameSv ?? '', nameEn: c.nameEn ?? '', memberSeats: String(c.memberSeats), deputySeats: String(c.deputySeats) })),
      newMemberSeats: '1',
      newDeputySeats: '1',
      extra: EXTRA_ROLES.map((role) => {
        const e = plan.extra.find((x) => x.role === role);
        return { role, memberSeats: String(e?.memberSeats ?? 0), deputySeats: String(e?.deputySeats ?? 0) };
      }),
    },
  });
  const categoryList = planFields.categories.getFieldList();
  const extraList = planFields.extra.getFieldList();
  const base = `/manage/councils/${council.slug}`;
  return (
    <>
      <h1>{t('roster.terms.planTitle', { term: term.name, council: council.nameFi })}</h1>
      <p>
        <Link to={`${base}/roster?term=${term.id}`}>{t('roster.overview.roster')}</Link> · <Link to={`${base}/import?term=${term.id}`}>{t('roster.overview.import')}</Link>
      </p>
      {actionData?.saved ? <p role="status">{t('roster.saved')}</p> : null}

      <h2 id="plan-title">{t('roster.plan.title')}</h2>
      <p className="muted">{t('roster.plan.intro')}</p>
      <Form method="post" {...getFormProps(planForm)} aria-labelledby="plan-title">
        <input type="hidden" name="intent" value="plan" />
        <ErrorList id={planForm.errorId} errors={planForm.errors} />
        <table>
          <caption>{t('roster.plan.categories', { count: categoryList.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.plan.nameFi')}</th>
              <th scope="col">{t('roster.plan.nameSv')}</th>
              <th scope="col">{t('roster.plan.nameEn')}</th>
              <th scope="col">{t('roster.plan.memberSeats')}</th>
              <th scope="col">{t('roster.plan.deputySeats')}</th>
              <th scope="col">{t('roster.plan.remove')}</th>
            </tr>
          </thead>
          <tbody>
            {categoryList.map((row, i) => {
              const f = row.getFieldset();
              const used = plan.categories[i]?.membershipCount ?? 0;
              return (
                <tr key={row.key}>
                  <Cell meta={f.nameFi} label={`${i + 1}. ${t('roster.plan.nameFi')}`}>
                    <input type="hidden" name={f.id.name} value={f.id.value ?? ''} />
                    <input type="hidden" name={f.lockVersion.name} value={f.lockVersion.value ?? ''} />
                  </Cell>
                  <Cell meta={f.nameSv} label={`${i + 1}. ${t('roster.plan.nameSv')}`} />
                  <Cell meta={f.nameEn} label={`${i + 1}. ${t('roster.plan.nameEn')}`} />
                  <Cell meta={f.memberSeats} label={`${i + 1}. ${t('roster.plan.memberSeats')}`} type="number" />
                  <Cell meta={f.deputySeats} label={`${i + 1}. ${t('roster.plan.deputySeats')}`} type="number" />
                  <td>
                    <label htmlFor={f.remove.id} className="checkbox">
                      <input {...getInputProps(f.remove, { type: 'checkbox' })} key={f.remove.key} disabled={used > 0} />{' '}
                      {used > 0 ? t('roster.plan.inUse', { count: used }) : t('roster.plan.remove')}
                    </label>
                    <ErrorList id={f.remove.errorId} errors={f.remove.errors} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="stack-block">
          <div className="field">
            <label htmlFor={planFields.newCategories.id}>{t('roster.plan.newCategories')}</label>
            <p id={`${planFields.newCategories.id}-hint`} className="muted">
              {t('roster.plan.newCategoriesHint')}
            </p>
            <textarea {...getTextareaProps(planFields.newCategories, { ariaDescribedBy: `${planFields.newCategories.id}-hint` })} key={planFields.newCategories.key} rows={6} />
            <ErrorList id={planFields.newCategories.errorId} errors={planFields.newCategories.errors} />
          </div>
          <Field meta={planFields.newMemberSeats} label={t('roster.plan.newMemberSeats')} type="number" />
          <Field meta={planFields.newDeputySeats} label={t('roster.plan.newDeputySeats')} type="number" />
        </div>
        <table>
          <caption>{t('roster.plan.extraSeats')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.plan.role')}</th>
              <th scope="col">{t('roster.plan.memberSeats')}</th>
              <th scope="col">{t('roster.plan.deputySeats')}</th>
            </tr>
          </thead>
          <tbody>
            {extraList.map((row) => {
              const f = row.getFieldset();
              const role = f.role.value ?? '';
              return (
                <tr key={row.key}>
                  <th scope="row">
                    <input type="hidden" name={f.role.name} value={role} />
                    {t(`roles.${role}`)}
                  </th>
                  <Cell meta={f.memberSeats} label={`${t(`roles.${role}`)}: ${t('roster.plan.memberSeats')}`} type="number" />
                  <Cell meta={f.deputySeats} label={`${t(`roles.${role}`)}: ${t('roster.plan.deputySeats')}`} type="number" />
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="submit">{t('roster.plan.save')}</button>
      </Form>

      <h2 id="term-title">{t('roster.terms.details')}</h2>
      <Form method="post" className="stack" {...getFormProps(termForm)} aria-labelledby="term-title">
        <input type="hidden" name="intent" value="term" />
        <input type="hidden" name="lockVersion" value={term.lockVersion} />
        <ErrorList id={termForm.errorId} errors={termForm.errors} />
        <Field meta={termFields.name} label={t('roster.terms.name')} />
        <Field meta={termFields.startDate} label={t('roster.terms.startDate')} type="date" />
        <Field meta={termFields.endDate} label={t('roster.terms.endDate')} type="date" />
        <Field meta={termFields.endNote} label={t('roster.terms.endNote')} hint={t('roster.terms.endNoteHint')} />
        <div>
          <button type="submit" className="secondary">
            {t('roster.save')}
          </button>
        </div>
      </Form>
    </>
  );
}
