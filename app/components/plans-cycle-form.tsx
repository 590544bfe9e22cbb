import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorList, Field } from '~/components/form';
import { milestoneSchema } from '~/validation/plans';

export interface MilestoneDefaults {
  id: string;
  titleFi: string;
  titleSv: string | null;
  titleEn: string | null;
  startMonth: number;
  startDay: number;
  endMonth: number | null;
  endDay: number | null;
  remindDaysBefore: number | null;
  regionId: string | null;
  lockVersion: number;
}

const str = (n: number | null) => (n === null ? '' : String(n));

/** Add or edit a recurring milestone of the annual cycle. */
export function MilestoneForm({
  lastResult,
  milestone,
  mayEditRegion,
  cancelHref,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  milestone: MilestoneDefaults | null;
  mayEditRegion: boolean;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const m = milestone;
  const [form, fields] = useForm<z.input<typeof milestoneSchema>>({
    id: m ? `milestone-${m.id}-${m.lockVersion}` : 'milestone-new',
    lastResult,
    defaultValue: m
      ? {
          titleFi: m.titleFi,
          titleSv: m.titleSv ?? '',
          titleEn: m.titleEn ?? '',
          startMonth: str(m.startMonth),
          startDay: str(m.startDay),
          endMonth: str(m.endMonth),
          endDay: str(m.endDay),
          remindDaysBefore: str(m.remindDaysBefore),
        }
      : { remindDaysBefore: '14' },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="milestone" />
      {m ? <input type="hidden" name="id" value={m.id} /> : null}
      {m ? <input type="hidden" name="lockVersion" value={m.lockVersion} /> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field meta={fields.titleFi} label={t('plans.cycle.fields.titleFi')} />
      <Field meta={fields.titleSv} label={t('plans.cycle.fields.titleSv')} />
      <Field meta={fields.titleEn} label={t('plans.cycle.fields.titleEn')} />
      <div className="plans-pair">
        <Field meta={fields.startDay} label={t('plans.cycle.fields.startDay')} type="number" />
        <Field meta={fields.startMonth} label={t('plans.cycle.fields.startMonth')} type="number" />
      </div>
      <div className="plans-pair">
        <Field meta={fields.endDay} label={t('plans.cycle.fields.endDay')} type="number" />
        <Field meta={fields.endMonth} label={t('plans.cycle.fields.endMonth')} type="number" />
      </div>
      <Field meta={fields.remindDaysBefore} label={t('plans.cycle.fields.remindDaysBefore')} type="number" />
      {mayEditRegion && !m ? (
        <div className="field">
          <label className="plans-checkbox">
            <input {...getInputProps(fields.regionWide, { type: 'checkbox' })} key={fields.regionWide.key} /> {t('plans.cycle.fields.regionWide')}
          </label>
        </div>
      ) : null}
      <div>
        <button type="submit">{t('plans.cycle.save')}</button> {m ? <Link to={cancelHref}>{t('plans.statements.cancel')}</Link> : null}
      </div>
    </Form>
  );
}
