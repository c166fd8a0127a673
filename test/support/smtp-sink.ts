/**
 * A real SMTP server on loopback that keeps every message it accepts, for outbound email tests. It can be
 * stopped and started again on the same port, to play an outage of the provider's mail server.
 *
 *   const sink = await startSmtpSink();
 *   ... sink.url  // smtp://127.0.0.1:<port>
 *   const [mail] = await sink.parsed();
 */
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  raw: Buffer;
  /** The SMTP session (connection) it came on. */
  connection: string;
}

export interface SmtpSink {
  url: string;
  port: number;
  messages: SinkMessage[];
  /** Every message, parsed with mailparser. */
  parsed(): Promise<ParsedMail[]>;
  /** Stops accepting connections (an outage); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface SinkOptions {
  /**
   * How long `stop` lets open connections finish before it sends them 421 and closes them (smtp-server's
   * default: 30 s). A pooled sender keeps its connections open between messages.
   */
  closeTimeoutMs?: number | undefined;
}

function newServer(messages: SinkMessage[], options: SinkOptions): SMTPServer {
  return new SMTPServer({
    ...(options.closeTimeoutMs === undefined ? {} : { closeTimeout: options.closeTimeoutMs }),
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          connection: session.id,
        });
        callback();
      });
    },
  });
}

function listen(server: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  let server: SMTPServer | undefined = newServer(messages, options);
  const port = await listen(server, 0);
  const stop = async () => {
    const running = server;
    server = undefined;
    if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    parsed: () => Promise.all(messages.map((m) => simpleParser(m.raw))),
    stop,
    async start() {
      if (server) return;
      server = newServer(messages, options);
      await listen(server, port);
    },
    close: stop,
  };
}
