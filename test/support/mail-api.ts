/** The API with its mail going to a test SMTP sink: what the letter and case-file tests share. */
import { afterAll, beforeAll } from 'vitest';
import { type SmtpListener, startSmtpListener } from '../../src/mail/inbound/smtp-listener.ts';
import { startApi, type TestApi } from './api.ts';
import type { DialectHarness } from './databases.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';

/** Starts both before the enclosing block's tests and closes them after; read `t` and `sink` in tests. */
export function useApiWithSink(harness: DialectHarness, now: string): { t: TestApi; sink: SmtpSink } {
  const env = {} as { t: TestApi; sink: SmtpSink };
  beforeAll(async () => {
    env.sink = await startSmtpSink();
    env.t = await startApi(harness, { now, mail: { smtpUrl: env.sink.url } });
  });
  afterAll(async () => {
    await env.t?.close();
    await env.sink?.close();
  });
  return env;
}

/** The complaints address the round-trip tests send to and Redress sends from. */
export const INBOUND = 'complaints@miso.test';

/**
 * The API with mail both ways over real SMTP on loopback: outbound to a test sink, inbound through Redress's
 * own listener, which knows our address as its own. Read `t`, `sink` and `listener` in tests.
 */
export function useApiWithMailBothWays(
  harness: DialectHarness,
  before: (t: TestApi) => Promise<unknown> = async () => {},
): { t: TestApi; sink: SmtpSink; listener: SmtpListener } {
  const env = {} as { t: TestApi; sink: SmtpSink; listener: SmtpListener };
  beforeAll(async () => {
    env.sink = await startSmtpSink();
    env.t = await startApi(harness, {
      mail: { smtpUrl: env.sink.url, from: `Miso Complaints <${INBOUND}>`, replyTo: INBOUND },
    });
    await before(env.t);
    env.listener = await startSmtpListener(env.t.ctx, {
      port: 0,
      host: '127.0.0.1',
      maxBytes: 1_000_000,
      ownAddresses: [INBOUND],
    });
  });
  afterAll(async () => {
    await env.listener?.close();
    await env.t?.close();
    await env.sink?.close();
  });
  return env;
}
