import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { itemLabel, type ItemOption } from '~/components/plans-plan-forms';
import type { Locale } from '~/lib/i18n';
import { showsLanguage } from '~/lib/content-languages';
import { INFLUENCE_OUTCOME_VALUES, STATEMENT_STATUS_VALUES, STATEMENT_TYPE_VALUES, statementSchema } from '~/validation/plans';

export interface StatementDefaults {
  id: string;
  lockVersion: number;
  type: (typeof STATEMENT_TYPE_VALUES)[number];
  status: (typeof STATEMENT_STATUS_VALUES)[number];
  issuedOn: string | null;
  recipient: string;
  title: string;
  body: string | null;
  titleSv?: string | null;
  titleEn?: string | null;
  bodySv?: string | null;
  bodyEn?: string | null;
  approvedItemId: string | null;
  response: string | null;
  responseDate: string | null;
  publishedAt: string | Date | null;
  caseNumber: string | null;
  caseUrl: string | null;
  responseDueOn: string | null;
  outcome: (typeof INFLUENCE_OUTCOME_VALUES)[number];
  steps: Array<{ happenedOn: string; description: string }>;
}

/** Add or edit one entry of the statements register. */
export function StatementForm({
  lastResult,
  statement,
  items,
  locale,
  cancelHref,
  languages = ['fi'],
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  statement: StatementDefaults | null;
  items: ItemOption[];
  locale: Locale;
  cancelHref: string;
  /** The council's languages: one title and text field per language (issue #14). */
  languages?: readonly string[];
}) {
  const { t } = useTranslation();
  const s = statement;
  const langs = (['sv', 'en'] as const).filter(
    (l) =>
      showsLanguage(l, languages, l === 'sv' ? [s?.titleSv, s?.bodySv] : [s?.titleEn, s?.bodyEn]) ||
      Boolean(lastResult?.error?.[l === 'sv' ? 'titleSv' : 'titleEn'] || lastResult?.error?.[l === 'sv' ? 'bodySv' : 'bodyEn']),
  );
  const [form, fields] = useForm<z.input<typeof statementSchema>>({
    id: s ? `statement-${s.id}` : 'statement-new',
    lastResult,
    defaultValue: s
      ? {
          type: s.type,
          status: s.status,
          issuedOn: s.issuedOn ?? '',
          recipient: s.recipient,
          title: s.title,
          body: s.body ?? '',
          titleSv: s.titleSv ?? '',
          titleEn: s.titleEn ?? '',
          bodySv: s.bodySv ?? '',
          bodyEn: s.bodyEn ?? '',
          approvedItemId: s.approvedItemId ?? '',
          response: s.response ?? '',
          responseDate: s.responseDate ?? '',
          published: s.publishedAt ? 'on' : undefined,
          caseNumber: s.caseNumber ?? '',
          caseUrl: s.caseUrl ?? '',
          responseDueOn: s.responseDueOn ?? '',
          outcome: s.outcome,
          steps: s.steps.map((step) => `${step.happenedOn} ${step.description}`).join('\n'),
        }
      : { type: 'statement', status: 'draft', outcome: 'pending' },
  });
  return (
    <Form method="post" className="stack plans-wide-form" {...getFormProps(form)}>
      {s ? (
        <>
          <input type="hidden" name="id" value={s.id} />
          <input type="hidden" name="lockVersion" value={s.lockVersion} />
        </>
      ) : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.type.id}>{t('plans.statements.fields.type')}</label>
        <select {...getSelectProps(fields.type)} key={fields.type.key}>
          {STATEMENT_TYPE_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`plans.statements.types.${v}`)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.type.errorId} errors={fields.type.errors} />
      </div>
      <Field meta={fields.title} label={t('plans.statements.fields.title')} />
      {langs.map((l) => (
        <Field key={l} meta={l === 'sv' ? fields.titleSv : fields.titleEn} label={t('content.fieldIn', { field: t('plans.statements.fields.title'), lang: t(`content.inLanguage.${l}`) })} />
      ))}
      <Field meta={fields.recipient} label={t('plans.statements.fields.recipient')} />
      <TextareaField meta={fields.body} label={t('plans.statements.fields.body')} rows={8} />
      {langs.map((l) => (
        <TextareaField
          key={l}
          meta={l === 'sv' ? fields.bodySv : fields.bodyEn}
          label={t('content.fieldIn', { field: t('plans.statements.fields.body'), lang: t(`content.inLanguage.${l}`) })}
          rows={8}
        />
      ))}
      <div className="field">
        <label htmlFor={fields.approvedItemId.id}>{t('plans.statements.fields.approvedItem')}</label>
        <select {...getSelectProps(fields.approvedItemId)} key={fields.approvedItemId.key}>
          <option value="">{t('plans.statements.fields.noItem')}</option>
          {items.map((o) => (
            <option key={o.id} value={o.id}>
              {itemLabel(o, locale)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.approvedItemId.errorId} errors={fields.approvedItemId.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.status.id}>{t('plans.statements.fields.status')}</label>
        <select {...getSelectProps(fields.status)} key={fields.status.key}>
          {STATEMENT_STATUS_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`plans.statements.statuses.${v}`)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
      </div>
      <Field meta={fields.issuedOn} label={t('plans.statements.fields.issuedOn')} type="date" />
      <fieldset className="stack">
        <legend>{t('plans.statements.fields.trace')}</legend>
        <Field meta={fields.caseNumber} label={t('plans.statements.fields.caseNumber')} />
        <Field meta={fields.caseUrl} label={t('plans.statements.fields.caseUrl')} type="url" />
        <Field meta={fields.responseDueOn} label={t('plans.statements.fields.responseDueOn')} type="date" />
        <TextareaField meta={fields.steps} label={t('plans.statements.fields.steps')} rows={4} />
        <p className="muted" id={`${fields.steps.id}-hint`}>
          {t('plans.statements.fields.stepsHint')}
        </p>
      </fieldset>
      <TextareaField meta={fields.response} label={t('plans.statements.fields.response')} rows={5} />
      <Field meta={fields.responseDate} label={t('plans.statements.fields.responseDate')} type="date" />
      <div className="field">
        <label htmlFor={fields.outcome.id}>{t('plans.statements.fields.outcome')}</label>
        <select {...getSelectProps(fields.outcome)} key={fields.outcome.key}>
          {INFLUENCE_OUTCOME_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`plans.statements.outcomes.${v}`)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.outcome.errorId} errors={fields.outcome.errors} />
      </div>
      <div className="field">
        <label className="plans-checkbox">
          <input {...getInputProps(fields.published, { type: 'checkbox' })} key={fields.published.key} /> {t('plans.statements.fields.published')}
        </label>
        <ErrorList id={fields.published.errorId} errors={fields.published.errors} />
      </div>
      <div>
        <button type="submit">{t('plans.statements.save')}</button> {s ? <Link to={cancelHref}>{t('plans.statements.cancel')}</Link> : null}
      </div>
    </Form>
  );
}
