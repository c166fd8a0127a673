/** The API with its mail going to a test SMTP sink: what the letter and case-file tests share. */
import { afterAll, beforeAll } from 'vitest';
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
