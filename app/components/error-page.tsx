import { isRouteErrorResponse, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { STORAGE_READ_UNAVAILABLE, STORAGE_UNAVAILABLE } from '~/lib/error-codes';

function unavailableText(data: unknown): string {
  if (data === STORAGE_UNAVAILABLE) return 'ops.unavailable.storageText';
  if (data === STORAGE_READ_UNAVAILABLE) return 'ops.unavailable.storageReadText';
  return 'ops.unavailable.text';
}

/** A friendly error page: never a stack trace, never internal details. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const data = isRouteErrorResponse(error) && typeof error.data === 'string' ? error.data : '';
  const [title, text] =
    status === 404
      ? [t('errors.notFoundTitle'), t('errors.notFoundText')]
      : status === 403
        ? [t('errors.forbiddenTitle'), t('errors.forbiddenText')]
        : status === 413
          ? [t('http.tooLargeTitle'), t('http.tooLargeText', { limit: data })]
          : status === 415
            ? [t('http.unsupportedTitle'), t('http.unsupportedText')]
            : status === 405
              ? [t('http.methodTitle'), t('http.methodText')]
              : status === 400
                ? [t('errors.badRequestTitle'), data || t('http.badRequestText')]
                : status === 503
                  ? [t('ops.unavailable.title'), t(unavailableText(isRouteErrorResponse(error) ? error.data : null))]
                  : [t('errors.serverTitle'), t('errors.serverText')];
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      {text ? <p>{text}</p> : null}
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
