import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { getDb } from '~db/client.server';
import { mailMessages } from '~db/schema';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** An iCalendar attachment (invitations, updates, cancellations). */
  ics?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string };
  councilId?: string | null;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? 'Neuvos <noreply@neuvos.invalid>';
}

let transport: { url: string; transporter: Transporter } | null = null;

/** SMTP when SMTP_URL is set (e.g. smtp://user:pass@host:587); otherwise null (outbox only). */
function smtpTransport(): Transporter | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

export function outboxDir(): string {
  return path.resolve(process.env.OUTBOX_DIR ?? path.join('data', 'outbox'));
}

function buildMessage(mail: OutgoingMail) {
  return {
    from: mailFrom(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.ics
      ? {
          icalEvent: { method: mail.ics.method, content: mail.ics.content, filename: 'invite.ics' },
        }
      : {}),
  };
}

/**
 * Send a message. Every message is recorded in mail_messages (the admin's outbox). Without
 * SMTP settings the message is written as an .eml file under ./data/outbox instead.
 * Returns the recorded status; a sending failure is recorded, not thrown.
 */
export async function sendMail(mail: OutgoingMail): Promise<'sent' | 'stored' | 'failed'> {
  const db = getDb();
  const [row] = await db
    .insert(mailMessages)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      icsBody: mail.ics?.content ?? null,
      icsMethod: mail.ics?.method ?? null,
      councilId: mail.councilId ?? null,
    })
    .returning({ id: mailMessages.id });
  const id = row!.id;
  const smtp = smtpTransport();
  try {
    if (smtp) {
      await smtp.sendMail(buildMessage(mail));
      await db.update(mailMessages).set({ status: 'sent', sentAt: new Date() }).where(eq(mailMessages.id, id));
      return 'sent';
    }
    const raw = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(buildMessage(mail));
    const dir = outboxDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`), raw.message as Buffer);
    await db.update(mailMessages).set({ status: 'stored', sentAt: new Date() }).where(eq(mailMessages.id, id));
    return 'stored';
  } catch (error) {
    await db
      .update(mailMessages)
      .set({ status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' })
      .where(eq(mailMessages.id, id));
    return 'failed';
  }
}
