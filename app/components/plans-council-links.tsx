import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export interface CouncilRecordsSummaryData {
  planYears: number[];
  reportYears: number[];
  statements: number;
  milestones: number;
}

/**
 * The council page's section linking to its published action plans, annual reports, the
 * statements register and the annual cycle. Render it only for councils whose records are public.
 */
export function CouncilRecordsLinks({ slug, summary }: { slug: string; summary: CouncilRecordsSummaryData }) {
  const { t } = useTranslation();
  const empty = summary.planYears.length === 0 && summary.reportYears.length === 0 && summary.statements === 0 && summary.milestones === 0;
  return (
    <section aria-labelledby="council-records-title" className="plans-council-links">
      <h2 id="council-records-title">{t('plans.council.heading')}</h2>
      {empty ? (
        <p className="muted">{t('plans.council.none')}</p>
      ) : (
        <ul>
          {summary.planYears.map((year) => (
            <li key={`plan-${year}`}>
              <Link to={`/councils/${slug}/plans/${year}`}>{t('plans.council.plans', { year })}</Link>
            </li>
          ))}
          {summary.reportYears.map((year) => (
            <li key={`report-${year}`}>
              <Link to={`/councils/${slug}/reports/${year}`}>{t('plans.council.reports', { year })}</Link>
            </li>
          ))}
          {summary.statements > 0 ? (
            <li>
              <Link to={`/councils/${slug}/statements`}>{t('plans.council.statements', { count: summary.statements })}</Link>
            </li>
          ) : null}
          {summary.milestones > 0 ? (
            <li>
              <Link to={`/councils/${slug}/cycle`}>{t('plans.council.cycle')}</Link>
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
