/**
 * Mail goes through the outbox and the job queue: `sendMail` records the message and its send
 * job in one transaction, `queueMail(tx, …)` does it inside the caller's transaction. A worker
 * hands it to SMTP (SMTP_URL) or, without SMTP settings, writes it under ./data/outbox.
 */
export { mailFrom, outboxDir } from '~/lib/mail-transport.server';
export { queueMail, sendMail, type OutgoingMail } from '~/models/outbox.server';
