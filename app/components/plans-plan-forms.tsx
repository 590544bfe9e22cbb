import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { formatDate } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';
import {
  ACTION_STATUS_VALUES,
  SECRETARIAT_OWNER,
  actionSchema,
  approvePlanSchema,
  goalSchema,
  linkSchema,
  planMetaSchema,
} from '~/validation/plans';
import { showsLanguage } from '~/lib/content-languages';

type Result = SubmissionResult<string[]> | undefined;

export interface ItemOption {
  id: string;
  title: string;
  section: string | null;
  meetingTitle: string;
  startsAt: string | Date;
}

/** "12.5.2026 § 7 Title" for item pickers. */
export function itemLabel(item: ItemOption, locale: Locale): string {
  return `${formatDate(new Date(item.startsAt), locale)} ${item.section ? `${item.section} ` : ''}${item.title}`;
}

function ItemSelect({ meta, label, options, locale, emptyLabel }: {
  meta: Parameters<typeof getSelectProps>[0];
  label: string;
  options: ItemOption[];
  locale: Locale;
  emptyLabel: string;
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select {...getSelectProps(meta)} key={meta.key}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {itemLabel(o, locale)}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** Title and introduction of the plan. */
export function PlanMetaForm({
  lastResult,
  plan,
  languages = ['fi'],
}: {
  lastResult: Result;
  plan: { title: string; introduction: string | null; lockVersion: number; titleSv?: string | null; titleEn?: string | null; introductionSv?: string | null; introductionEn?: string | null };
  /** The council's languages: one field per language (issue #14). */
  languages?: readonly string[];
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof planMetaSchema>>({
    id: 'plan-meta',
    lastResult,
    defaultValue: {
      title: plan.title,
      introduction: plan.introduction ?? '',
      titleSv: plan.titleSv ?? '',
      titleEn: plan.titleEn ?? '',
      introductionSv: plan.introductionSv ?? '',
      introductionEn: plan.introductionEn ?? '',
    },
  });
  const langs = (['sv', 'en'] as const).filter(
    (l) => showsLanguage(l, languages, l === 'sv' ? [plan.titleSv, plan.introductionSv] : [plan.titleEn, plan.introductionEn]) || Boolean(fields[l === 'sv' ? 'titleSv' : 'titleEn'].errors ?? fields[l === 'sv' ? 'introductionSv' : 'introductionEn'].errors),
  );
  const inLang = (key: string, l: 'sv' | 'en') => t('content.fieldIn', { field: t(key), lang: t(`content.inLanguage.${l}`) });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="plan" />
      <input type="hidden" name="lockVersion" value={plan.lockVersion} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field meta={fields.title} label={t('plans.plan.create.title')} />
      {langs.map((l) => (
        <Field key={l} meta={l === 'sv' ? fields.titleSv : fields.titleEn} label={inLang('plans.plan.create.title', l)} />
      ))}
      <TextareaField meta={fields.introduction} label={t('plans.plan.create.introduction')} rows={4} />
      {langs.map((l) => (
        <TextareaField key={l} meta={l === 'sv' ? fields.introductionSv : fields.introductionEn} label={inLang('plans.plan.create.introduction', l)} rows={4} />
      ))}
      <div>
        <button type="submit">{t('plans.plan.meta.save')}</button>
      </div>
    </Form>
  );
}

/** Add a goal, or edit one when `goal` is given. */
export function GoalForm({
  lastResult,
  goal,
  languages = ['fi'],
}: {
  lastResult: Result;
  goal: { id: string; title: string; description: string | null; lockVersion: number; titleSv?: string | null; titleEn?: string | null } | null;
  /** The council's languages: one title field per language (issue #14). */
  languages?: readonly string[];
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof goalSchema>>({
    id: goal ? `goal-${goal.id}-${goal.lockVersion}` : 'goal-new',
    lastResult,
    defaultValue: goal ? { title: goal.title, description: goal.description ?? '', titleSv: goal.titleSv ?? '', titleEn: goal.titleEn ?? '' } : undefined,
  });
  const langs = (['sv', 'en'] as const).filter((l) => showsLanguage(l, languages, [l === 'sv' ? goal?.titleSv : goal?.titleEn]) || Boolean(fields[l === 'sv' ? 'titleSv' : 'titleEn'].errors));
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="goal" />
      {goal ? <input type="hidden" name="goalId" value={goal.id} /> : null}
      {goal ? <input type="hidden" name="lockVersion" value={goal.lockVersion} /> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field meta={fields.title} label={t('plans.plan.goals.title')} />
      {langs.map((l) => (
        <Field
          key={l}
          meta={l === 'sv' ? fields.titleSv : fields.titleEn}
          label={t('content.fieldIn', { field: t('plans.plan.goals.title'), lang: t(`content.inLanguage.${l}`) })}
        />
      ))}
      <TextareaField meta={fields.description} label={t('plans.plan.goals.description')} rows={3} />
      <div>
        <button type="submit">{goal ? t('plans.plan.goals.save') : t('plans.plan.goals.add')}</button>
      </div>
    </Form>
  );
}

export interface ActionDefaults {
  id: string;
  goalId: string;
  title: string;
  titleSv?: string | null;
  titleEn?: string | null;
  description: string | null;
  ownerMembershipId: string | null;
  schedule: string | null;
  dueDate: string | null;
  status: (typeof ACTION_STATUS_VALUES)[number];
  outcome: string | null;
  lockVersion: number;
}

/** Add an action under a goal, or edit one (status and outcome track progress). */
export function ActionForm({
  lastResult,
  action,
  goals,
  owners,
  languages = ['fi'],
}: {
  lastResult: Result;
  action: ActionDefaults | null;
  goals: Array<{ id: string; position: number; title: string }>;
  owners: Array<{ membershipId: string; name: string; role: string }>;
  /** The council's languages: one title field per language (issue #14). */
  languages?: readonly string[];
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof actionSchema>>({
    id: action ? `action-${action.id}-${action.lockVersion}` : 'action-new',
    lastResult,
    defaultValue: action
      ? {
          goalId: action.goalId,
          title: action.title,
          titleSv: action.titleSv ?? '',
          titleEn: action.titleEn ?? '',
          description: action.description ?? '',
          owner: action.ownerMembershipId ?? SECRETARIAT_OWNER,
          schedule: action.schedule ?? '',
          dueDate: action.dueDate ?? '',
          status: action.status,
          outcome: action.outcome ?? '',
        }
      : { goalId: goals.at(-1)?.id, owner: SECRETARIAT_OWNER, status: 'planned' },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="action" />
      {action ? <input type="hidden" name="actionId" value={action.id} /> : null}
      {action ? <input type="hidden" name="lockVersion" value={action.lockVersion} /> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.goalId.id}>{t('plans.plan.goals.title')}</label>
        <select {...getSelectProps(fields.goalId)} key={fields.goalId.key}>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {t('plans.plan.goals.numbered', { n: g.position, title: g.title })}
            </option>
          ))}
        </select>
        <ErrorList id={fields.goalId.errorId} errors={fields.goalId.errors} />
      </div>
      <Field meta={fields.title} label={t('plans.plan.actions.title')} />
      {(['sv', 'en'] as const)
        .filter((l) => showsLanguage(l, languages, [l === 'sv' ? action?.titleSv : action?.titleEn]) || Boolean(fields[l === 'sv' ? 'titleSv' : 'titleEn'].errors))
        .map((l) => (
          <Field
            key={l}
            meta={l === 'sv' ? fields.titleSv : fields.titleEn}
            label={t('content.fieldIn', { field: t('plans.plan.actions.title'), lang: t(`content.inLanguage.${l}`) })}
          />
        ))}
      <TextareaField meta={fields.description} label={t('plans.plan.actions.description')} rows={3} />
      <div className="field">
        <label htmlFor={fields.owner.id}>{t('plans.plan.actions.owner')}</label>
        <select {...getSelectProps(fields.owner)} key={fields.owner.key}>
          <option value={SECRETARIAT_OWNER}>{t('plans.plan.actions.secretariat')}</option>
          {owners.map((o) => (
            <option key={o.membershipId} value={o.membershipId}>
              {o.name} ({t(`roles.${o.role}`)})
            </option>
          ))}
        </select>
        <ErrorList id={fields.owner.errorId} errors={fields.owner.errors} />
      </div>
      <Field meta={fields.schedule} label={t('plans.plan.actions.schedule')} />
      <Field meta={fields.dueDate} label={t('plans.plan.actions.dueDate')} type="date" />
      <div className="field">
        <label htmlFor={fields.status.id}>{t('plans.plan.actions.status')}</label>
        <select {...getSelectProps(fields.status)} key={fields.status.key}>
          {ACTION_STATUS_VALUES.map((s) => (
            <option key={s} value={s}>
              {t(`plans.actionStatuses.${s}`)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
      </div>
      <TextareaField meta={fields.outcome} label={t('plans.plan.actions.outcome')} rows={3} />
      <div>
        <button type="submit">{action ? t('plans.plan.actions.save') : t('plans.plan.actions.add')}</button>
      </div>
    </Form>
  );
}

/** Link an action to an agenda item of the same council. */
export function LinkForm({
  lastResult,
  actions,
  items,
  locale,
}: {
  lastResult: Result;
  actions: Array<{ id: string; title: string }>;
  items: ItemOption[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof linkSchema>>({ id: 'link', lastResult });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="link" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.actionId.id}>{t('plans.plan.actions.title')}</label>
        <select {...getSelectProps(fields.actionId)} key={fields.actionId.key}>
          {actions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
        <ErrorList id={fields.actionId.errorId} errors={fields.actionId.errors} />
      </div>
      <ItemSelect meta={fields.itemId} label={t('plans.plan.link.item')} options={items} locale={locale} emptyLabel={t('plans.plan.link.choose')} />
      <div>
        <button type="submit">{t('plans.plan.link.submit')}</button>
      </div>
    </Form>
  );
}

/** Mark the plan approved at a meeting item. */
export function ApprovePlanForm({ lastResult, lockVersion, items, locale }: { lastResult: Result; lockVersion: number; items: ItemOption[]; locale: Locale }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof approvePlanSchema>>({ id: 'approve', lastResult });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="approve" />
      <input type="hidden" name="lockVersion" value={lockVersion} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <ItemSelect meta={fields.itemId} label={t('plans.plan.approve.item')} options={items} locale={locale} emptyLabel={t('plans.plan.approve.noItem')} />
      <div>
        <button type="submit">{t('plans.plan.approve.submit')}</button>
      </div>
    </Form>
  );
}
