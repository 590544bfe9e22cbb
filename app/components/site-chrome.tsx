import { Form, Link, NavLink } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { supportedLanguages } from '~/lib/i18n';

export function SiteHeader({
  locale,
  path,
  user,
}: {
  locale: string;
  path: string;
  user: { displayName: string; isAdmin: boolean } | null;
}) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('site.skipToContent')}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="site-name">
          {t('site.name')}
        </Link>
        <nav aria-label={t('site.mainNav')}>
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t('site.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/meetings">{t('site.meetings')}</NavLink>
            </li>
            <li>
              <NavLink to="/search">{t('site.search')}</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/my/meetings">{t('site.myMeetings')}</NavLink>
                </li>
                <li>
                  <NavLink to="/my/checks">{t('site.myChecks')}</NavLink>
                </li>
                <li>
                  <NavLink to="/my/claims">{t('fees.nav.myClaims')}</NavLink>
                </li>
                <li>
                  <NavLink to="/manage" end>
                    {t('manage.title')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account">{user.displayName}</NavLink>
                </li>
                <li>
                  <Form method="post" action="/logout" className="inline-form">
                    <button type="submit" className="link-button">
                      {t('site.signOut')}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <li>
                <NavLink to="/login">{t('site.signIn')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <nav aria-label={t('site.language')} className="lang-switch">
          <ul className="nav-list">
            {supportedLanguages.map((lng) => (
              <li key={lng}>
                <a
                  href={`${path}?lng=${lng}`}
                  hrefLang={lng}
                  lang={lng}
                  aria-current={lng === locale ? 'true' : undefined}
                >
                  {t(`languages.${lng}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>
        {t('site.tagline')}. {t('site.footer')}
      </p>
      <ul className="nav-list">
        <li>
          <Link to="/accessibility">{t('site.accessibility')}</Link>
        </li>
        <li>
          <Link to="/feedback">{t('portal.feedback.title')}</Link>
        </li>
        <li>
          <a href="/feed.xml">{t('portal.feed')}</a>
        </li>
        <li>
          <a href="/api/v1">API</a>
        </li>
      </ul>
    </footer>
  );
}
