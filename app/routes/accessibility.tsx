import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export const meta: MetaFunction = () => [{ title: 'Saavutettavuusseloste – Neuvos' }];

/** The accessibility statement the Act on the Provision of Digital Services requires. */
export default function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <article>
      <h1>{t('portal.accessibility.title')}</h1>
      <p>{t('portal.accessibility.intro')}</p>
      <h2>{t('portal.accessibility.status')}</h2>
      <p>{t('portal.accessibility.statusText')}</p>
      <h2>{t('portal.accessibility.limits')}</h2>
      <p>{t('portal.accessibility.limitsText')}</p>
      <h2>{t('portal.accessibility.feedbackTitle')}</h2>
      <p>{t('portal.accessibility.feedbackText')}</p>
      <p>
        <Link to="/feedback">{t('portal.accessibility.feedbackLink')}</Link>
      </p>
      <h2>{t('portal.accessibility.enforcement')}</h2>
      <p>{t('portal.accessibility.enforcementText')}</p>
      <p className="muted">{t('portal.accessibility.updated')}</p>
    </article>
  );
}
