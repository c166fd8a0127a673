/**
 * `redress backup` then `redress restore` as an operator runs them (real processes) on each database: the
 * restored database holds every complaint, letter, file, audit row and anchor, the audit chains verify, and
 * new work carries on from it (the next CRN, a restored complaint's next audit event chained to its last).
 * The document store is copied beside the backup, as the README says, and `redress documents check` finds
 * every document the restored rows name (and says which are missing before the copy is put back).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { appendAuditEvent, GENESIS_HASH, verifyAuditChain } from '../../src/db/audit.ts';
import { anchorAuditChains } from '../../src/db/audit-anchors.ts';
import { auditKeyring, withAuditKeys } from '../../src/db/audit-keys.ts';
import { type Db, type OpenDatabaseOptions, openDatabase } from '../../src/db/database.ts';
import { contentOf, type DocumentStore } from '../../src/storage/document-store.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { documentsOf } from '../support/documents.ts';
import { complaintAt } from '../support/factories.ts';
import { PDF, PNG } from '../support/files.ts';
import {
  type CliResult,
  describeRun,
  redressEnv,
  runCli,
  stopAllProcesses,
  TEST_AUDIT_KEY,
} from '../support/processes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'redress-restore-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterAll(stopAllProcesses);

const expectExit = (result: CliResult, code: number) => expect(result.code, describeRun(result)).toBe(code);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const crnNumber = (reference: string) => Number(/^[A-Z]+-\d+-(\d+)-/.exec(reference)?.[1]);

/** What must survive a restore, read the same way from both databases (and their document stores). */
async function contents(db: Db, store: DocumentStore) {
  const k = db.kysely;
  const files = async (table: 'documents' | 'uploads') => {
    const rows = await k.selectFrom(table).select(['id', 'sha256', 'content']).orderBy('id').execute();
    const read = [];
    for (const r of rows) {
      read.push({ id: r.id, stored: r.sha256, actual: sha256(await contentOf(store, r.sha256, r.content)) });
    }
    return read;
  };
  return {
    complaints: await k.selectFrom('complaints').selectAll().orderBy('id').execute(),
    audit: await k.selectFrom('audit_events').selectAll().orderBy('seq').execute(),
    customerEvents: await k
      .selectFrom('audit_customer_events')
      .selectAll()
      .orderBy('customer_id')
      .orderBy('seq')
      .execute(),
    chains: await k.selectFrom('audit_chains').selectAll().orderBy('chain_id').execute(),
    anchors: await k.selectFrom('audit_anchors').selectAll().orderBy('seq').execute(),
    letters: await files('documents'),
    uploads: await files('uploads'),
    users: await k.selectFrom('users').select(['id', 'email']).orderBy('id').execute(),
  };
}

