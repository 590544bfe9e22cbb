import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';

interface DeliveryRow {
  id: string;
  toAddress: string;
  kind: string;
  error: string | null;
  attempts: number;
  createdAt: string;
}

export interface DeliveryView {
  counts: { queued: number; sent: number; failed: number };
  failed: DeliveryRow[];
  waiting: DeliveryRow[];
}

/** The intent value of the resend form; the route's action reads the same constant. */
export const RESEND_FAILED_INTENT = 'resendFailed';

const KNOWN_KINDS = ['invitation', 'update', 'cancellation', 'ask', 'released', 'reminder', 'notification'];

function DeliveryTable({ rows, caption }: { rows: DeliveryRow[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('mail.delivery.to')}</th>
          <th scope="col">{t('mail.delivery.kind')}</th>
          <th scope="col">{t('mail.delivery.attempts')}</th>
          <th scope="col">{t('mail.delivery.error')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              {r.toAddress}
              <br />
              <span className="muted">{formatDateTime(new Date(r.createdAt), locale)}</span>
            </td>
            <td>{t(`mail.delivery.kinds.${KNOWN_KINDS.includes(r.kind) ? r.kind : 'other'}`)}</td>
            <td>{r.attempts}</td>
            <td>{r.error ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The secretary's view of a meeting's messages: sent, still queued (with the last error), failed. */
export function MeetingDelivery({ delivery }: { delivery: DeliveryView }) {
  const { t } = useTranslation();
  const { counts } = delivery;
  const total = counts.queued + counts.sent + counts.failed;
  return (
    <section aria-labelledby="delivery-title">
      <h2 id="delivery-title">{t('mail.delivery.title')}</h2>
      {total === 0 ? (
        <p className="muted">{t('mail.delivery.none')}</p>
      ) : (
        <p>{t('mail.delivery.summary', counts)}</p>
      )}
      {delivery.waiting.length > 0 ? (
        <>
          <p className="muted">{t('mail.delivery.waitingHint')}</p>
          <DeliveryTable rows={delivery.waiting} caption={t('mail.delivery.waitingTitle')} />
        </>
      ) : null}
      {delivery.failed.length > 0 ? (
        <>
          <DeliveryTable rows={delivery.failed} caption={t('mail.delivery.failedTitle')} />
          <Form method="post">
            <button type="submit" name="intent" value={RESEND_FAILED_INTENT}>
              {t('mail.delivery.resend')}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
