import { appOrigin } from '~/lib/config.server';

/** Absolute URL for links in emails and feeds: APP_ORIGIN, or the request's own origin. */
export function absoluteUrl(request: Request, path: string): string {
  return `${appOrigin() ?? new URL(request.url).origin}${path}`;
}
