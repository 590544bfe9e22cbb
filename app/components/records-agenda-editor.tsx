import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { PUBLICITIES, type agendaItemSchema } from '~/validation/records';
import { APPEAL_CHOICES, PERSONAL_DATA_CLASS_VALUES, isPlaceholderTitle } from '~/validation/lifecycle';
import { showsLanguage, type ContentLang } from '~/lib/content-languages';

const suffix = (lang: ContentLang) => (lang === 'sv' ? 'Sv' : 'En') as 'Sv' | 'En';

type Publicity = (typeof PUBLICITIES)[number];

export interface EditableItem {
  id: string;
  number: string | null;
  title: string;
  body: string | null;
  presenter: string | null;
  proposal: string | null;
  publicity: Publicity;
  withheldReason: string | null;
  titleSv?: string | null;
  titleEn?: string | null;
  bodySv?: string | null;
  bodyEn?: string | null;
  proposalSv?: string | null;
  proposalEn?: string | null;
  plainSummaryFi?: string | null;
  plainSummarySv?: string | null;
  plainSummaryEn?: string | null;
  personalDataClass?: (typeof PERSONAL_DATA_CLASS_VALUES)[number];
  appealNotice?: (typeof APPEAL_CHOICES)[number];
  lockVersion: number;
  sectionNumber: number | null;
  attachments: Array<{ id: string; title: string; filename: string; publicity: Publicity; sizeBytes: number; personalDataClass?: (typeof PERSONAL_DATA_CLASS_VALUES)[number] }>;
}

