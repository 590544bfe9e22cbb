/**
 * What each queue does. The mail job delivers one outbox row (idempotent, see
 * deliverQueuedMail); the periodic queues run the registered periodic jobs.
 */
import type PgBoss from 'pg-boss';
import { runJobStrict } from '~/lib/jobs.server';
import { deliverQueuedMail } from '~/models/outbox.server';
import { extendSeries } from '~/models/series-extend.server';
import { runScheduledPublication } from '~/models/agendas-schedule.server';
import type { JobHandler } from './queue.server';
import { ALL_QUEUES, DISPLAY_PERIOD_QUEUE, EXPORT_REGENERATE_QUEUE, MAIL_QUEUE, PUBLISH_AGENDA_QUEUE, SERIES_EXTEND_QUEUE, STATEMENT_OVERDUE_QUEUE } from './queues';

type Job = PgBoss.JobWithMetadata<Record<string, unknown>>;

/** The mail job: one message by its outbox id; the last try marks the message failed. */
export async function mailHandler(job: Job): Promise<unknown> {
  const id = typeof job.data.messageId === 'string' ? job.data.messageId : null;
  if (!id) return { skipped: 'no message id' };
  const outcome = await deliverQueuedMail(id, { finalAttempt: job.retryCount >= job.retryLimit });
  return { outcome };
}

// Open data and influence (issue 15) --------------------------------------------------------------

/** Daily: one mail to the council's secretaries per statement whose response is overdue. */
export async function statementOverdueHandler(): Promise<unknown> {
  const { sendOverdueStatementReminders } = await import('~/models/statements.server');
  return sendOverdueStatementReminders(new Date());
}

/** Daily: the bulk export files with their SHA-256, built from the API loaders at APP_ORIGIN. */
export async function exportRegenerateHandler(): Promise<unknown> {
  const [{ regenerateExports }, { exportSources }, { appOrigin }] = await Promise.all([
    import('~/models/export.server'),
    import('~/lib/export-sources.server'),
    import('~/lib/config.server'),
  ]);
  const manifest = await regenerateExports(appOrigin(), exportSources, new Date());
  return { generatedAt: manifest.generatedAt, files: manifest.files.length };
}

function openDataHandlers(): Array<[string, JobHandler]> {
  return [
    [STATEMENT_OVERDUE_QUEUE.name, statementOverdueHandler],
    [EXPORT_REGENERATE_QUEUE.name, exportRegenerateHandler],
  ];
}

// Display period and personal-data lifecycle (issue 14.4) ------------------------------------------

/** Daily: web copies of items and attachments whose display period ended drop their personal data. */
export async function displayPeriodHandler(): Promise<unknown> {
  const { runDisplayPeriod } = await import('~/models/lifecycle.server');
  return runDisplayPeriod(new Date());
}

function lifecycleHandlers(): Array<[string, JobHandler]> {
  return [[DISPLAY_PERIOD_QUEUE.name, displayPeriodHandler]];
}

// -------------------------------------------------------------------------------------------------

export function defaultHandlers(): Map<string, JobHandler> {
  const handlers = new Map<string, JobHandler>([[MAIL_QUEUE.name, mailHandler]]);
  for (const queue of ALL_QUEUES) {
    if (queue.cron) handlers.set(queue.name, () => runJobStrict(queue.name.replace(/^cron\./, '')));
  }
  for (const [name, handler] of openDataHandlers()) handlers.set(name, handler);
  addSeriesAndPublicationHandlers(handlers);
  for (const [name, handler] of lifecycleHandlers()) handlers.set(name, handler);
  return handlers;
}

/** The nightly series extension: every running series materialised a year ahead. */
export function seriesExtendHandler(): Promise<unknown> {
  return extendSeries(new Date());
}

/** The queues of this part (series extension, scheduled agenda publication), kept apart for merging. */
function addSeriesAndPublicationHandlers(handlers: Map<string, JobHandler>): void {
  handlers.set(SERIES_EXTEND_QUEUE.name, seriesExtendHandler);
  handlers.set(PUBLISH_AGENDA_QUEUE.name, scheduledPublicationHandler);
}

/** A scheduled agenda publication: publishes as the button does, or does nothing (and says why). */
export async function scheduledPublicationHandler(job: Job): Promise<unknown> {
  return { outcome: await runScheduledPublication(job.id, job.data) };
}
