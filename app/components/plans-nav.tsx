import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** Links between the secretariat's plan, report, statement and annual-cycle pages of a council. */
export function PlansManageNav({ slug, reportYear }: { slug: string; reportYear: number }) {
  const { t } = useTranslation();
  const base = `/manage/councils/${slug}`;
  return (
    <nav aria-label={t('plans.nav.heading')} className="plans-nav no-print">
      <ul className="nav-list">
        <li>
          <Link to={`${base}/plans`}>{t('plans.nav.plans')}</Link>
        </li>
        <li>
          <Link to={`${base}/reports/${reportYear}`}>{t('plans.report.yearTitle', { year: reportYear })}</Link>
        </li>
        <li>
          <Link to={`${base}/statements`}>{t('plans.nav.statements')}</Link>
        </li>
        <li>
          <Link to={`${base}/cycle`}>{t('plans.nav.cycle')}</Link>
        </li>
        <li>
          <Link to={`/councils/${slug}`}>{t('plans.nav.back')}</Link>
        </li>
      </ul>
    </nav>
  );
}
