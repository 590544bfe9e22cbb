import i18nServer from '~/i18n.server';
import { isLocale, type Locale } from '~/lib/i18n';

/** The visitor's language and a translator for messages written in actions. */
export async function getT(request: Request) {
  const lng = await i18nServer.getLocale(request);
  const locale: Locale = isLocale(lng) ? lng : 'fi';
  const t = await i18nServer.getFixedT(locale, 'common');
  return { t, locale };
}

/** A redirect target from a form or query: only same-site paths. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  return target;
}
