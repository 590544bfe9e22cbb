import i18nServer from '~/i18n.server';
import { isLocale, type Locale } from '~/lib/i18n';

/** The visitor's language and a translator for messages written in actions. */
export async function getT(request: Request) {
  const lng = await i18nServer.getLocale(request);
  const locale: Locale = isLocale(lng) ? lng : 'fi';
  const t = await i18nServer.getFixedT(locale, 'common');
  return { t, locale };
}

/** Redirect targets are checked in one place (kept importable from here for existing routes). */
export { safeRedirect } from '~/lib/http/redirect';
