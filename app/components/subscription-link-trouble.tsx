import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** The page for a subscription or unsubscribe link that is unknown, spent or expired. */
export function SubscriptionLinkTrouble({ state, days }: { state: 'expired' | 'unknown'; days?: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="link-title">
      <h1 id="link-title">{state === 'expired' ? t('notify.link.expiredTitle') : t('notify.link.unknownTitle')}</h1>
      <p>{state === 'expired' ? t('notify.link.expired', { days }) : t('notify.link.unknown')}</p>
      <p>
        <Link to="/">{t('site.home')}</Link>
      </p>
    </section>
  );
}