/** Create (no item) or edit one agenda item; the lock version rides along for optimistic locking. */
export function AgendaItemForm({
  item,
  lastResult,
  languages = ['fi'],
}: {
  item?: EditableItem;
  lastResult?: SubmissionResult<string[]>;
  /** The council's languages: one field per language for each text (issue #14). */
  languages?: readonly string[];
}) {
  const { t } = useTranslation();
  const errorOn = (name: string) => Boolean(lastResult?.error?.[name]);
  const shows = (lang: ContentLang) =>
    showsLanguage(lang, languages, [item?.[`title${suffix(lang)}`], item?.[`body${suffix(lang)}`], item?.[`proposal${suffix(lang)}`], item?.[`plainSummary${suffix(lang)}`]]) ||
    ['title', 'body', 'proposal', 'plainSummary'].some((b) => errorOn(`${b}${suffix(lang)}`));
  const langs = (['sv', 'en'] as const).filter(shows);
  const label = (key: string, lang: ContentLang) => t('content.fieldIn', { field: t(key), lang: t(`content.inLanguage.${lang}`) });
  const [form, fields] = useForm<z.input<typeof agendaItemSchema>>({
    // A new lock version gives a fresh form with what the server now holds.
    id: item ? `item-${item.id}-${item.lockVersion}` : 'new-item',
    lastResult,
    defaultValue: item
      ? {
          intent: 'save-item',
          itemId: item.id,
          lockVersion: String(item.lockVersion),
          title: item.title,
          body: item.body ?? '',
          presenter: item.presenter ?? '',
          proposal: item.proposal ?? '',
          publicity: item.publicity,
          withheldReason: item.withheldReason ?? '',
          titleSv: item.titleSv ?? '',
          titleEn: item.titleEn ?? '',
          bodySv: item.bodySv ?? '',
          bodyEn: item.bodyEn ?? '',
          proposalSv: item.proposalSv ?? '',
          proposalEn: item.proposalEn ?? '',
          plainSummaryFi: item.plainSummaryFi ?? '',
          plainSummarySv: item.plainSummarySv ?? '',
          plainSummaryEn: item.plainSummaryEn ?? '',
          personalDataClass: item.personalDataClass ?? 'none',
          appealNotice: item.appealNotice ?? 'default',
        }
      : { intent: 'save-item', publicity: 'public', personalDataClass: 'none', appealNotice: 'default' },
    shouldRevalidate: 'onBlur',
  });
  return (
    <Form method="post" className="stack records-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-item" />
      {item ? (
        <>
          <input type="hidden" name="itemId" value={item.id} />
          <input type="hidden" name="lockVersion" value={item.lockVersion} />
        </>
      ) : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field meta={fields.title} label={t('records.agendaPage.title_')} />
      {langs.map((l) => (
        <Field key={l} meta={l === 'sv' ? fields.titleSv : fields.titleEn} label={label('records.agendaPage.title_', l)} />
      ))}
      <TextareaField meta={fields.plainSummaryFi} label={t('content.plainSummary')} rows={3} />
      {langs.map((l) => (
        <TextareaField key={l} meta={l === 'sv' ? fields.plainSummarySv : fields.plainSummaryEn} label={label('content.plainSummary', l)} rows={3} />
      ))}
      <PlaceholderTitleWarning title={fields.title.value ?? item?.title ?? ''} publicity={fields.publicity.value ?? item?.publicity ?? 'public'} id={`${form.id}-title-warning`} />
      <TextareaField meta={fields.body} label={t('records.agendaPage.body')} hint={t('records.agendaPage.bodyHint')} rows={8} />
      {langs.map((l) => (
        <TextareaField key={l} meta={l === 'sv' ? fields.bodySv : fields.bodyEn} label={label('records.agendaPage.body', l)} rows={8} />
      ))}
      <Field meta={fields.presenter} label={t('records.agendaPage.presenter')} />
      <TextareaField meta={fields.proposal} label={t('records.agendaPage.proposal')} rows={3} />
      {langs.map((l) => (
        <TextareaField key={l} meta={l === 'sv' ? fields.proposalSv : fields.proposalEn} label={label('records.agendaPage.proposal', l)} rows={3} />
      ))}
      <div className="field">
        <label htmlFor={fields.publicity.id}>{t('records.agendaPage.publicity')}</label>
        <select {...getSelectProps(fields.publicity)} key={fields.publicity.key}>
          {PUBLICITIES.map((p) => (
            <option key={p} value={p}>
              {t(`records.publicity.${p}`)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.publicity.errorId} errors={fields.publicity.errors} />
      </div>
      <Field meta={fields.withheldReason} label={t('records.agendaPage.withheldReason')} hint={t('records.agendaPage.withheldReasonHint')} />
      <div className="field">
        <label htmlFor={fields.personalDataClass.id}>{t('lifecycle.personalDataClass')}</label>
        <p id={`${fields.personalDataClass.id}-hint`} className="muted">
          {t('lifecycle.personalDataClassHint')}
        </p>
        <select {...getSelectProps(fields.personalDataClass)} key={fields.personalDataClass.key} aria-describedby={`${fields.personalDataClass.id}-hint`}>
          {PERSONAL_DATA_CLASS_VALUES.map((c) => (
            <option key={c} value={c}>
              {t(`lifecycle.classes.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fields.appealNotice.id}>{t('lifecycle.appealChoice')}</label>
        <select {...getSelectProps(fields.appealNotice)} key={fields.appealNotice.key}>
          {APPEAL_CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(`lifecycle.appealChoices.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit">{item ? t('records.agendaPage.save') : t('records.agendaPage.add')}</button>
      </div>
    </Form>
  );
}

/** Issue 14.4: a withheld item's title must still say what the matter is; warn (never block) on a placeholder. */
export function PlaceholderTitleWarning({ title, publicity, id }: { title: string; publicity: string; id: string }) {
  const { t } = useTranslation();
  if (publicity === 'public' || title.trim() === '' || !isPlaceholderTitle(title)) return null;
  return (
    <p id={id} className="warning" role="status">
      {t('lifecycle.placeholderTitle', { title: title.trim() })}
    </p>
  );
}

/** Move up/down and delete buttons for one item. */
export function AgendaItemControls({ item, first, last }: { item: EditableItem; first: boolean; last: boolean }) {
  const { t } = useTranslation();
  const hidden = (
    <>
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="lockVersion" value={item.lockVersion} />
    </>
  );
  return (
    <div className="records-controls">
      {!first ? (
        <Form method="post" className="inline-form">
          {hidden}
          <button type="submit" name="intent" value="move-up" className="secondary">
            {t('records.agendaPage.moveUp')}
            <span className="visually-hidden">: {item.title}</span>
          </button>
        </Form>
      ) : null}
      {!last ? (
        <Form method="post" className="inline-form">
          {hidden}
          <button type="submit" name="intent" value="move-down" className="secondary">
            {t('records.agendaPage.moveDown')}
            <span className="visually-hidden">: {item.title}</span>
          </button>
        </Form>
      ) : null}
      {item.sectionNumber === null ? (
        <Form method="post" className="inline-form">
          {hidden}
          <button type="submit" name="intent" value="delete-item" className="secondary">
            {t('records.agendaPage.delete')}
            <span className="visually-hidden">: {item.title}</span>
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** The item's attachments with delete buttons, and the upload form (multipart, checked on the server). */
export function AgendaAttachments({ item, maxMb, error }: { item: EditableItem; maxMb: number; error?: string }) {
  const { t } = useTranslation();
  const fileId = `file-${item.id}`;
  return (
    <div className="records-attachments">
      <h4>{t('records.agendaPage.attachments')}</h4>
      {item.attachments.length > 0 ? (
        <ul>
          {item.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/attachments/${a.id}`}>{a.title}</a> <span className="badge">{t(`records.publicity.${a.publicity}`)}</span>{' '}
              {a.personalDataClass && a.personalDataClass !== 'none' ? <span className="badge">{t(`lifecycle.classes.${a.personalDataClass}`)}</span> : null}{' '}
              <Form method="post" className="inline-form">
                <input type="hidden" name="attachmentId" value={a.id} />
                <button type="submit" name="intent" value="delete-attachment" className="link-button">
                  {t('records.agendaPage.deleteAttachment')}
                  <span className="visually-hidden">: {a.title}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="upload" />
        <input type="hidden" name="itemId" value={item.id} />
        {error ? (
          <p role="alert" className="error-text">
            {error}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={fileId}>{t('records.agendaPage.file')}</label>
          <p id={`${fileId}-hint`} className="muted">
            {t('records.agendaPage.fileHint', { mb: maxMb })}
          </p>
          <input id={fileId} type="file" name="file" required aria-describedby={`${fileId}-hint`} />
        </div>
        <div className="field">
          <label htmlFor={`title-${item.id}`}>{t('records.agendaPage.attachmentTitle')}</label>
          <input id={`title-${item.id}`} name="title" type="text" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`publicity-${item.id}`}>{t('records.agendaPage.attachmentPublicity')}</label>
          <select id={`publicity-${item.id}`} name="publicity" defaultValue={item.publicity}>
            {PUBLICITIES.map((p) => (
              <option key={p} value={p}>
                {t(`records.publicity.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`pdclass-${item.id}`}>{t('lifecycle.personalDataClass')}</label>
          <select id={`pdclass-${item.id}`} name="personalDataClass" defaultValue={item.personalDataClass ?? 'none'}>
            {PERSONAL_DATA_CLASS_VALUES.map((c) => (
              <option key={c} value={c}>
                {t(`lifecycle.classes.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="secondary">
            {t('records.agendaPage.upload')}
          </button>
        </div>
      </Form>
    </div>
  );
}
