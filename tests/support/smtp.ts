import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  raw: string;
  /** The name the client gave in EHLO/HELO (tells two senders apart). */
  helo?: string;
}

export type SmtpBehaviour = 'accept' | 'refuse' | 'hang';

/**
 * A real SMTP server on a random local port (or `port`, to bring a stopped one back) that keeps
 * what it receives. `behaviour()` can make it refuse messages with a 5xx or never answer.
 */
export async function startSmtp(opts: { port?: number; behaviour?: () => SmtpBehaviour; /** Wait this long before accepting each message. */ delayMs?: number } = {}) {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const behaviour = opts.behaviour?.() ?? 'accept';
      if (behaviour !== 'accept') {
        stream.on('data', () => {});
        stream.on('end', () => {
          if (behaviour === 'refuse') {
            const error = new Error('554 5.7.1 Message refused by policy') as Error & { responseCode: number };
            error.responseCode = 554;
            callback(error);
          }
          // 'hang': never answer; the client's socket timeout gives up.
        });
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const accept = () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8'), helo: session.hostNameAppearsAs });
          callback();
        };
        if (opts.delayMs) setTimeout(accept, opts.delayMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    /** Quoted-printable soft breaks removed, so links can be found in the text. */
    text(i: number) {
      return (received[i]?.raw ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    /** Stops at once, dropping open connections (a crashed or unplugged mail server). */
    kill: () =>
      new Promise<void>((resolve) => {
        for (const c of (server as unknown as { connections: Set<{ close: () => void }> }).connections ?? []) c.close();
        server.server.close(() => resolve());
      }),
  };
}
