import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';

export interface PublicTerm {
  id: string;
  name: string;
  startDate: string;
  endDate: string | null;
  current: boolean;
}

/** A council's terms as links to each term's roster (public; works without JavaScript). */
export function TermList({ slug, terms, locale, activeId }: { slug: string; terms: PublicTerm[]; locale: Locale; activeId?: string }) {
  const { t } = useTranslation();
  if (terms.length === 0) return null;
  return (
    <ul className="plain-list">
      {terms.map((term) => {
        const label = `${term.name} (${formatDate(term.startDate, locale)} – ${term.endDate ? formatDate(term.endDate, locale) : ''})`;
        return (
          <li key={term.id}>
            {term.id === activeId ? (
              <strong aria-current="page">{label}</strong>
            ) : (
              <Link to={`/councils/${slug}/terms/${term.id}`}>{label}</Link>
            )}
            {term.current ? <span className="badge">{t('roster.terms.current')}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
