import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { getLogger } from '../app/lib/log.server';
import { isDraining } from '../app/lib/shutdown.server';
import { checkReadiness } from '../app/models/health.server';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Calendar feeds, invitations, replies and password resets carry secrets in the path.
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{32,}(\.[a-z]{1,5})?$/;

/** The path as logged: no query string, and long random tokens replaced by `:token`. */
export function loggablePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) && !UUID.test(segment) ? `:token${segment.match(/\.[a-z]{1,5}$/)?.[0] ?? ''}` : segment))
    .join('/')
    .slice(0, 300);
}

const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Gives each request an id (the proxy's X-Request-Id only when TRUST_PROXY=1, else a new one),
 * returns it in X-Request-Id, hands it to Remix in the same header, and logs one JSON line per
 * request when the response is finished or the client went away.
 */
export function requestLogging(): RequestHandler {
  const trustProxy = process.env.TRUST_PROXY === '1';
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = trustProxy && incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    req.headers['x-request-id'] = id;
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    // While draining, tell keep-alive clients to reconnect (to another instance).
    if (isDraining()) res.setHeader('Connection', 'close');
    const started = process.hrtime.bigint();
    let logged = false;
    const log = (aborted: boolean) => {
      if (logged) return;
      logged = true;
      const status = aborted && !res.headersSent ? 499 : res.statusCode;
      const line = {
        reqId: id,
        method: req.method,
        path: loggablePath(req.path),
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        ...(aborted ? { aborted: true } : {}),
      };
      const logger = getLogger();
      if (status >= 500) logger.error(line, 'request');
      else if (PROBES.has(req.path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    };
    res.on('finish', () => log(false));
    res.on('close', () => log(!res.writableFinished));
    next();
  };
}

/** GET /healthz (the process is up; no database) and GET /readyz (database and migrations), before Remix. */
export function mountHealthChecks(app: Express): void {
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (isDraining()) {
      res.status(503).json({ status: 'shutting_down' });
      return;
    }
    const readiness = await checkReadiness();
    if (!readiness.ready && readiness.database === 'unreachable') {
      getLogger().warn({ reqId: res.locals.requestId, reason: readiness.reason }, 'readiness: database unreachable');
    }
    // The reason stays in the log: the probe is public and the message may name hosts.
    const { ready, database, migrations } = readiness;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', database, migrations });
  });
}

/** Last in the chain: anything that escaped a handler is logged with the request id; the user gets a plain 500. */
export function errorLogging(): ErrorRequestHandler {
  return (error, _req, res, next) => {
    getLogger().error({ err: error, reqId: res.locals.requestId }, 'unhandled error');
    if (res.headersSent) {
      next(error);
      return;
    }
    res.status(500).type('text/plain').send('Internal Server Error');
  };
}
