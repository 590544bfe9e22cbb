/**
 * Retrying a small database write that must not be lost, e.g. recording that a message was
 * handed to the mail server. If the database is restarting at that moment, giving up would
 * leave the message looking unsent, and a later try would send it again; so the worker keeps
 * trying for a while (the job's lease is longer) before it gives up.
 */
const DEFAULT_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000, 30_000, 30_000];

export async function retryWrite<T>(
  write: () => Promise<T>,
  delaysMs: readonly number[] = DEFAULT_DELAYS_MS,
  retryable: (error: unknown) => boolean = () => true,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      const delay = delaysMs[attempt];
      if (delay === undefined || !retryable(error)) throw error;
      console.warn(`[queue] write failed (${error instanceof Error ? error.message : String(error)}); trying again in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/** True for an error that means the connection to the database was lost or refused (a restart). */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  return /Connection terminated|connection (?:was )?closed|terminating connection|the database system is (?:starting up|shutting down)|CONNECTION_(?:CLOSED|ENDED|DESTROYED)/i.test(error.message);
}
