/**
 * The IMAP poller: for a company whose complaints address is a real mailbox on its own mail server. Every
 * IMAP_POLL_MS it logs in to IMAP_URL, opens IMAP_FOLDER and takes each unseen message's full source down
 * the same path as the SMTP listener (parse, then the receive-email use case). Only once that has committed
 * is the message marked \Seen (and moved to IMAP_PROCESSED_FOLDER when one is set). A crash between the
 * commit and the marking leaves the message unseen, so it is fetched again next time, and the use case's
 * Message-ID idempotency makes that harmless. A message that fails is left unseen and tried again at the next
 * poll; a failed connection is logged and retried too. Nothing here ever takes the process down.
 *
 * Each poll is its own short session (connect, work, log out): at a poll a minute this costs nothing, and it
 * leaves no long-lived connection to go stale behind a firewall.
 */
import type { ImapFlow, ImapFlowOptions } from 'imapflow';
import type { AppContext } from '../../app/context.ts';
import { receiveEmail } from '../../app/receive-email.ts';
import { type Envelope, parseInbound } from './parse.ts';

export interface ImapPollerOptions {
  /** `imap://user:password@host:143` (STARTTLS when the server offers it) or `imaps://…:993` (TLS). */
  url: string;
  /** The folder new mail arrives in. */
  folder: string;
  /** Where processed mail is moved to, when set; otherwise it stays in `folder`, marked \Seen. */
  processedFolder?: string | undefined;
  /** Time between the end of one poll and the start of the next. */
  intervalMs: number;
  /** Largest message processed, in bytes (MAIL_MAX_BYTES); a larger one is left unseen, with a warning. */
  maxBytes: number;
  /** Addresses Redress sends from: mail from them is our own coming back, never answered. */
  ownAddresses?: readonly string[];
  /** What a new message from a person becomes (MAIL_NEW_MESSAGES): a complaint, or an item for triage. */
  newMessages?: 'complaint' | 'triage' | undefined;
  /** Whether an imaps:// server's certificate must verify (default true). */
  tlsRejectUnauthorized?: boolean;
  /** Poll at start and then on the interval (default true); false: only when `pollNow` is called. */
  schedule?: boolean;
}

/** What one poll did. */
export interface PollResult {
  /** Unseen messages found. */
  found: number;
  /** Stored (or recognised as already stored) and marked \Seen. */
  processed: number;
  /** Left unseen, to try again next poll. */
  failed: number;
  /** Set when the poll could not reach or use the mailbox at all. */
  error?: string;
}

export interface ImapPoller {
  /** `imap://host:port/folder`, without the credentials. */
  address: string;
  /** Polls once now (waiting for a poll already running, then running another). Never rejects. */
  pollNow(): Promise<PollResult>;
  /** Stops polling; resolves once any poll in progress has finished. */
  stop(): Promise<void>;
}

/** Connection options from an imap:// or imaps:// URL. */
export function imapConnection(
  url: string,
  tlsRejectUnauthorized = true,
): Pick<ImapFlowOptions, 'host' | 'port' | 'secure' | 'auth' | 'tls'> {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  if (!secure && parsed.protocol !== 'imap:') throw new Error('IMAP_URL must be an imap:// or imaps:// URL');
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    tls: { rejectUnauthorized: tlsRejectUnauthorized },
  };
}

/** The URL without its credentials, for logs. */
function publicAddress(url: string, folder: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/${folder}`;
}

/**
 * What the delivering server said about the envelope, from the headers it adds at final delivery:
 * Return-Path (MAIL FROM; `<>` for a bounce) and Delivered-To / X-Original-To (the recipient).
 */
export function envelopeFromHeaders(raw: Buffer): Envelope {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw
    .subarray(0, end === -1 ? Math.min(raw.length, 64 * 1024) : end)
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim();
  const returnPath = header('Return-Path');
  const recipient = header('Delivered-To') ?? header('X-Original-To');
  return {
    mailFrom: returnPath === undefined ? null : (/<([^<>]*)>/.exec(returnPath)?.[1] ?? returnPath).trim(),
    rcptTo: recipient ? [recipient.replace(/^<|>$/g, '')] : [],
  };
}

/** Starts polling at once, then every `intervalMs` after each poll ends (unless `schedule` is false). */
export function startImapPoller(ctx: AppContext, options: ImapPollerOptions): ImapPoller {
  const logger = ctx.logger.child({ component: 'imap-poller' });
  const address = publicAddress(options.url, options.folder);
  const connection = imapConnection(options.url, options.tlsRejectUnauthorized ?? true);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<PollResult> = Promise.resolve({ found: 0, processed: 0, failed: 0 });

  async function processOne(client: ImapFlow, uid: number, size: number | undefined): Promise<boolean> {
    if (size !== undefined && size > options.maxBytes) {
      logger.warn({ uid, size }, `message over ${options.maxBytes} bytes left unread in ${options.folder}`);
      return false;
    }
    // BODY.PEEK[]: fetching the source does not set \Seen by itself.
    const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    const source = message ? message.source : undefined;
    if (!source) return false; // expunged meanwhile: nothing to do
    try {
      const mail = await parseInbound(source, envelopeFromHeaders(source));
      const receipt = await receiveEmail(ctx, mail, {
        ownAddresses: options.ownAddresses ?? [],
        newMessages: options.newMessages,
      });
      logger.debug({ uid, outcome: receipt.outcome, messageId: receipt.messageId }, 'IMAP message stored');
    } catch (error) {
      logger.error(
        { err: error, uid },
        'IMAP message could not be stored: it stays unread for the next poll',
      );
      return false;
    }
    // Committed: only now is it marked, so a failure from here on means a harmless re-fetch.
    await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
    if (options.processedFolder) {
      await client.messageMove(String(uid), options.processedFolder, { uid: true });
    }
    return true;
  }

  async function poll(): Promise<PollResult> {
    try {
      return await pollMailbox();
    } catch (error) {
      logger.error({ err: error, address }, 'IMAP poll failed: trying again at the next poll');
      return { found: 0, processed: 0, failed: 0, error: (error as Error).message || String(error) };
    }
  }

  async function pollMailbox(): Promise<PollResult> {
    const result: PollResult = { found: 0, processed: 0, failed: 0 };
    // Loaded at the first poll, by the one process that polls.
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({
      ...connection,
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      socketTimeout: 120_000,
    });
    // A dropped socket is reported as an 'error' event: unheard, it would take the process down.
    client.on('error', (error: Error) => logger.warn({ err: error }, 'IMAP connection error'));
    try {
      await client.connect();
      const lock = await client.getMailboxLock(options.folder);
      try {
        const unseen = await client.fetchAll({ seen: false }, { uid: true, size: true }, { uid: true });
        result.found = unseen.length;
        for (const { uid, size } of unseen.sort((a, b) => a.uid - b.uid)) {
          if (stopped) break;
          if (await processOne(client, uid, size)) result.processed += 1;
          else result.failed += 1;
        }
      } finally {
        lock.release();
      }
      await client.logout();
    } catch (error) {
      result.error = (error as Error).message || String(error);
      result.failed = result.found - result.processed;
      logger.error({ err: error, address }, 'IMAP poll failed: trying again at the next poll');
      client.close();
    }
    if (result.found) logger.info({ address, ...result }, 'IMAP poll');
    return result;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void pollNow().finally(schedule);
    }, options.intervalMs);
  }

  function pollNow(): Promise<PollResult> {
    running = running.then(poll, poll);
    return running;
  }

  if (options.schedule ?? true) void pollNow().finally(schedule);

  return {
    address,
    pollNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
