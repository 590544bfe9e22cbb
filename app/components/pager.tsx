import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * Previous/next links for a paged list: plain links, so it works without JavaScript on public
 * pages. Renders nothing for a single page.
 */
export function Pager({ page, pages, linkTo, label }: { page: number; pages: number; linkTo: (page: number) => string; label?: string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label ?? t('portal.pager.label')}>
      <p className="muted">{t('portal.pager.page', { page, pages })}</p>
      <ul className="pager">
        {page > 1 ? (
          <li>
            <Link to={linkTo(Math.min(page - 1, pages))} rel="prev">
              {t('portal.pager.previous')}
            </Link>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <Link to={linkTo(page + 1)} rel="next">
              {t('portal.pager.next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
