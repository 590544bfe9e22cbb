import pino, { type Logger } from 'pino';

/**
 * One structured JSON logger for the process (pino): one line per event on stdout, which the
 * container platform collects. LOG_LEVEL sets the level (default `info`, and `silent` under
 * vitest so test output stays readable; LOG_LEVEL=debug shows everything in a test run).
 */
function createLogger(): Logger {
  const level = process.env.LOG_LEVEL?.trim() || (process.env.VITEST ? 'silent' : 'info');
  return pino({
    level,
    base: { service: 'neuvos' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never write session cookies or credentials even if a caller passes a whole request.
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'headers.cookie', 'headers.authorization', 'password'], censor: '[redacted]' },
  });
}

// Shared through globalThis: the start script and the server bundle load this module separately.
const key = Symbol.for('neuvos.logger');
type GlobalWithLogger = typeof globalThis & { [key]?: Logger };

/** The process logger. */
export function getLogger(): Logger {
  const g = globalThis as GlobalWithLogger;
  g[key] ??= createLogger();
  return g[key];
}

/** Replaces the process logger (tests that read the log lines). */
export function setLogger(logger: Logger | undefined): void {
  (globalThis as GlobalWithLogger)[key] = logger;
}
