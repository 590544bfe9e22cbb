import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface HeldMail {
  to: string[];
  raw: string;
  messageId: string | undefined;
  /** Answers the DATA command: 250 (accepted) or a 5xx. */
  answer: (accept: boolean) => void;
  /** Resolves when the client's connection closes (e.g. the worker was killed). */
  closed: Promise<void>;
}

const messageIdOf = (raw: string) => /^Message-ID: *(.+)$/im.exec(raw)?.[1]?.trim();

/**
 * A real SMTP server that receives a message whole and then, while `holdNext` is set, keeps the
 * DATA reply back until the test answers: the moment a worker is mid-send. Accepted messages
 * are in `accepted`; a held message whose connection died unanswered is in `dropped` (a
 * conforming server does not deliver a message it never acknowledged, RFC 5321 §4.1.1.4).
 */
export async function startHoldingSmtp() {
  const accepted: Array<{ to: string[]; raw: string; messageId: string | undefined }> = [];
  const dropped: Array<{ to: string[]; raw: string; messageId: string | undefined }> = [];
  const held: HeldMail[] = [];
  let holdNext = 0;
  const waiters: Array<() => void> = [];
  const onClosed = new Map<string, () => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      onClosed.get(session.id)?.();
      onClosed.delete(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw, messageId: messageIdOf(raw) };
        if (holdNext === 0) {
          accepted.push(mail);
          callback();
          return;
        }
        holdNext -= 1;
        let answered = false;
        let closedResolve!: () => void;
        const closed = new Promise<void>((resolve) => (closedResolve = resolve));
        onClosed.set(session.id, () => {
          if (!answered) dropped.push(mail);
          answered = true;
          closedResolve();
        });
        held.push({
          ...mail,
          closed,
          answer: (accept) => {
            if (answered) return;
            answered = true;
            if (accept) {
              accepted.push(mail);
              callback();
            } else {
              const error = new Error('554 5.7.1 Message refused') as Error & { responseCode: number };
              error.responseCode = 554;
              callback(error);
            }
          },
        });
        for (const w of waiters.splice(0)) w();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    dropped,
    held,
    /** Holds the DATA reply of the next `n` messages. */
    hold(n = 1) {
      holdNext = n;
    },
    /** Resolves when `n` messages are being held. */
    async waitForHeld(n = 1, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (held.length < n) {
        if (Date.now() > deadline) throw new Error(`no message held within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return held[n - 1]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
