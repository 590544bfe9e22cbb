import { getLogger } from './log.server';

/**
 * What runs when the process is asked to stop (SIGTERM/SIGINT), after the web server has stopped
 * taking requests and finished the ones in flight, and before the database is closed: the job
 * queue stops fetching and lets its running jobs finish, timers stop, clients close.
 */
export type ShutdownHook = () => Promise<void> | void;

interface Registry {
  hooks: Array<{ name: string; fn: ShutdownHook }>;
  draining: boolean;
}

// Shared through globalThis: the start script, the worker and the server bundle load this separately.
const key = Symbol.for('neuvos.shutdown');
function registry(): Registry {
  const g = globalThis as typeof globalThis & { [key]?: Registry };
  g[key] ??= { hooks: [], draining: false };
  return g[key];
}

/** Registers a hook to run at shutdown; returns a function that unregisters it. */
export function onShutdown(name: string, fn: ShutdownHook): () => void {
  const entry = { name, fn };
  registry().hooks.push(entry);
  return () => {
    const hooks = registry().hooks;
    const i = hooks.indexOf(entry);
    if (i >= 0) hooks.splice(i, 1);
  };
}

/** True once shutdown has begun: /readyz answers 503 so a load balancer stops sending traffic. */
export function isDraining(): boolean {
  return registry().draining;
}

export function setDraining(value: boolean): void {
  registry().draining = value;
}

/**
 * Runs the hooks, last registered first (like a stack of resources), each bounded by `timeoutMs`;
 * one that fails or hangs is logged and the rest still run. The list is emptied.
 */
export async function runShutdownHooks(timeoutMs = 10_000): Promise<void> {
  const hooks = registry().hooks.splice(0).reverse();
  for (const { name, fn } of hooks) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(fn),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`shutdown hook "${name}" did not finish in ${timeoutMs} ms`)), timeoutMs);
          timer.unref();
        }),
      ]);
      getLogger().info({ hook: name }, 'shutdown hook done');
    } catch (error) {
      getLogger().error({ err: error, hook: name }, 'shutdown hook failed');
    } finally {
      clearTimeout(timer);
    }
  }
}
