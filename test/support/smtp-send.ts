/**
 * Sending to a Redress SMTP listener over real SMTP on loopback, with nodemailer as the peer.
 *
 *   const result = await sendMail(port, { from: 'Jo <jo@example.org>', subject: 'Hi', text: '…' });
 *   const refused = await sendMail(port, big).catch((e) => e);   // refused.responseCode === 552
 */
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';

export type Message = Mail.Options;

/** Sends one message; rejects with nodemailer's error (carrying `responseCode`) when the listener refuses. */
export async function sendMail(
  port: number,
  message: Message,
): Promise<{ response: string; messageId: string }> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 10_000,
  });
  try {
    const info = await transport.sendMail({ to: 'complaints@miso.test', ...message });
    return { response: info.response, messageId: info.messageId };
  } finally {
    transport.close();
  }
}

/** Sends a raw message exactly as given (no headers added), from `envelopeFrom`. */
export function sendRaw(port: number, raw: string | Buffer, envelopeFrom = 'someone@example.org') {
  return sendMail(port, { envelope: { from: envelopeFrom, to: 'complaints@miso.test' }, raw });
}
