import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';

type When = string | Date;

export interface DeclarationView {
  id: string;
  agendaItemId: string;
  name: string;
  reason: string | null;
  declaredAt: When;
  status: 'declared' | 'confirmed' | 'rejected';
  decidedAt: When | null;
  decidedBy: string | null;
  decisionNote: string | null;
  lockVersion: number;
}

/**
 * The member's own conflict-of-interest declarations and, before the meeting starts, the form to
 * declare one on an item of the published agenda.
 */
export function ConflictDeclareForm({
  items,
  mine,
  open,
  locale,
  error,
  message,
}: {
  items: Array<{ id: string; number: string | null; title: string }>;
  mine: DeclarationView[];
  open: boolean;
  locale: Locale;
  error?: string;
  message?: string;
}) {
  const { t } = useTranslation();
  const titleOf = new Map(items.map((i) => [i.id, `${i.number ? `${i.number} ` : ''}${i.title}`]));
  return (
    <section aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('practice.conflicts.heading')}</h2>
      {message ? <p role="status">{message}</p> : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {mine.length > 0 ? (
        <ul>
          {mine.map((d) => (
            <li key={d.id}>
              {titleOf.get(d.agendaItemId) ?? ''}: {t(`practice.conflicts.statuses.${d.status}`)} (
              {formatDateTime(d.declaredAt, locale)}){d.reason ? ` – ${d.reason}` : ''}
              {d.decisionNote ? ` · ${t('practice.conflicts.note')}: ${d.decisionNote}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {open && items.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="declare-conflict" />
          <div className="field">
            <label htmlFor="conflict-item">{t('records.agenda')}</label>
            <select id="conflict-item" name="itemId" required>
              {items.map((i) => (
                <option key={i.id} value={i.id}>
                  {titleOf.get(i.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="conflict-reason">{t('practice.conflicts.reason')}</label>
            <textarea id="conflict-reason" name="reason" rows={3} maxLength={2000} />
          </div>
          <button type="submit">{t('practice.conflicts.declare')}</button>
        </Form>
      ) : (
        <p className="muted">{t('practice.conflicts.tooLate')}</p>
      )}
    </section>
  );
}

/** The secretary's view of an item's declarations in the minutes editor: confirm or reject each. */
export function ConflictDecisions({
  meetingId,
  declarations,
  version,
  locale,
}: {
  meetingId: string;
  declarations: DeclarationView[];
  version: { id: string; lockVersion: number; status: string } | null;
  locale: Locale;
}) {
  const { t } = useTranslation();
  if (declarations.length === 0) return null;
  const action = `/manage/meetings/${meetingId}/conflicts`;
  return (
    <div className="records-conflicts">
      <h4>{t('practice.conflicts.declarations')}</h4>
      <ul>
        {declarations.map((d) => (
          <li key={d.id}>
            <p>
              {t('practice.conflicts.declaredBy', { name: d.name, date: formatDateTime(d.declaredAt, locale) })}
              {d.reason ? `: ${d.reason}` : ''} · <strong>{t(`practice.conflicts.statuses.${d.status}`)}</strong>
              {d.decidedAt ? ` (${d.decidedBy ?? ''} ${formatDateTime(d.decidedAt, locale)})` : ''}
              {d.decisionNote ? ` – ${d.decisionNote}` : ''}
            </p>
            {d.status === 'declared' ? (
              <Form method="post" action={action}>
                <input type="hidden" name="declarationId" value={d.id} />
                <input type="hidden" name="declarationLockVersion" value={d.lockVersion} />
                {version && version.status === 'draft' ? (
                  <>
                    <input type="hidden" name="versionId" value={version.id} />
                    <input type="hidden" name="lockVersion" value={version.lockVersion} />
                  </>
                ) : null}
                <div className="field">
                  <label htmlFor={`conflict-note-${d.id}`}>{t('practice.conflicts.note')}</label>
                  <input id={`conflict-note-${d.id}`} name="note" type="text" maxLength={2000} />
                </div>
                <button
                  type="submit"
                  name="intent"
                  value="confirm-conflict"
                  disabled={!version || version.status !== 'draft'}
                >
                  {t('practice.conflicts.confirm')}
                </button>{' '}
                <button type="submit" name="intent" value="reject-conflict">
                  {t('practice.conflicts.reject')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
