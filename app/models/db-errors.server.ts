/**
 * Database refusals the app expects, mapped in one place. The freeze triggers (migrations
 * 0001 and sec_freeze) raise the dedicated SQLSTATE 'NV001'; nothing else uses that code, so
 * no message text is matched.
 */
export const FROZEN_SQLSTATE = 'NV001';

/** The SQLSTATE of a driver error, looking through drizzle's wrapping (`cause`). */
export function sqlState(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth += 1) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** True when a freeze trigger refused the statement. */
export function isFrozenError(error: unknown): boolean {
  return sqlState(error) === FROZEN_SQLSTATE;
}

/** Runs a write; a freeze-trigger refusal becomes the given outcome instead of a 500. */
export async function frozenAware<T>(work: () => Promise<T>, frozen: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isFrozenError(error)) return frozen;
    throw error;
  }
}
