/**
 * The pooled SMTP transport `redress serve` sends with, against a real SMTP server on loopback: a few
 * connections carry many messages, and an outage fails the messages it meets (their jobs retry) without
 * breaking the pool for the messages after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliver,
  type OutboundMessage,
  openSmtpPool,
  type SmtpPool,
} from '../../src/mail/outbound/transport.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

const message = (n: number): OutboundMessage => ({
  messageId: `<pool-${n}@redress.test>`,
  from: 'Miso Communications <complaints@miso-comms.net>',
  to: `customer-${n}@example.com`,
  replyTo: 'complaints-in@miso-comms.net',
  subject: `Message ${n}`,
  inReplyTo: null,
  references: [],
  text: `Body ${n}`,
  html: null,
  date: new Date('2026-12-01T10:00:00Z'),
});

describe('the pooled SMTP transport', () => {
  let sink: SmtpSink;
  let pool: SmtpPool;
  beforeAll(async () => {
    sink = await startSmtpSink({ closeTimeoutMs: 200 });
    pool = openSmtpPool(sink.url, 2);
  });
  afterAll(async () => {
    pool.close();
    await sink.close();
  });

  it('sends many messages at once over at most its connections, each message once', async () => {
    const settings = { smtpUrl: sink.url, smtpPool: pool };
    const deliveries = await Promise.all(Array.from({ length: 30 }, (_, n) => deliver(settings, message(n))));
    expect(deliveries.every((d) => d.via === 'smtp')).toBe(true);
    expect(sink.messages).toHaveLength(30);
    expect(new Set(sink.messages.map((m) => m.to[0])).size).toBe(30);
    expect(new Set(sink.messages.map((m) => m.connection)).size).toBeLessThanOrEqual(2);
  });

  it('fails a message while the server is down, and sends the next once it is back', async () => {
    const settings = { smtpUrl: sink.url, smtpPool: pool };
    // The server goes away: the pool's open connections are closed from its side (421), new ones refused.
    const before = sink.messages.length;
    await sink.stop();
    await expect(deliver({ ...settings, smtpPool: pool }, message(100))).rejects.toThrow();
    await sink.start();
    await deliver({ ...settings, smtpPool: pool }, message(101));
    expect(sink.messages.slice(before).map((m) => m.to[0])).toEqual(['customer-101@example.com']);
  });

  it('is used only for the server it was opened for', async () => {
    const other = await startSmtpSink();
    try {
      await deliver({ smtpUrl: other.url, smtpPool: pool }, message(200));
      expect(other.messages.map((m) => m.to[0])).toEqual(['customer-200@example.com']);
    } finally {
      await other.close();
    }
  });
});
