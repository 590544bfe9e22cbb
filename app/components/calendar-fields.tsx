import { getSelectProps, type FieldMetadata } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { ErrorList, Field } from '~/components/form';
import { formatMeetingTime } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { MEETING_TYPES, PUBLICITY_VALUES, SERIES_PRESETS } from '~/validation/calendar';

type Meta = FieldMetadata<string | undefined | null>;

function Select({ meta, label, options, hint }: { meta: Meta; label: string; options: Array<{ value: string; label: string }>; hint?: string }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="muted">
          {hint}
        </p>
      ) : null}
      <select {...getSelectProps(meta, { ariaDescribedBy: hintId })} key={meta.key}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** Meeting type, address, room, members-only online link and publicity. */
export function PlaceFields({
  fields,
}: {
  fields: { meetingType: Meta; address: Meta; room: Meta; onlineUrl: Meta; publicity: Meta };
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="stack calendar-fields">
      <legend>{t('calendar.fields.place')}</legend>
      <Select
        meta={fields.meetingType}
        label={t('calendar.fields.meetingType')}
        options={MEETING_TYPES.map((v) => ({ value: v, label: t(`meetings.${v}`) }))}
      />
      <Field meta={fields.address} label={t('calendar.fields.address')} autoComplete="street-address" />
      <Field meta={fields.room} label={t('calendar.fields.room')} />
      <Field meta={fields.onlineUrl} label={t('calendar.fields.onlineUrl')} type="url" hint={t('calendar.fields.onlineUrlHint')} />
      <Select
        meta={fields.publicity}
        label={t('calendar.fields.publicity')}
        options={PUBLICITY_VALUES.map((v) => ({ value: v, label: t(`calendar.publicity.${v}`) }))}
        hint={t('calendar.fields.publicityHint')}
      />
    </fieldset>
  );
}

/** The recurrence part of a series form: preset, custom RRULE, first date, time, length, end. */
export function SeriesRuleFields({
  fields,
}: {
  fields: { preset: Meta; customRule: Meta; firstDate: Meta; startTime: Meta; durationMinutes: FieldMetadata<number | string | undefined | null>; until: Meta };
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="stack calendar-fields">
      <legend>{t('calendar.fields.recurrence')}</legend>
      <Select
        meta={fields.preset}
        label={t('calendar.fields.preset')}
        options={SERIES_PRESETS.map((v) => ({ value: v, label: t(`calendar.presets.${v}`) }))}
        hint={t('calendar.fields.presetHint')}
      />
      <Field meta={fields.customRule} label={t('calendar.fields.customRule')} hint={t('calendar.fields.customRuleHint')} />
      <Field meta={fields.firstDate} label={t('calendar.fields.firstDate')} type="date" />
      <Field meta={fields.startTime} label={t('calendar.fields.startTime')} type="time" />
      <Field meta={fields.durationMinutes} label={t('calendar.fields.duration')} type="number" />
      <Field meta={fields.until} label={t('calendar.fields.until')} type="date" hint={t('calendar.fields.untilHint')} />
    </fieldset>
  );
}

/** The dates a new series will create, announced politely as the form changes. */
export function SeriesPreview({ dates, error }: { dates: Array<{ start: string; end: string; past: boolean }> | null; error: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="preview-title" aria-live="polite" className="series-preview">
      <h3 id="preview-title">{dates ? t('calendar.manage.previewTitle', { count: dates.filter((d) => !d.past).length }) : t('calendar.manage.preview')}</h3>
      {error ? <p className="error-text">{error}</p> : null}
      {dates ? (
        <ol>
          {dates.map((d) => (
            <li key={d.start} className={d.past ? 'muted' : undefined}>
              <time dateTime={d.start}>{formatMeetingTime(d.start, d.end, locale)}</time>
              {d.past ? ` (${t('calendar.manage.previewPast')})` : ''}
            </li>
          ))}
        </ol>
      ) : error ? null : (
        <p className="muted">{t('calendar.manage.previewEmpty')}</p>
      )}
    </section>
  );
}
