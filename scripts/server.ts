import crypto from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { isSecureDeployment } from '../app/lib/config.server';
import { isCrossSiteWrite } from '../app/lib/origin';
import { connectInvalidation, frontDoor, responseCacheFromEnv, type ResponseCache } from '../app/lib/response-cache.server';
import { getDatabase, type Database } from '../db/client.server';
import { createRemixHandler, trustedOrigin } from './http/remix-handler';
import { errorLogging, mountHealthChecks, requestLogging } from './observability';

export interface AppServerOptions {
  build?: ServerBuild;
  buildPath?: string;
  production?: boolean;
  /** The anonymous response cache; default from RESPONSE_CACHE_MB, null turns it off. */
  responseCache?: ResponseCache | null;
  /** Where commit notifications come from (default the app's database; tests give a second connection). */
  invalidationSource?: Database;
}

/** The Express app: security headers with a per-request CSP nonce, static files, Remix. */
export async function createApp(options: AppServerOptions = {}) {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const secure = isSecureDeployment();
  const build =
    options.build ??
    ((await import(
      pathToFileURL(options.buildPath ?? path.resolve('build', 'index.js')).href
    )) as ServerBuild);

  const app = express();
  const responseCache = options.responseCache === undefined ? responseCacheFromEnv() : options.responseCache;
  if (responseCache) await connectInvalidation(responseCache, (options.invalidationSource ?? getDatabase()).listen);
  app.locals.responseCache = responseCache;
  app.disable('x-powered-by');
  app.set('trust proxy', process.env.TRUST_PROXY === '1' ? 1 : false);
  app.use(requestLogging());
  mountHealthChecks(app);
  app.use(compression());

  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'connect-src': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'self'"],
          'object-src': ["'none'"],
          ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: secure ? { maxAge: 31536000, includeSubDomains: true } : false,
      xFrameOptions: { action: 'deny' },
    }),
  );

  // Refuse state-changing requests from other sites before they reach any action.
  app.use((req, res, next) => {
    if (isCrossSiteWrite(req.method, req.get('origin') ?? null, req.get('sec-fetch-site') ?? null, trustedOrigin(req))) {
      res.status(403).type('text/plain').send('Cross-site request refused.');
      return;
    }
    next();
  });

  // The client address for rate limits and the audit log; never trust a client-sent value.
  app.use((req, res, next) => {
    req.headers['x-neuvos-client-ip'] = req.ip ?? req.socket.remoteAddress ?? '';
    if (/(?:^|;\s*)(?:__Host-)?neuvos_session=/.test(req.headers.cookie ?? '')) res.set('Cache-Control', 'no-store');
    next();
  });

  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  app.use(express.static('public', { maxAge: '1h' }));

  if (responseCache) app.use(responseCache.capture());
  app.all(
    '*',
    // Remix with the URL from configuration (never Host/X-Forwarded-*) and a bounded body.
    createRemixHandler({
      build,
      mode: production ? 'production' : 'development',
      // dataRequest: a client-side navigation's loader fetch (?_data=…), which Remix hides from loaders;
      // the root loader then sends the next page's strings (app/root.tsx).
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        dataRequest: typeof req.query._data === 'string',
      }),
    }),
  );
  app.use(errorLogging());
  if (responseCache) frontDoor(app as unknown as Parameters<typeof frontDoor>[0], responseCache);
  return app;
}
