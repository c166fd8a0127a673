/**
 * The keyed audit trail and its signed checkpoints, attacked as someone with write access to the database
 * (and, for (c), to the checkpoint file) would: each attack is caught by `verifyAuditCheckpoints` (what
 * `redress audit verify --checkpoints` runs), sorted as tampering or as truncation after the checkpoint.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachDialect, type TestDb } from '../../test/support/databases.ts';
import { documentsOf } from '../../test/support/documents.ts';
import { loadAuditKeys } from '../config/audit-keys.ts';
import type { AuditSettings } from '../config/env.ts';
import { MISO_PROCEDURE } from '../config/miso.ts';
import { appendAuditEvent, auditHash, verifyAuditChain } from '../db/audit.ts';
import { anchorAuditChains } from '../db/audit-anchors.ts';
import type { AuditKey } from '../db/audit-hash.ts';
import { type AuditKeyring, auditKeyring, withAuditKeys } from '../db/audit-keys.ts';
import type { Executor } from '../db/database.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { addUser } from './add-user.ts';
import { checkpointAuditTrail } from './checkpoint-audit-trail.ts';
import type { AppContext, AuditCheckpointSettings } from './context.ts';
import { jobHandlers } from './job-handlers.ts';
import { rotateAuditKey, rotateSigningKey } from './rotate-audit-keys.ts';
import { openSecret } from './sealed-secrets.ts';
import { setUpSecondFactor } from './set-up-second-factor.ts';
import { verifyAuditCheckpoints } from './verify-audit-checkpoints.ts';

const scratch = mkdtempSync(join(tmpdir(), 'redress-checkpoints-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const at = (minute: number) => `2026-05-01T09:${String(minute).padStart(2, '0')}:00.000Z`;
const secret = () => Buffer.from(randomBytes(32).toString('hex'));

function contextOf(db: TestDb, keyring: AuditKeyring, dir = mkdtempSync(join(scratch, 'dir-'))): AppContext {
  return {
    db: { ...db, kysely: withAuditKeys(db.kysely, keyring) },
    documents: documentsOf(db),
    procedure: MISO_PROCEDURE,
    now: () => new Date('2026-05-01T10:00:00Z'),
    logger: pino({ level: 'silent' }),
    publicUrl: 'http://localhost',
    auditCheckpoints: {
      file: join(dir, 'audit-checkpoints.jsonl'),
      signingKeyFile: join(dir, 'audit-signing-key.pem'),
    },
  };
}

/** A fresh directory holding an audit key file (AUDIT_KEY_FILE), and the settings that read it. */
function auditKeyFileIn(prefix: string) {
  const dir = mkdtempSync(join(scratch, prefix));
  const keyFile = join(dir, 'audit-key');
  writeFileSync(keyFile, `${secret().toString()}\n`, { mode: 0o600 });
  const settings: AuditSettings = {
    keys: undefined,
    keyFile,
    generatedKeyFile: join(dir, 'x'),
    signingKeyFile: '',
    checkpointFile: '',
    mailTo: undefined,
    url: undefined,
  };
  return { dir, settings };
}

async function append(db: Executor, complaintId: string, minute: number) {
  return appendAuditEvent(db, {
    complaintId,
    type: 'note-added',
    actor: 'u1',
    at: at(minute),
    payload: { minute },
  });
}

/** Rewrites the rows of `complaintId` from `fromSeq` on with recomputed hashes (and the chain head), as an attacker would. */
async function rewriteChain(db: Executor, complaintId: string, key: AuditKey | null, actor: string) {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('seq')
    .execute();
  let prev = rows[0]?.prev_hash ?? '';
  for (const row of rows) {
    const fields = {
      id: row.id,
      complaintId,
      type: row.type,
      actor,
      at: row.at,
      chainSeq: row.chain_seq ?? undefined,
    };
    const hash = auditHash(prev, fields, row.payload, key);
    await db
      .updateTable('audit_events')
      .set({ actor, prev_hash: prev, hash, key_id: key?.id ?? null })
      .where('seq', '=', row.seq)
      .execute();
    prev = hash;
  }
  await db.updateTable('audit_chains').set({ head_hash: prev }).where('chain_id', '=', complaintId).execute();
}

/** Deletes the newest row of a chain and makes its head record agree, as an attacker covering their tracks. */
async function deleteNewest(db: Executor, complaintId: string) {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('seq', 'desc')
    .limit(2)
    .execute();
  const [newest, before] = rows;
  if (!newest || !before) throw new Error('two rows needed');
  await db.deleteFrom('audit_events').where('seq', '=', newest.seq).execute();
  await db
    .updateTable('audit_chains')
    .set({ length: Number(before.chain_seq), head_hash: before.hash })
    .where('chain_id', '=', complaintId)
    .execute();
}

