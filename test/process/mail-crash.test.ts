/**
 * A notification survives the server being killed while the mail server is down: the acknowledgement is a
 * job committed with the complaint, so after a SIGKILL and the mail server's return it is delivered — once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect, type TestDb } from '../support/databases.ts';
import {
  apiClient,
  type Env,
  redressEnv,
  runCli,
  staffToken,
  startServe,
  stopAllProcesses,
} from '../support/processes.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

describeEachDialect('email and crashes', (harness) => {
  let db: TestDb;
  let env: Env;
  let token: string;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = await harness.freshDb();
    sink = await startSmtpSink();
    await sink.stop();
    env = redressEnv(db.options, { SMTP_URL: sink.url });
    ({ token } = await staffToken(env));
  });
  afterAll(async () => {
    await stopAllProcesses();
    await sink?.close();
  });

  it('SIGKILL with the mail server down: after both come back the acknowledgement arrives exactly once', async () => {
    // The API alone (no worker: a job due now would wake it at once): the test decides when jobs run.
    const server = await startServe(env, { role: 'web' });
    const created = await apiClient(server.api, token).post('/complaints', phoneComplaint());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    server.kill('SIGKILL');
    await server.exited;

    await sink.start();
    const first = await runCli(['jobs', 'run'], env);
    expect(first.code, first.stderr).toBe(0);
    const again = await runCli(['jobs', 'run'], env);
    expect(again.code, again.stderr).toBe(0);

    const delivered = await sink.parsed();
    const acknowledgements = delivered.filter((m) => m.subject?.includes(`[${created.body.reference}]`));
    expect(acknowledgements).toHaveLength(1);
    const stored = await db.kysely
      .selectFrom('emails')
      .select(['status', 'message_id'])
      .where('kind', '=', 'acknowledgement')
      .execute();
    expect(stored).toEqual([{ status: 'sent', message_id: acknowledgements[0]?.messageId }]);
  });
});