describeEachDialect('redress backup and restore', (harness) => {
  let t: TestApi;
  let file: string;
  let before: Awaited<ReturnType<typeof contents>>;
  let target: OpenDatabaseOptions;
  let restored: Db | undefined;
  afterAll(async () => {
    await restored?.close();
    await t.close();
  });

  beforeAll(async () => {
    t = await startApi(harness);
    const made = [];
    for (const description of ['Charged twice for October.', 'Broadband down for a week.'])
      made.push((await t.as('agent').post('/complaints', phoneComplaint({ description }))).body.reference);
    const attachments = [
      { filename: 'corrected bill.pdf', contentType: 'application/pdf', content: PDF.toString('base64') },
      { filename: 'screen shot.png', contentType: 'image/png', content: PNG.toString('base64') },
    ];
    await t.command('agent', made[0], 'reply', {
      subject: 'Your bill',
      body: 'A corrected bill.',
      attachments,
    });
    await complaintAt(t, { at: 'deadlock' });
    // A customer's details corrected: an event on the system chain that names them (audit_customer_events).
    const customerId = (await t.as('agent').get(`/complaints/${made[0]}`)).body.customer.id;
    const corrected = await t.as('agent').patch(`/customers/${customerId}`, { phone: '020 7946 0999' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    await t.runJobs(); // acknowledgement and ADR letters
    await anchorAuditChains(t.db.kysely, t.now().toISOString());
    file = join(scratch, `backup-${harness.dialect}`);
    const backedUp = await runCli(['backup', file], redressEnv(t.db.options));
    expectExit(backedUp, 0);
    expect(backedUp.stdout).toContain('now copy the document store');
    // After the database, as the README says: the copy then holds every document the backup names.
    cpSync(join(t.db.options.dataDir, 'documents'), join(scratch, `documents-${harness.dialect}`), {
      recursive: true,
    });
    // Read after the backup: the command, like every one, first seeds the default templates (audited).
    before = await contents(t.db, t.ctx.documents);
    expect(before.letters.length).toBeGreaterThanOrEqual(3);
    expect(before.uploads).toHaveLength(2);
    expect(before.customerEvents.length).toBeGreaterThan(0);
    // SQLite: a data directory no process has open (the harness would hold its database open).
    target =
      harness.dialect === 'sqlite'
        ? { dataDir: join(scratch, 'restored') }
        : (await harness.emptyDb()).options;
  });

  it('restores every complaint, letter and file byte for byte and every audit row; the chain verifies', async () => {
    if (harness.dialect === 'postgres') {
      // Bytes travel as base64, not as JSON.stringify's {"type":"Buffer","data":[…]}.
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines.some((line) => line.includes('"$base64"'))).toBe(true);
      expect(lines.some((line) => line.includes('"type":"Buffer"'))).toBe(false);
      expect(JSON.parse(lines[0] ?? '')).toMatchObject({ redress: 'backup', schema: expect.any(String) });
    }
    const run = await runCli(['restore', file], redressEnv(target));
    expectExit(run, 0);
    expect(run.stdout).toMatch(/restored .* the schema is up to date/);
    const unchecked = await runCli(['documents', 'check'], redressEnv(target));
    expectExit(unchecked, 1);
    expect(unchecked.stdout).toMatch(/documents: \d+ checked .*; [1-9]\d* missing or corrupt/);
    cpSync(join(scratch, `documents-${harness.dialect}`), join(target.dataDir, 'documents'), {
      recursive: true,
    });
    const checked = await runCli(['documents', 'check', '--verify'], redressEnv(target));
    expectExit(checked, 0);
    expect(checked.stdout).toMatch(/; 0 missing or corrupt/);
    // The audit key lives outside the database: the restored rows verify with the key they were hashed with.
    const opened = await openDatabase(target);
    restored = {
      ...opened,
      kysely: withAuditKeys(opened.kysely, auditKeyring([Buffer.from(TEST_AUDIT_KEY)])),
    };
    const after = await contents(restored, documentsOf({ options: target }));
    expect(after).toEqual(before);
    const verified = await runCli(['audit', 'verify'], redressEnv(target));
    expectExit(verified, 0);
    expect(verified.stdout).toContain(`audit trail intact: ${before.audit.length} events checked`);
    expect(verified.stdout).toContain(
      `${before.anchors.length} anchors; latest anchor ${before.anchors.length} `,
    );
    expect(before.anchors.length).toBeGreaterThan(0);
    // Without that key the trail cannot be verified, which `audit verify` says rather than calling it intact.
    const keyless = await runCli(['audit', 'verify'], redressEnv(target, { AUDIT_KEY: 'x'.repeat(40) }));
    expectExit(keyless, 1);
    expect(keyless.stdout).toMatch(/unknown-key: .* which is not configured here/);
    for (const letter of [...after.letters, ...after.uploads]) expect(letter.actual).toBe(letter.stored);
  }, 180_000); // four commands, each a process that starts Redress

  it('after a restore, a new complaint gets the next CRN and its audit events extend the chain', async () => {
    if (!restored) throw new Error('the restore test did not run');
    const ctx: AppContext = {
      db: restored,
      documents: documentsOf({ options: target }),
      procedure: MISO_PROCEDURE,
      now: t.now,
      logger: pino({ level: 'silent' }),
      publicUrl: 'http://localhost',
    };
    const agent = { kind: 'staff' as const, id: t.users.agent.id, roles: ['agent' as const] };
    const { reference } = await recordComplaint(
      ctx,
      { ...phoneComplaint({ description: 'Made after the restore.' }), channel: 'phone' } as Parameters<
        typeof recordComplaint
      >[1],
      agent,
    );
    const highest = Math.max(...before.complaints.map((c) => crnNumber(c.reference)));
    expect(crnNumber(reference)).toBe(highest + 1);

    const earlier = before.complaints[0];
    if (!earlier) throw new Error('no complaint was backed up');
    const next = await appendAuditEvent(restored.kysely, {
      complaintId: earlier.id,
      type: 'note-added',
      actor: agent.id,
      at: t.now().toISOString(),
      payload: { text: 'After the restore.' },
    });
    const audit = await restored.kysely.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    const last = before.audit.at(-1);
    const added = audit.slice(before.audit.length);
    expect(added.length).toBeGreaterThan(1);
    expect(added[0]?.seq).toBe((last?.seq ?? 0) + 1);
    // The new complaint starts its own chain; the restored one's chain goes on from its last restored row.
    expect(added[0]).toMatchObject({ chain_seq: 1, prev_hash: GENESIS_HASH });
    const earlierTrail = before.audit.filter((row) => row.complaint_id === earlier.id);
    expect(next).toMatchObject({
      chainSeq: earlierTrail.length + 1,
      prevHash: earlierTrail.at(-1)?.hash,
    });
    expect(await verifyAuditChain(restored.kysely)).toMatchObject({ ok: true, checked: audit.length });
  });

  it('refuses a database that holds complaints without --force: exit 2, nothing written', async () => {
    const count = async () => (await contents(t.db, t.ctx.documents)).audit.length;
    const audited = await count();
    const refused = await runCli(['restore', file], redressEnv(t.db.options));
    expectExit(refused, 2);
    expect(refused.stderr).toMatch(/already holds complaints.*--force/);
    expect(await count()).toBe(audited);
    expect((await contents(t.db, t.ctx.documents)).complaints).toEqual(before.complaints);
  });

  it.runIf(harness.dialect === 'sqlite')(
    'refuses, even with --force, to swap a SQLite file another process has open',
    async () => {
      // The test's own API holds this database open, as a running `redress serve` would.
      const refused = await runCli(['restore', '--force', file], redressEnv(t.db.options));
      expectExit(refused, 2);
      expect(refused.stderr).toMatch(/in use by another process/);
      expect((await contents(t.db, t.ctx.documents)).complaints).toEqual(before.complaints);
    },
  );

  it.runIf(harness.dialect === 'postgres')('with --force, replaces what the database holds', async () => {
    const forced = await runCli(['restore', '--force', file], redressEnv(target));
    expectExit(forced, 0);
    const db = await openDatabase(target);
    try {
      expect((await contents(db, documentsOf({ options: target }))).complaints).toEqual(before.complaints);
    } finally {
      await db.close();
    }
  });

  it.runIf(harness.dialect === 'postgres')(
    'restores a backup of rows only (written before the header) with the system chain indexed by customer',
    async () => {
      // As such a file was: no header, no trailer, and no audit_customer_events (0036 came after).
      const rowsOnly = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter((line) => {
          const entry = JSON.parse(line) as { table?: string };
          return entry.table !== undefined && entry.table !== 'audit_customer_events';
        });
      const older = join(scratch, 'backup-rows-only');
      writeFileSync(older, `${rowsOnly.join('\n')}\n`);
      const forced = await runCli(['restore', '--force', older], redressEnv(target));
      expectExit(forced, 0);
      const db = await openDatabase(target);
      try {
        const k = db.kysely;
        expect(await k.selectFrom('audit_events').selectAll().orderBy('seq').execute()).toEqual(before.audit);
        const indexed = k
          .selectFrom('audit_customer_events')
          .selectAll()
          .orderBy('customer_id')
          .orderBy('seq');
        expect(await indexed.execute()).toEqual(before.customerEvents);
      } finally {
        await db.close();
      }
    },
  );
});
