/**
 * DOCUMENT_STORE=s3://… as an operator sets it: `redress documents move-out` puts documents kept in the
 * database into the bucket (s3rver on loopback, credentials from the AWS SDK's own variables), and
 * `redress documents check --verify` reads every one back from there.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeDialect } from '../support/databases.ts';
import { describeRun, redressEnv, runCli } from '../support/processes.ts';

const BUCKET = 'redress-documents';

describeDialect('sqlite', 'documents in an S3 bucket', (harness) => {
  const scratch = mkdtempSync(join(tmpdir(), 'redress-s3-'));
  let server: S3rver;
  let t: TestApi;
  let env: Record<string, string>;
  afterAll(async () => {
    await t?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  beforeAll(async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: join(scratch, 's3rver'),
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port } = await server.run();
    t = await startApi(harness);
    await t.as('agent').post('/complaints', phoneComplaint());
    await t.runJobs(); // the acknowledgement letter
    // As before migration 0016: the letter's bytes in its row.
    const letter = await t.db.kysely
      .selectFrom('documents')
      .select(['id', 'sha256'])
      .executeTakeFirstOrThrow();
    const bytes = await t.ctx.documents.get(letter.sha256);
    await t.db.kysely.updateTable('documents').set({ content: bytes }).where('id', '=', letter.id).execute();
    env = redressEnv(t.db.options, {
      DOCUMENT_STORE: `s3://${BUCKET}/miso/documents`,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    });
  });

  it('moves documents kept in the database into the bucket, and checks them there', async () => {
    const moved = await runCli(['documents', 'move-out'], env);
    expect(moved.code, describeRun(moved)).toBe(0);
    expect(moved.stdout).toContain(`moved to s3://${BUCKET}/miso/documents: 1 letters, 0 email attachments`);
    const letter = await t.db.kysely.selectFrom('documents').select('sha256').executeTakeFirstOrThrow();
    const folder = join(scratch, 's3rver', BUCKET, 'miso', 'documents', letter.sha256.slice(0, 2));
    expect(
      readdirSync(join(folder, letter.sha256.slice(2, 4))).some((f) => f.startsWith(letter.sha256)),
    ).toBe(true);
    const checked = await runCli(['documents', 'check', '--verify'], env);
    expect(checked.code, describeRun(checked)).toBe(0);
    expect(checked.stdout).toMatch(
      /documents: 1 checked in s3:\/\/redress-documents\/miso\/documents; 0 missing/,
    );
  });
});
