/**
 * The queues of the job system and their retry policies. Drizzle-free, so the migration step,
 * the worker and tests share one list. Queues are created by the migration step (as the
 * database owner), never by a running app.
 */
export const QUEUE_SCHEMA = 'pgboss';

export interface QueueDefinition {
  name: string;
  policy: 'standard' | 'stately' | 'singleton';
  retryLimit: number;
  /** Seconds; with backoff pg-boss waits about delay × 2^n × (1…2) before try n+1. */
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  /** A cron line (Europe/Helsinki) for periodic queues. */
  cron?: string;
}

/**
 * Mail: 6 tries (1 + 5 retries) with exponential backoff. retryDelay 150 s gives waits of about
 * 2.5–5, 5–10, 10–20, 20–40 and 40–80 min: the last try 1.3–2.6 hours after the first.
 */
export const MAIL_QUEUE: QueueDefinition = {
  name: 'mail.send',
  policy: 'standard',
  retryLimit: 5,
  retryDelay: 150,
  retryBackoff: true,
  expireInSeconds: 300,
};

/** Periodic work: one run at a time (stately), a missed run is caught up by the next. */
const periodic = (name: string, cron: string): QueueDefinition => ({
  name,
  policy: 'stately',
  retryLimit: 2,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: 900,
  cron,
});

export const MEETING_REMINDERS_QUEUE = periodic('cron.meeting-reminders', '*/10 * * * *');
export const MILESTONE_REMINDERS_QUEUE = periodic('cron.milestone-reminders', '7 * * * *');
export const SERIES_EXTEND_QUEUE = periodic('cron.series-extend', '30 3 * * *');

// Open data and influence (issue 15): daily overdue-response reminders and the bulk export files.
export const STATEMENT_OVERDUE_QUEUE = periodic('cron.statement-overdue', '15 7 * * *');
export const EXPORT_REGENERATE_QUEUE = periodic('cron.export-regenerate', '45 2 * * *');

// Display period (issue 14.4): daily, the web copy drops personal data whose display period ended.
export const DISPLAY_PERIOD_QUEUE = periodic('cron.display-period', '20 2 * * *');

/** One-off jobs: a scheduled agenda publication, a "published" notification fan-out. */
export const PUBLISH_AGENDA_QUEUE: QueueDefinition = {
  name: 'agenda.publish',
  policy: 'standard',
  retryLimit: 5,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: 300,
};

export const ALL_QUEUES: QueueDefinition[] = [
  MAIL_QUEUE,
  MEETING_REMINDERS_QUEUE,
  MILESTONE_REMINDERS_QUEUE,
  SERIES_EXTEND_QUEUE,
  PUBLISH_AGENDA_QUEUE,
  STATEMENT_OVERDUE_QUEUE,
  EXPORT_REGENERATE_QUEUE,
  DISPLAY_PERIOD_QUEUE,
];

/** pg-boss's own queue for cron fan-out, created here so the app role needs no CREATE right. */
export const PGBOSS_INTERNAL_QUEUES = ['__pgboss__send-it'];
