import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { itemLabel, type ItemOption } from '~/components/plans-plan-forms';
import type { Locale } from '~/lib/i18n';
import { showsLanguage } from '~/lib/content-languages';
import { approveReportSchema, reportTextSchema } from '~/validation/plans';

type Result = SubmissionResult<string[]> | undefined;

/** The secretary's title and text of a draft report. */
export function ReportTextForm({
  lastResult,
  report,
  languages = ['fi'],
}: {
  lastResult: Result;
  report: { title: string; body: string | null; lockVersion: number; titleSv?: string | null; titleEn?: string | null; bodySv?: string | null; bodyEn?: string | null };
  /** The council's languages: one field per language (issue #14). */
  languages?: readonly string[];
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof reportTextSchema>>({
    id: 'report-text',
    lastResult,
    defaultValue: { title: report.title, body: report.body ?? '', titleSv: report.titleSv ?? '', titleEn: report.titleEn ?? '', bodySv: report.bodySv ?? '', bodyEn: report.bodyEn ?? '' },
  });
  const langs = (['sv', 'en'] as const).filter(
    (l) => showsLanguage(l, languages, l === 'sv' ? [report.titleSv, report.bodySv] : [report.titleEn, report.bodyEn]) || Boolean(fields[l === 'sv' ? 'titleSv' : 'titleEn'].errors ?? fields[l === 'sv' ? 'bodySv' : 'bodyEn'].errors),
  );
  const inLang = (key: string, l: 'sv' | 'en') => t('content.fieldIn', { field: t(key), lang: t(`content.inLanguage.${l}`) });
  return (
    <Form method="post" className="stack plans-wide-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="lockVersion" value={report.lockVersion} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field meta={fields.title} label={t('plans.report.text.title')} />
      {langs.map((l) => (
        <Field key={l} meta={l === 'sv' ? fields.titleSv : fields.titleEn} label={inLang('plans.report.text.title', l)} />
      ))}
      <TextareaField meta={fields.body} label={t('plans.report.text.body')} hint={t('plans.report.text.hint')} rows={16} />
      {langs.map((l) => (
        <TextareaField key={l} meta={l === 'sv' ? fields.bodySv : fields.bodyEn} label={inLang('plans.report.text.body', l)} rows={16} />
      ))}
      <div>
        <button type="submit">{t('plans.report.text.save')}</button>
      </div>
    </Form>
  );
}

/** Approve at a meeting item; a year that has not ended asks for an explicit confirmation. */
export function ApproveReportForm({
  lastResult,
  lockVersion,
  items,
  locale,
  year,
  yearEnded,
}: {
  lastResult: Result;
  lockVersion: number;
  items: ItemOption[];
  locale: Locale;
  year: number;
  yearEnded: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof approveReportSchema>>({ id: 'report-approve', lastResult });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="approve" />
      <input type="hidden" name="lockVersion" value={lockVersion} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.itemId.id}>{t('plans.report.approve.item')}</label>
        <select id={fields.itemId.id} name={fields.itemId.name} defaultValue={fields.itemId.initialValue} aria-describedby={fields.itemId.errorId}>
          <option value="">{t('plans.report.approve.noItem')}</option>
          {items.map((o) => (
            <option key={o.id} value={o.id}>
              {itemLabel(o, locale)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.itemId.errorId} errors={fields.itemId.errors} />
      </div>
      {yearEnded ? null : (
        <div className="field">
          <p className="notice">{t('plans.report.approve.yearNotEnded', { year })}</p>
          <label className="plans-checkbox">
            <input {...getInputProps(fields.confirmYearNotEnded, { type: 'checkbox' })} key={fields.confirmYearNotEnded.key} />{' '}
            {t('plans.report.approve.confirm', { year })}
          </label>
          <ErrorList id={fields.confirmYearNotEnded.errorId} errors={fields.confirmYearNotEnded.errors} />
        </div>
      )}
      <div>
        <button type="submit">{t('plans.report.approve.submit')}</button>
      </div>
    </Form>
  );
}
