/**
 * Periodic jobs. The job queue runs each on its cron line (app/lib/queue/queues.ts:
 * `cron.<name>`), one run at a time across all processes; tests call them directly with runJob.
 * Every job must still be safe to run twice (a retried run): its sends are claimed in the
 * database in the same transaction as the queued messages.
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

/** Runs one job now for the queue: a failure is thrown, so the queue retries the run. */
export async function runJobStrict(name: string, now = new Date()): Promise<void> {
  const job = jobs.get(name);
  if (!job) throw new RangeError(`No job named ${name}`);
  await job.fn(now, workerId());
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

/** Names of the registered jobs (for the start-up log). */
export function registeredJobs(): string[] {
  return [...jobs.keys()];
}
