import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { getLogger } from '../app/lib/log.server';
import { runShutdownHooks, setDraining } from '../app/lib/shutdown.server';

export interface GracefulShutdownOptions {
  /** How long in-flight requests may take to finish (SHUTDOWN_TIMEOUT_MS, default 10 s). */
  timeoutMs?: number;
  /** Closes the database after the hooks have run. */
  closeDatabase: () => Promise<void>;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/** The timeout from SHUTDOWN_TIMEOUT_MS, or 10 s. */
export function shutdownTimeoutMs(): number {
  const n = Number(process.env.SHUTDOWN_TIMEOUT_MS);
  return Number.isInteger(n) && n > 0 ? n : 10_000;
}

/**
 * On SIGTERM/SIGINT: /readyz turns 503, the server stops accepting connections, requests in flight
 * finish (or are cut after the timeout), the onShutdown hooks run (the queue stops and lets its
 * jobs finish), the database closes, and the process exits 0. A second signal exits at once.
 * Returns the shutdown function, also for tests.
 */
export function installGracefulShutdown(server: Server, options: GracefulShutdownOptions): () => Promise<void> {
  const timeoutMs = options.timeoutMs ?? shutdownTimeoutMs();
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const log = getLogger();

  // Track which connections are in the middle of a request, to close idle ones at once.
  const busy = new Map<Socket, number>();
  server.on('request', (req, res) => {
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    res.on('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) busy.set(socket, left);
      else busy.delete(socket);
      if (stopping) server.closeIdleConnections();
    });
  });

  let stopping: Promise<void> | null = null;
  const shutdown = () => {
    stopping ??= (async () => {
      const started = Date.now();
      log.info({ timeoutMs }, 'shutting down: no new requests, finishing those in flight');
      setDraining(true);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        closed.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        log.warn({ inFlight: busy.size }, 'shutdown timeout: cutting the requests still running');
        server.closeAllConnections();
        await closed;
      }
      await runShutdownHooks(timeoutMs);
      try {
        await options.closeDatabase();
      } catch (error) {
        log.error({ err: error }, 'closing the database failed');
      }
      log.info({ durationMs: Date.now() - started }, 'shut down');
      exit(0);
    })();
    return stopping;
  };

  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      if (stopping) {
        log.warn({ signal }, 'second signal: exiting now');
        exit(1);
        return;
      }
      void shutdown();
    });
  }
  return shutdown;
}
