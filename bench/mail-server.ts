/**
 * One SMTP server for the mail benchmark, in a process of its own so that it does not share an event loop
 * (or a core) with nodemailer in the parent. Started by bench/mail.ts:
 *
 *   node --import tsx bench/mail-server.ts bare
 *   node --import tsx bench/mail-server.ts listener <sqlite-dir | postgres-url>
 *
 * `bare` is an smtp-server that only accepts: it reads each DATA stream to its end, discards it, answers 250
 * and counts the message. It is the inbound baseline and the outbound sink. `listener` is Redress's own SMTP
 * listener (startSmtpListener) on a fresh, migrated database with a silent logger: parsing, matching, and the
 * new complaint with its email, customer and jobs stored in one transaction before the 250.
 *
 * When listening it prints one JSON line on stdout, `{"port":…}`. Then each line on stdin is a request,
 * answered by one JSON line: `count` → `{"count":n}`, the messages the bare server has accepted so far. It
 * stops on SIGTERM/SIGINT or when its stdin closes (so it never outlives the parent).
 */
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { SMTPServer } from 'smtp-server';
import { MISO_PROCEDURE } from '../src/config/miso.ts';
import { startSmtpListener } from '../src/mail/inbound/smtp-listener.ts';
import { openBenchContext } from './context.ts';

export type MailRole = 'bare' | 'listener';

/** The size limit both servers announce (Redress's MAIL_MAX_BYTES is of this order). */
export const MAX_BYTES = 10 * 1024 * 1024;
/** Redress's pool size (openDatabase's default). */

interface Started {
  port: number;
  count(): number;
  close(): Promise<void>;
}

function startBare(): Promise<Started> {
  let accepted = 0;
  // The listener's own settings, minus everything it does with the message.
  const server = new SMTPServer({
    name: 'bare',
    banner: 'bare',
    size: MAX_BYTES,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('too big'), { responseCode: 552 }));
          return;
        }
        accepted++;
        callback(null, 'OK');
      });
      stream.on('error', callback);
    },
  });
  server.on('error', (error) => console.error('[bare smtp]', error));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({
        port: (server.server.address() as AddressInfo).port,
        count: () => accepted,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

async function startListener(target: string): Promise<Started> {
  const ctx = await openBenchContext(target);
  const { db } = ctx;
  const listener = await startSmtpListener(ctx, {
    port: 0,
    host: '127.0.0.1',
    maxBytes: MAX_BYTES,
    ownAddresses: [MISO_PROCEDURE.company.email],
  });
  return {
    port: listener.port,
    // The listener's count is the database's: the parent checks it there, after the run.
    count: () => -1,
    close: async () => {
      await listener.close();
      await db.close();
    },
  };
}

async function main(): Promise<void> {
  const [role, target] = process.argv.slice(2);
  if (role !== 'bare' && !(role === 'listener' && target)) {
    throw new Error('usage: mail-server.ts bare | mail-server.ts listener <sqlite-dir|postgres-url>');
  }
  const started = role === 'bare' ? await startBare() : await startListener(target!);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      try {
        await started.close();
      } finally {
        // A normal exit (not a signal death) so that --cpu-prof writes its profile.
        process.exit(0);
      }
    })();
    return stopping;
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const requests = createInterface({ input: process.stdin });
  requests.on('line', (line) => {
    const answer =
      line.trim() === 'count' ? { count: started.count() } : { error: `unknown request ${line}` };
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  });
  requests.on('close', stop);
  process.stdin.on('error', stop);

  process.stdout.write(`${JSON.stringify({ port: started.port })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
