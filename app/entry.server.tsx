import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { createInstance, type i18n as I18n } from 'i18next';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import i18nServer from '~/i18n.server';
import { i18nConfig } from '~/lib/i18n';
import { resources } from '~/lib/i18n-resources.server';
import { NonceContext } from '~/lib/nonce';
import { getLogger } from '~/lib/log.server';

const ABORT_DELAY = 5_000;

// One i18next instance per language for the life of the process: the resources never change and
// nothing calls changeLanguage, so requests can share them (a new one cost ~0.5 ms per request).
const instances = new Map<string, I18n>();
function i18nFor(lng: string): I18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = createInstance();
    void instance.use(initReactI18next).init({ ...i18nConfig, resources, lng, initImmediate: false });
    instances.set(lng, instance);
  }
  return instance;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lng = await i18nServer.getLocale(request);
  const instance = i18nFor(lng);
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined;
  // No route defers data, so waiting for everything costs nothing; the document then goes out as
  // one buffer with its length (one socket write, and the response cache stores it as is).

  return new Promise((resolve, reject) => {
    let allReady = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady: () => {
          allReady = true;
          const chunks: Buffer[] = [];
          const sink = new PassThrough();
          sink.on('data', (chunk: Buffer) => chunks.push(chunk));
          sink.on('end', () => {
            clearTimeout(timer);
            const body = Buffer.concat(chunks);
            responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
            responseHeaders.set('Content-Length', String(body.length));
            resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
          });
          sink.on('error', reject);
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Logged on the server only; the user sees the generic error page.
          if (allReady) console.error(error);
        },
      },
    );
    timer = setTimeout(abort, ABORT_DELAY);
  });
}

/** Log unexpected errors on the server; never send details to the browser. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  const logger = getLogger();
  logger.error({ err: error, reqId: request.headers.get('x-request-id') ?? undefined }, 'unhandled error');
  // Never let an error vanish: with the log silenced (tests) it still reaches stderr.
  if (!logger.isLevelEnabled('error')) console.error(error);
}
