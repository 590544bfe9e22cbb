import { getCollectionProps, getSelectProps, type FieldMetadata } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { councilLabel } from '~/lib/council-label';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { COUNCIL_KINDS, COUNCIL_ORIGINS, PUBLICITIES } from '~/validation/roster';

type Meta = FieldMetadata<string | undefined>;

export interface CouncilFieldset {
  nameFi: Meta;
  nameSv: Meta;
  nameEn: Meta;
  kind: Meta;
  origin: Meta;
  parentId: Meta;
  publicityDefault: Meta;
  languages: FieldMetadata<string[] | undefined>;
  descriptionFi: Meta;
  descriptionSv: Meta;
  descriptionEn: Meta;
  meetingFeeNote: Meta;
  meetingFeeNoteSv: Meta;
  meetingFeeNoteEn: Meta;
  secretariatContact: Meta;
  appointingBody: Meta;
  appointingBodySv: Meta;
  appointingBodyEn: Meta;
  appointingDecisionDate: Meta;
  appointingDecisionUrl: Meta;
}

function Select({ meta, label, options, empty }: { meta: Meta; label: string; options: Array<{ value: string; label: string }>; empty?: string }) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select {...getSelectProps(meta)} key={meta.key}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
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

/** The council's facts, shared by the create and edit forms. */
export function CouncilFields({ fields, parents }: { fields: CouncilFieldset; parents: Array<{ id: string; nameFi: string; regionNameFi?: string | null }> }) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="roster-fieldset">
        <legend>{t('roster.council.names')}</legend>
        <Field meta={fields.nameFi} label={t('roster.council.nameFi')} />
        <Field meta={fields.nameSv} label={t('roster.council.nameSv')} />
        <Field meta={fields.nameEn} label={t('roster.council.nameEn')} />
      </fieldset>
      <Select meta={fields.kind} label={t('council.kind')} options={COUNCIL_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} empty="" />
      <Select meta={fields.origin} label={t('council.origin')} options={COUNCIL_ORIGINS.map((o) => ({ value: o, label: t(`origins.${o}`) }))} empty="" />
      <Select meta={fields.parentId} label={t('roster.council.parent')} options={parents.map((p) => ({ value: p.id, label: councilLabel(p.nameFi, p.regionNameFi) }))} empty={t('roster.council.noParent')} />
      <Select meta={fields.publicityDefault} label={t('roster.council.publicity')} options={PUBLICITIES.map((p) => ({ value: p, label: t(`roster.publicity.${p}`) }))} />
      <fieldset className="roster-fieldset">
        <legend>{t('council.languagesUsed')}</legend>
        {getCollectionProps(fields.languages, { type: 'checkbox', options: ['fi', 'sv', 'en'] }).map((props) => (
          <label key={props.id} htmlFor={props.id} className="checkbox">
            <input {...props} key={props.key} /> {t(`languages.${props.value}`)}
          </label>
        ))}
        <ErrorList id={fields.languages.errorId} errors={fields.languages.errors} />
      </fieldset>
      <TextareaField meta={fields.descriptionFi} label={t('roster.council.descriptionFi')} rows={3} />
      <TextareaField meta={fields.descriptionSv} label={t('roster.council.descriptionSv')} rows={3} />
      <TextareaField meta={fields.descriptionEn} label={t('roster.council.descriptionEn')} rows={3} />
      <Field meta={fields.meetingFeeNote} label={t('roster.council.meetingFeeNote')} />
      <Field meta={fields.meetingFeeNoteSv} label={t('content.fieldIn', { field: t('roster.council.meetingFeeNote'), lang: t('content.inLanguage.sv') })} />
      <Field meta={fields.meetingFeeNoteEn} label={t('content.fieldIn', { field: t('roster.council.meetingFeeNote'), lang: t('content.inLanguage.en') })} />
      <Field meta={fields.secretariatContact} label={t('roster.council.secretariatContact')} hint={t('roster.council.secretariatContactHint')} />
      <fieldset className="roster-fieldset">
        <legend>{t('roster.council.appointing')}</legend>
        <Field meta={fields.appointingBody} label={t('roster.council.appointingBody')} />
        <Field meta={fields.appointingBodySv} label={t('content.fieldIn', { field: t('roster.council.appointingBody'), lang: t('content.inLanguage.sv') })} />
        <Field meta={fields.appointingBodyEn} label={t('content.fieldIn', { field: t('roster.council.appointingBody'), lang: t('content.inLanguage.en') })} />
        <Field meta={fields.appointingDecisionDate} label={t('roster.council.appointingDecisionDate')} type="date" />
        <Field meta={fields.appointingDecisionUrl} label={t('roster.council.appointingDecisionUrl')} type="url" />
      </fieldset>
    </>
  );
}
