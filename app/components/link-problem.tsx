import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** The page for an expired, used or unknown single-use link, offering a new one. */
export function LinkProblem({ status, kind }: { status: 'expired' | 'used' | 'unknown'; kind: 'invitation' | 'reset' }) {
  const { t } = useTranslation();
  const title = status === 'expired' ? t('auth.link.expiredTitle') : status === 'used' ? t('auth.link.usedTitle') : t('auth.link.unknownTitle');
  return (
    <section aria-labelledby="link-title">
      <h1 id="link-title">{title}</h1>
      <p>{t('auth.link.text')}</p>
      {kind === 'invitation' ? (
        <p>{t('auth.link.askInvite')}</p>
      ) : (
        <p>
          <Link to="/reset-password">{t('auth.link.askReset')}</Link>
        </p>
      )}
    </section>
  );
}
