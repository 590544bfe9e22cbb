import { useRouteLoaderData } from '@remix-run/react';
import { isLocale, type Locale } from '~/lib/i18n';

/** The visitor's language, as the root loader decided it. */
export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale?: string } | undefined;
  return isLocale(data?.locale) ? data.locale : 'fi';
}
