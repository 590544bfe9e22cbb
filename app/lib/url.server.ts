import { appOrigin } from '~/lib/config.server';

/**
 * Absolute URL for links in emails, feeds and the API, from configuration only (APP_ORIGIN or
 * the local default). The request is accepted for call-site compatibility but never read:
 * its Host and X-Forwarded-* headers are attacker-controlled (password-reset link poisoning).
 */
export function absoluteUrl(_request: Request | null, path: string): string {
  return `${appOrigin()}${path}`;
}
