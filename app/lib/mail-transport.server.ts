/**
 * Turning an outbox row into a message and handing it over: SMTP when SMTP_URL is set,
 * otherwise an .eml file under ./data/outbox (the embedded default). No database here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? 'Neuvos <noreply@neuvos.invalid>';
}

/** The domain of the sender address, for Message-IDs. */
export function mailDomain(): string {
  const m = /@([^>\s]+)>?\s*$/.exec(mailFrom());
  return m?.[1] ?? 'neuvos.invalid';
}

export function outboxDir(): string {
  return path.resolve(process.env.OUTBOX_DIR ?? path.join('data', 'outbox'));
}

let transport: { url: string; transporter: Transporter } | null = null;

/** SMTP when SMTP_URL is set (e.g. smtp://user:pass@host:587); otherwise null (files only). */
function smtpTransport(): Transporter | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  if (transport?.url !== url) {
    transport?.transporter.close();
    // A hanging server must not hold a worker longer than the job's lease (see outbox.server.ts).
    const timeout = Number(process.env.SMTP_TIMEOUT_MS ?? 30_000);
    transport = {
      url,
      transporter: nodemailer.createTransport({ url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout * 2 } as never),
    };
  }
  return transport.transporter;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Escaped text with http(s) links made into anchors. */
function inline(line: string): string {
  const parts = line.split(/(https?:\/\/[^\s<>"]+)/g);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const trail = /[.,;:!?)]+$/.exec(part)?.[0] ?? '';
      const url = trail ? part.slice(0, -trail.length) : part;
      return `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>${escapeHtml(trail)}`;
    })
    .join('');
}

/**
 * The HTML part: the same content as the text part, escaped, as a small semantic document
 * (language, title, one heading, paragraphs, real links) that screen readers read as the text.
 */
export function renderHtml(subject: string, text: string, locale: string | null): string {
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map((block) => `<p>${block.split('\n').map(inline).join('<br>\n')}</p>`)
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(locale ?? 'fi')}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff;">',
    `<main><h1 style="font-size: 1.25em;">${escapeHtml(subject)}</h1>`,
    paragraphs,
    '</main></body></html>',
  ].join('\n');
}

export interface StoredMessage {
  id: string;
  messageId: string | null;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  icsBody: string | null;
  icsMethod: string | null;
  unsubscribeUrl: string | null;
  locale: string | null;
}

export function buildMessage(row: StoredMessage): SendMailOptions {
  const headers: Record<string, string> = {
    'Auto-Submitted': 'auto-generated',
    'X-Auto-Response-Suppress': 'All',
  };
  if (row.unsubscribeUrl) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return {
    from: mailFrom(),
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody ?? renderHtml(row.subject, row.textBody, row.locale),
    messageId: row.messageId ?? `<${row.id}@${mailDomain()}>`,
    headers,
    ...(row.unsubscribeUrl ? { list: { unsubscribe: { url: row.unsubscribeUrl, comment: 'Unsubscribe' } } } : {}),
    ...(row.icsBody && row.icsMethod
      ? { icalEvent: { method: row.icsMethod, content: row.icsBody, filename: 'invite.ics' } }
      : {}),
  };
}

/**
 * Hands one message over. Throws on any SMTP failure (refused, timed out, unreachable); the
 * caller records it and the queue retries. The file fallback is named by the row id, so a
 * retry rewrites the same file rather than adding a second one.
 */
export async function handOver(row: StoredMessage): Promise<'sent' | 'stored'> {
  const smtp = smtpTransport();
  const message = buildMessage(row);
  if (smtp) {
    await smtp.sendMail(message);
    return 'sent';
  }
  const raw = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
  const dir = outboxDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${row.id}.eml`), raw.message as Buffer);
  return 'stored';
}