describeEachDialect('keyed audit trail and signed checkpoints', (t) => {
  /** A trail with a checkpoint over k1 (2 rows) and k2 (1 row), then one more k1 row, anchored, after it. */
  async function checkpointed() {
    const db = await t.freshDb();
    const keyring = auditKeyring([secret()]);
    const ctx = contextOf(db, keyring);
    const k = ctx.db.kysely;
    await append(k, 'k1', 1);
    await append(k, 'k2', 2);
    await append(k, 'k1', 3);
    const written = await checkpointAuditTrail(ctx);
    await append(k, 'k1', 4);
    await anchorAuditChains(k, at(5));
    return { db, ctx, k, keyring, file: written?.file ?? '' };
  }

  it('hashes every row and anchor with the current key, records its id, and verifies against the checkpoint', async () => {
    const { ctx, k, keyring, file } = await checkpointed();
    const rows = await k.selectFrom('audit_events').select('key_id').execute();
    expect(rows.map((r) => r.key_id)).toEqual(Array(4).fill(keyring.current.id));
    const anchors = await k.selectFrom('audit_anchors').select('key_id').execute();
    expect(anchors.map((a) => a.key_id)).toEqual([keyring.current.id, keyring.current.id]);
    const found = await verifyAuditCheckpoints(ctx, file);
    expect(found).toMatchObject({
      ok: true,
      checkpoints: 1,
      tampering: [],
      truncation: [],
      unsealedAnchors: 1,
    });
    expect(found.latest).toMatchObject({ seq: 1, anchorSeq: 1, auditKeyId: keyring.current.id });
    // Without the key the rows cannot be verified at all, which the verifier says.
    const unkeyed = await verifyAuditChain(ctx.db.kysely.withoutPlugins());
    expect(unkeyed.problems.map((p) => p.kind)).toContain('unknown-key');
  });

  it('(a) detects a row edited and every later hash recomputed, with plain sha256 or with a wrong key', async () => {
    const { ctx, k, file } = await checkpointed();
    await rewriteChain(k, 'k1', null, 'someone-else');
    const plain = await verifyAuditCheckpoints(ctx, file);
    expect(plain.ok).toBe(false);
    expect(plain.truncation).toEqual([]);
    expect(plain.tampering.join('\n')).toMatch(/anchor-mismatch|unkeyed/);
    // Rewritten with a key of the attacker's own, under the real key's id: every rewritten row fails its HMAC.
    const again = await checkpointed();
    const wrong = auditKeyring([secret()]).current;
    await rewriteChain(again.k, 'k1', { ...wrong, id: again.keyring.current.id }, 'someone-else');
    const forged = await verifyAuditCheckpoints(again.ctx, again.file);
    expect(forged.ok).toBe(false);
    expect(forged.tampering.filter((l) => l.includes(': edited:'))).toHaveLength(3);
  });

  it('(b) reports the newest rows deleted after the checkpoint as truncation, and sealed rows deleted as tampering', async () => {
    const { ctx, k, file } = await checkpointed();
    await deleteNewest(k, 'k1'); // the k1 row written after the checkpoint
    const after = await verifyAuditCheckpoints(ctx, file);
    expect(after.tampering).toEqual([]);
    expect(after.truncation).toEqual([
      expect.stringMatching(/^chain k1 seq \d+: truncated: .*anchor 2 recorded 3/),
    ]);
    await deleteNewest(k, 'k1'); // now a row the checkpoint sealed
    const before = await verifyAuditCheckpoints(ctx, file);
    expect(before.tampering).toEqual([
      expect.stringMatching(/chain k1 seq \d+: deleted: .*checkpoint 1 sealed 2/),
    ]);
  });

  it('(b) reports the newest anchors deleted after the checkpoint as truncation', async () => {
    const { ctx, k, file } = await checkpointed();
    await k.deleteFrom('audit_anchor_heads').where('anchor_seq', '=', 2).execute();
    await k.deleteFrom('audit_anchors').where('seq', '=', 2).execute();
    const found = await verifyAuditCheckpoints(ctx, file);
    expect(found.tampering).toEqual([]);
    expect(found.truncation).toEqual([expect.stringMatching(/chain k1 .*truncated: anchors are missing/)]);
    await k.deleteFrom('audit_anchors').where('seq', '=', 1).execute();
    expect((await verifyAuditCheckpoints(ctx, file)).tampering).toContainEqual(
      'anchor 1, signed by checkpoint 1, is missing',
    );
  });

  it('(c) detects a checkpoint line deleted from the file, and one altered', async () => {
    const { ctx, file } = await checkpointed();
    await checkpointAuditTrail(ctx);
    await checkpointAuditTrail(ctx);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).type)).toEqual([
      'signing-key',
      'checkpoint',
      'checkpoint',
      'checkpoint',
    ]);
    const write = (name: string, kept: string[]) => {
      const copy = join(scratch, `${name}-${t.dialect}-${Date.now()}.jsonl`);
      writeFileSync(copy, `${kept.join('\n')}\n`);
      return copy;
    };
    const middle = await verifyAuditCheckpoints(
      ctx,
      write(
        'middle',
        lines.filter((_, i) => i !== 2),
      ),
    );
    expect(middle.tampering).toEqual([
      'checkpoint file line 3: checkpoints 2–2 are missing before checkpoint 3',
      'checkpoint 2 is recorded in the database but missing from the file',
    ]);
    const last = await verifyAuditCheckpoints(ctx, write('last', lines.slice(0, -1)));
    expect(last.tampering).toEqual(['checkpoint 3 is recorded in the database but missing from the file']);
    const altered = lines.map((l, i) => (i === 1 ? l.replace(/"anchorSeq":1/, '"anchorSeq":2') : l));
    const changed = await verifyAuditCheckpoints(ctx, write('altered', altered));
    expect(changed.tampering).toContainEqual(
      'checkpoint file line 2: checkpoint 1: its hash or signature does not verify (altered)',
    );
    // And the database's own record of a checkpoint deleted.
    await ctx.db.kysely.deleteFrom('audit_checkpoints').where('seq', '=', 3).execute();
    expect((await verifyAuditCheckpoints(ctx, file)).tampering).toEqual([
      'checkpoint 3 of the file is missing from the database',
    ]);
  });

  it('reseals the 2-step secrets with the new audit key when it rotates it', async () => {
    const db = await t.freshDb();
    const { dir, settings } = auditKeyFileIn('reseal-');
    const loaded = loadAuditKeys(settings, { postgres: t.dialect === 'postgres' });
    const ctx = { ...contextOf(db, loaded.keyring, dir), sealingKeys: loaded.keyring };
    const user = await addUser(ctx, { email: 'sam@test.redress', name: 'Sam Sealed', roles: ['agent'] });
    await setUpSecondFactor(ctx, user);
    const rotation = await rotateAuditKey(ctx, loaded);
    expect(rotation).toMatchObject({ written: true, resealed: 1 });
    const row = await db.kysely.selectFrom('staff_second_factors').selectAll().executeTakeFirstOrThrow();
    expect(row.key_id).toBe(rotation.written && rotation.keyId);
    // The new key alone opens it now: the old one could be lost, or taken, without exposing the secret.
    const newOnly = auditKeyring([loadAuditKeys(settings, { postgres: false }).keyring.current.secret]);
    const opened = openSecret(
      { ...ctx, sealingKeys: newOnly },
      { sealed: row.sealed_secret, keyId: row.key_id },
      user.id,
    );
    expect(opened.stale).toBe(false);
  });

  it('(d) verifies after the audit key and the signing key were rotated: old rows with the old key, a checkpoint marking each switch', async () => {
    const db = await t.freshDb();
    const { dir, settings } = auditKeyFileIn('rotate-');
    const loaded = loadAuditKeys(settings, { postgres: t.dialect === 'postgres' });
    const ctx = contextOf(db, loaded.keyring, dir);
    await append(ctx.db.kysely, 'k1', 1);
    await checkpointAuditTrail(ctx);
    const rotation = await rotateAuditKey(ctx, loaded);
    expect(rotation).toMatchObject({ written: true, checkpoint: { checkpoint: { seq: 2 } } });
    // The next start reads both keys from the file; new rows use the new one.
    const reloaded = loadAuditKeys(settings, { postgres: false });
    expect([...reloaded.keyring.byId.keys()]).toEqual([
      loaded.keyring.current.id,
      reloaded.keyring.current.id,
    ]);
    const next = contextOf(db, reloaded.keyring, dir);
    await append(next.db.kysely, 'k1', 2);
    const signing = await rotateSigningKey(next);
    expect(signing.checkpoint?.checkpoint.signingKeyId).toBe(signing.keyId);
    await append(next.db.kysely, 'k2', 3);
    const found = await verifyAuditCheckpoints(next, join(dir, 'audit-checkpoints.jsonl'));
    expect(found).toMatchObject({ ok: true, checkpoints: 3, signingKeys: 2, tampering: [], truncation: [] });
    const marks = await db.kysely
      .selectFrom('audit_checkpoints')
      .select(['seq', 'audit_key_id'])
      .orderBy('seq')
      .execute();
    expect(marks.map((m) => m.audit_key_id)).toEqual([
      loaded.keyring.current.id,
      reloaded.keyring.current.id,
      reloaded.keyring.current.id,
    ]);
    const keys = await db.kysely.selectFrom('audit_events').select('key_id').orderBy('seq').execute();
    expect(keys.map((r) => r.key_id)).toEqual([
      loaded.keyring.current.id,
      reloaded.keyring.current.id,
      reloaded.keyring.current.id,
    ]);
    // Without the old key, its rows cannot be verified: said as such.
    const withoutOld = auditKeyring([Buffer.from(reloaded.keyring.current.secret)]);
    const missing = await verifyAuditChain(db.kysely, { keys: withoutOld });
    expect(missing.problems.map((p) => p.kind)).toContain('unknown-key');
  });

  describe.runIf(t.dialect === 'sqlite')('delivery', () => {
    it('mails each checkpoint and POSTs it as JSON by jobs, retrying a POST that was refused', async () => {
      const received: unknown[] = [];
      let refuse = true;
      const server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => {
          body += chunk;
        });
        req.on('end', () => {
          if (refuse) {
            refuse = false;
            res.writeHead(503).end();
            return;
          }
          received.push(JSON.parse(body));
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const db = await t.freshDb();
        const base = contextOf(db, auditKeyring([secret()]));
        const mailboxDir = mkdtempSync(join(scratch, 'mailbox-'));
        const { port } = server.address() as AddressInfo;
        const ctx: AppContext = {
          ...base,
          mail: { smtpUrl: undefined, from: undefined, replyTo: undefined, mailboxDir },
          auditCheckpoints: {
            ...(base.auditCheckpoints as AuditCheckpointSettings),
            mailTo: 'auditors@example.co.uk',
            url: `http://127.0.0.1:${port}/checkpoints`,
          },
        };
        await append(ctx.db.kysely, 'k1', 1);
        const written = await checkpointAuditTrail(ctx);
        let clock = new Date('2026-05-01T10:00:00Z');
        const run = () => runDueJobs(ctx.db, jobHandlers(ctx), { now: () => clock, owner: 'test' });
        const first = await run();
        expect(first).toMatchObject({ done: 1, retried: 1 });
        clock = new Date('2026-05-01T11:00:00Z');
        expect(await run()).toMatchObject({ done: 1 });
        expect(received).toEqual([
          { redress: 'audit-checkpoint', checkpoint: written?.checkpoint, publicKey: expect.any(String) },
        ]);
        const mailed = readdirSync(mailboxDir);
        expect(mailed).toHaveLength(1);
        const message = readFileSync(join(mailboxDir, mailed[0] ?? ''), 'utf8');
        expect(message).toContain('To: auditors@example.co.uk');
        expect(message).toContain('Subject: Redress audit checkpoint 1 ');
        expect(message.replace(/=\r?\n/g, '')).toContain(written?.checkpoint.hash.slice(0, 40) ?? 'no hash');
      } finally {
        server.close();
      }
    });
  });

  describe.runIf(t.dialect === 'sqlite')('before keying', () => {
    it('keeps rows written before the upgrade verifiable as plain sha256, sealed by the first checkpoint', async () => {
      const db = await t.freshDb();
      await append(db.kysely, 'k1', 1); // a handle without keys writes as before the upgrade
      await append(db.kysely, 'k2', 2);
      const ctx = contextOf(db, auditKeyring([secret()]));
      await append(ctx.db.kysely, 'k1', 3);
      const written = await checkpointAuditTrail(ctx);
      expect(await verifyAuditCheckpoints(ctx, written?.file ?? '')).toMatchObject({ ok: true });
      // An unsealed plain-sha256 row after the checkpoint is a forgery.
      await append(db.kysely, 'k2', 4);
      const found = await verifyAuditCheckpoints(ctx, written?.file ?? '');
      expect(found.tampering).toEqual([
        expect.stringMatching(/chain k2 seq \d+: unkeyed: .*no checkpoint sealed it/),
      ]);
    });
  });
});
