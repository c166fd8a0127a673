/**
 * The built-in SMTP listener: mail for the complaints address arrives here (directly, or relayed by the
 * company's mail server). Each message is handed to the receive-email use case, and the sender is told 250
 * only once that has committed, so a message we acknowledged is never lost; if anything unexpected goes
 * wrong the answer is 451 and the sending server tries again later (the Message-ID makes the retry
 * harmless). Messages over the size limit get 552 and are not stored.
 *
 * By default there is no AUTH and no STARTTLS: the listener sits behind the company's MX or on a private
 * network. Given a key and certificate it offers STARTTLS; given an account as well, every sender must
 * authenticate, and only over TLS (a password is never accepted in clear).
 */
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AppContext } from '../../app/context.ts';
import { receiveEmail } from '../../app/receive-email.ts';
import { parseInbound } from './parse.ts';

export interface SmtpListenerOptions {
  port: number;
  host: string;
  /** Largest message accepted, in bytes (MAIL_MAX_BYTES). */
  maxBytes: number;
  /** Addresses Redress sends from: mail from them is our own coming back, never answered. */
  ownAddresses?: readonly string[];
  /** What a new message from a person becomes (MAIL_NEW_MESSAGES): a complaint, or an item for triage. */
  newMessages?: 'complaint' | 'triage' | undefined;
  /** PEM key and certificate: STARTTLS is offered. */
  tls?: { key: Buffer; cert: Buffer } | undefined;
  /** The account every sender must authenticate as (needs `tls`). */
  auth?: { user: string; password: string } | undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SmtpListener {
  /** `smtp://host:port` */
  address: string;
  port: number;
  close(): Promise<void>;
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Reads the DATA stream whole, unless it is over the limit (then it is drained and dropped). */
function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | 'too-big'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('end', () =>
      resolve(stream.sizeExceeded || size > maxBytes ? 'too-big' : Buffer.concat(chunks)),
    );
    stream.on('error', reject);
  });
}

/** Starts listening; resolves once the port is bound. */
export function startSmtpListener(ctx: AppContext, options: SmtpListenerOptions): Promise<SmtpListener> {
  const logger = ctx.logger.child({ component: 'smtp-listener' });
  const server = new SMTPServer({
    name: 'redress',
    banner: 'Redress complaints',
    size: options.maxBytes,
    rejectOversized: true,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    authOptional: !options.auth,
    authMethods: ['PLAIN', 'LOGIN'],
    // smtp-server refuses AUTH before STARTTLS unless this is set: it never is.
    allowInsecureAuth: false,
    disabledCommands: [...(options.auth ? [] : ['AUTH']), ...(options.tls ? [] : ['STARTTLS'])],
    onAuth(auth, session, callback) {
      const account = options.auth;
      if (
        account &&
        sameSecret(auth.username ?? '', account.user) &&
        sameSecret(auth.password ?? '', account.password)
      ) {
        callback(null, { user: account.user });
        return;
      }
      logger.warn({ remote: session.remoteAddress }, 'SMTP authentication failed');
      callback(smtpError(535, 'Authentication failed'));
    },
    logger: false,
    async onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      try {
        const raw = await readMessage(stream, options.maxBytes);
        if (raw === 'too-big') {
          logger.warn({ remote: session.remoteAddress }, `message over ${options.maxBytes} bytes refused`);
          callback(smtpError(552, `Message exceeds fixed maximum message size ${options.maxBytes}`));
          return;
        }
        const mail = await parseInbound(raw, {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        });
        const receipt = await receiveEmail(ctx, mail, {
          ownAddresses: options.ownAddresses ?? [],
          newMessages: options.newMessages,
        });
        callback(null, `OK: ${receipt.outcome}${receipt.reference ? ` ${receipt.reference}` : ''}`);
      } catch (error) {
        logger.error({ err: error, remote: session.remoteAddress }, 'inbound email could not be stored');
        callback(smtpError(451, 'Temporary failure storing the message: please try again later'));
      }
    },
  });
  // A bad client or a dropped socket must never take the process down.
  const logError = (error: Error) => logger.error({ err: error }, 'SMTP listener error');
  return new Promise((resolve, reject) => {
    const failStart = (error: Error) => reject(error);
    server.once('error', failStart);
    server.listen(options.port, options.host, () => {
      server.off('error', failStart);
      server.on('error', logError);
      const { port } = server.server.address() as AddressInfo;
      resolve({
        address: `smtp://${options.host}:${port}`,
        port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
