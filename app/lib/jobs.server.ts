/**
 * Background jobs run inside each app process on a timer. Several processes may run them
 * at once: every job must be safe for that (reminders claim each send in the database).
 * Nothing starts on import; scripts/start.ts calls startJobs(), tests call the jobs directly.
 */
import { hostname } from 'node:os';
import { sendDueMilestoneReminders } from '~/models/cycle.server';
import { sendDueReminders } from '~/models/reminders.server';

export type JobFn = (now: Date, workerId: string) => Promise<unknown>;

interface Job {
  name: string;
  fn: JobFn;
  intervalMs: number;
}

export const DEFAULT_INTERVAL_MS = 10 * 60 * 1000;

const jobs = new Map<string, Job>();

/** Adds (or replaces) a job run every `intervalMs` (10 minutes by default) once startJobs() is called. */
export function registerJob(name: string, fn: JobFn, intervalMs = DEFAULT_INTERVAL_MS): void {
  jobs.set(name, { name, fn, intervalMs });
}

registerJob('meeting-reminders', (now, workerId) => sendDueReminders(now, workerId));
registerJob('milestone-reminders', (now, workerId) => sendDueMilestoneReminders(now, workerId), 60 * 60 * 1000);

/** This process's name in claims (meeting_reminders.claimed_by), for finding out who sent what. */
export function workerId(): string {
  return `${hostname()}:${process.pid}`;
}

/** Runs one job now; a failure is logged and does not stop later runs. */
export async function runJob(name: string, now = new Date()): Promise<void> {
  const job = jobs.get(name);
  if (!job) throw new RangeError(`No job named ${name}`);
  try {
    await job.fn(now, workerId());
  } catch (error) {
    console.error(`[jobs] ${name} failed:`, error instanceof Error ? error.message : error);
  }
}

/** Starts every registered job: once shortly after start, then on its interval. Returns a stop function. */
export function startJobs(): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs.values()) {
    let running = false;
    const tick = async () => {
      // A slow run (a large mail queue) must not overlap the next one in the same process.
      if (running) return;
      running = true;
      try {
        await runJob(job.name);
      } finally {
        running = false;
      }
    };
    const first = setTimeout(() => void tick(), 5_000);
    const every = setInterval(() => void tick(), job.intervalMs);
    first.unref();
    every.unref();
    timers.push(first, every);
  }
  return () => {
    for (const t of timers) clearTimeout(t);
  };
}

/** Names of the registered jobs (for the start-up log). */
export function registeredJobs(): string[] {
  return [...jobs.keys()];
}
