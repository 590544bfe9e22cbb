import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the worker printed, for failure messages. */
  output: () => string;
  /** SIGTERM (graceful) by default; resolves with the exit code or signal. */
  stop: (signal?: NodeJS.Signals) => Promise<number | string | null>;
}

/**
 * `npm run worker` (scripts/worker.ts) as a separate process on the given PostgreSQL database:
 * only the job queue, no web server. Resolves once it says its queue has started.
 */
export async function startWorker(env: Record<string, string>, name = 'worker'): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/worker.ts')], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  await new Promise<void>((resolve, reject) => {
    // Generous: a process loading TypeScript on a busy CI machine.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start in 120 s: ${out}`));
    }, 120_000);
    const onData = () => {
      if (/Job queue started/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${out}`));
    });
  });
  return {
    child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
