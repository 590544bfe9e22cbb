import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export interface MatterOptionView {
  id: string;
  title: string;
  diaryNumber: string | null;
}

/**
 * Links an agenda item or a statement to a matter (asia): pick an existing one, or name a new one
 * with an optional diary number. Posts to the council's matters page, which returns here.
 */
export function MatterLinkForm({
  slug,
  target,
  matters,
  current,
  returnTo,
}: {
  slug: string;
  target: { itemId: string } | { statementId: string };
  matters: MatterOptionView[];
  current: MatterOptionView | null;
  returnTo: string;
}) {
  const { t } = useTranslation();
  const key = 'itemId' in target ? target.itemId : target.statementId;
  const label = (m: MatterOptionView) => (m.diaryNumber ? `${m.title} (${m.diaryNumber})` : m.title);
  return (
    <Form method="post" action={`/manage/councils/${slug}/matters`} className="matter-link">
      <input type="hidden" name="intent" value="link-matter" />
      <input type="hidden" name="returnTo" value={returnTo} />
      <input type="hidden" name="expectedMatterId" value={current?.id ?? ''} />
      {'itemId' in target ? (
        <input type="hidden" name="itemId" value={target.itemId} />
      ) : (
        <input type="hidden" name="statementId" value={target.statementId} />
      )}
      <div className="field">
        <label htmlFor={`matter-${key}`}>{t('practice.matters.pick')}</label>
        <select id={`matter-${key}`} name="matterId" defaultValue={current?.id ?? ''}>
          <option value="">{t('practice.matters.none')}</option>
          {matters.map((m) => (
            <option key={m.id} value={m.id}>
              {label(m)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`matter-new-${key}`}>{t('practice.matters.newTitle')}</label>
        <input id={`matter-new-${key}`} name="newTitle" type="text" maxLength={300} />
      </div>
      <div className="field">
        <label htmlFor={`matter-diary-${key}`}>{t('practice.matters.newDiary')}</label>
        <input id={`matter-diary-${key}`} name="newDiaryNumber" type="text" maxLength={100} />
      </div>
      <button type="submit">{t('practice.matters.save')}</button>
    </Form>
  );
}
