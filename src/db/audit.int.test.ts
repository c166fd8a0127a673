import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import {
  appendAuditEvent,
  appendAuditEvents,
  auditHash,
  GENESIS_HASH,
  listAuditEvents,
  userChain,
  verifyAuditChain,
} from './audit.ts';
import { anchorAuditChains } from './audit-anchors.ts';
import { canonicalJson } from './canonical-json.ts';
import { type Executor, transaction } from './database.ts';
import { migrate, migrateTo } from './migrations/index.ts';

const at = (minute: number) => `2026-05-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

async function appendThree(db: Executor) {
  for (const [i, complaintId] of ['k1', 'k2', 'k1'].entries()) {
    await appendAuditEvent(db, {
      complaintId,
      type: 'note-added',
      actor: 'u1',
      at: at(i),
      payload: { text: `note ${i}`, nested: { b: 2, a: 1 } },
    });
  }
}

const problemsOf = async (db: Executor) =>
  (await verifyAuditChain(db)).problems.map((p) => [p.chain, p.seq, p.kind]);

async function rewriteWithRecomputedHash(db: Executor, seq: number, actor: string) {
  const row = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  const fields = {
    id: row.id,
    complaintId: row.complaint_id,
    type: row.type,
    actor,
    at: row.at,
    chainSeq: row.chain_seq ?? undefined,
  };
  const hash = auditHash(row.prev_hash, fields, row.payload);
  await db.updateTable('audit_events').set({ actor, hash }).where('seq', '=', seq).execute();
  return hash;
}

describeEachDialect('audit trail', (t) => {
  it("indexes the system chain's events by the customers they name, as they are appended; no other chain's", async () => {
    const db = await t.freshDb();
    const [details, merge, template, staff, complaint] = await appendAuditEvents(db.kysely, [
      {
        complaintId: null,
        type: 'customer-details-changed',
        actor: 'u1',
        at: at(1),
        payload: { customerId: 'c1', changes: {} },
      },
      {
        complaintId: null,
        type: 'customers-merged',
        actor: 'u1',
        at: at(2),
        payload: { mergedCustomerId: 'c2', intoCustomerId: 'c3', earlierMergedRecords: 0 },
      },
      {
        complaintId: null,
        type: 'template-created',
        actor: 'u1',
        at: at(3),
        payload: { template: { id: 't1' } },
      },
      {
        complaintId: null,
        chain: userChain('u1'),
        type: 'session-started',
        actor: 'u1',
        at: at(4),
        payload: { customerId: 'c1' },
      },
      {
        complaintId: 'k1',
        type: 'customer-merged',
        actor: 'u1',
        at: at(5),
        payload: { fromCustomerId: 'c2', intoCustomerId: 'c3' },
      },
    ]);
    expect([template?.seq, staff?.seq, complaint?.seq]).not.toContain(undefined);
    const named = await db.kysely
      .selectFrom('audit_customer_events')
      .select(['customer_id', 'seq'])
      .orderBy('customer_id')
      .execute();
    expect(named.map((r) => [r.customer_id, Number(r.seq)])).toEqual([
      ['c1', details?.seq],
      ['c2', merge?.seq],
      ['c3', merge?.seq],
    ]);
  });

  it('chains each complaint’s events on their own, events about no complaint on the system chain', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await appendAuditEvent(db.kysely, {
      complaintId: null,
      type: 'template-created',
      actor: 'u1',
      at: at(4),
      payload: {},
    });
    const k1 = await listAuditEvents(db.kysely, 'k1');
    expect(k1.map((e) => e.payload)).toEqual([
      { text: 'note 0', nested: { a: 1, b: 2 } },
      { text: 'note 2', nested: { a: 1, b: 2 } },
    ]);
    const [k2] = await listAuditEvents(db.kysely, 'k2');
    expect(k1.map((e) => e.chainSeq)).toEqual([1, 2]);
    expect(k1[0]?.prevHash).toBe(GENESIS_HASH);
    expect(k1[1]?.prevHash).toBe(k1[0]?.hash);
    expect(k2).toMatchObject({ chainSeq: 1, prevHash: GENESIS_HASH });
    const heads = await db.kysely.selectFrom('audit_chains').selectAll().orderBy('chain_id').execute();
    expect(heads.map((h) => [h.chain_id, Number(h.length), h.head_hash])).toEqual([
      ['k1', 2, k1[1]?.hash],
      ['k2', 1, k2?.hash],
      ['system', 1, expect.stringMatching(/^[0-9a-f]{64}$/)],
    ]);
    const verification = await verifyAuditChain(db.kysely);
    expect(verification).toMatchObject({ ok: true, checked: 4, chains: 3, anchors: 0, problems: [] });
  });

  it('puts staff events on each person’s chain beside the system rows written before, and verifies both', async () => {
    const db = await t.freshDb();
    // Before 0034 a sign-in went on the system chain (0034 added chain_id, null on such rows): it stays there.
    const signIn = (userId: string, minute: number, chain?: `user:${string}`) =>
      appendAuditEvent(db.kysely, {
        complaintId: null,
        ...(chain ? { chain } : {}),
        type: 'session-started',
        actor: userId,
        at: at(minute),
        payload: { userId },
      });
    await signIn('u1', 0);
    await signIn('u1', 1, userChain('u1'));
    await signIn('u2', 2, userChain('u2'));
    await signIn('u1', 3, userChain('u1'));
    const rows = await db.kysely
      .selectFrom('audit_events')
      .select(['chain_id', 'chain_seq'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.chain_id, Number(r.chain_seq)])).toEqual([
      [null, 1],
      ['user:u1', 1],
      ['user:u2', 1],
      ['user:u1', 2],
    ]);
    await anchorAuditChains(db.kysely, at(4));
    expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: true, checked: 4, chains: 3 });

    // A row's chain is in its hash: moved to another person's chain, it is caught.
    await db.kysely
      .updateTable('audit_events')
      .set({ chain_id: 'user:u1' })
      .where('chain_id', '=', 'user:u2')
      .execute();
    expect((await problemsOf(db.kysely)).map(([chain, , kind]) => [chain, kind])).toEqual(
      expect.arrayContaining([
        ['user:u1', 'edited'],
        ['user:u2', 'truncated'],
      ]),
    );
  });

  it('detects a row whose payload was edited', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await db.kysely
      .updateTable('audit_events')
      .set({ payload: '{"text":"something else"}' })
      .where('seq', '=', 2)
      .execute();
    const verification = await verifyAuditChain(db.kysely);
    expect(verification.ok).toBe(false);
    expect(verification.problems).toEqual([
      { chain: 'k2', seq: 2, kind: 'edited', detail: expect.any(String) },
    ]);
  });

  it('detects a row rewritten with a recomputed hash, at the link to the next row of its chain', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await rewriteWithRecomputedHash(db.kysely, 1, 'someone-else');
    expect(await problemsOf(db.kysely)).toEqual([['k1', 3, 'broken-link']]);
  });

  it('detects the newest row of a chain rewritten with a recomputed hash, against the chain’s head', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await rewriteWithRecomputedHash(db.kysely, 3, 'someone-else');
    expect(await problemsOf(db.kysely)).toEqual([['k1', 3, 'broken-link']]);
  });

  it('detects a deleted row in the middle of a chain, and a deleted first row', async () => {
    const db = await t.freshDb();
    for (let i = 0; i < 4; i++)
      await appendAuditEvent(db.kysely, { complaintId: 'k1', type: 't', actor: null, at: at(i), payload: i });
    await db.kysely.deleteFrom('audit_events').where('seq', 'in', [1, 3]).execute();
    const verification = await verifyAuditChain(db.kysely);
    expect(verification).toMatchObject({ ok: false, checked: 2 });
    expect(verification.problems.map((p) => [p.seq, p.kind])).toEqual([
      [2, 'deleted'],
      [4, 'deleted'],
    ]);
  });

  it('detects the newest rows deleted, against the chain’s head and, once anchored, against the anchor', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await db.kysely.deleteFrom('audit_events').where('seq', '=', 3).execute();
    expect(await problemsOf(db.kysely)).toEqual([['k1', 1, 'truncated']]);
    // Covering the tracks in audit_chains as well is caught only by an anchor taken before.
    await db.kysely
      .updateTable('audit_chains')
      .set({ length: 1, head_hash: (await listAuditEvents(db.kysely, 'k1'))[0]?.hash ?? '' })
      .where('chain_id', '=', 'k1')
      .execute();
    expect(await problemsOf(db.kysely)).toEqual([]);

    const anchored = await t.freshDb();
    await appendThree(anchored.kysely);
    await anchorAuditChains(anchored.kysely, at(10));
    const first = (await listAuditEvents(anchored.kysely, 'k1'))[0];
    await anchored.kysely.deleteFrom('audit_events').where('seq', '=', 3).execute();
    await anchored.kysely
      .updateTable('audit_chains')
      .set({ length: 1, head_hash: first?.hash ?? '' })
      .where('chain_id', '=', 'k1')
      .execute();
    expect(await problemsOf(anchored.kysely)).toEqual([['k1', 1, 'truncated']]);
  });

  it('detects a whole chain rewritten with recomputed hashes and head once it was anchored', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await anchorAuditChains(db.kysely, at(10));
    const first = await rewriteWithRecomputedHash(db.kysely, 1, 'someone-else');
    const second = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    const secondHash = auditHash(
      first,
      {
        id: second.id,
        complaintId: 'k1',
        type: second.type,
        actor: second.actor,
        at: second.at,
        chainSeq: 2,
      },
      second.payload,
    );
    await db.kysely
      .updateTable('audit_events')
      .set({ prev_hash: first, hash: secondHash })
      .where('seq', '=', 3)
      .execute();
    await db.kysely
      .updateTable('audit_chains')
      .set({ head_hash: secondHash })
      .where('chain_id', '=', 'k1')
      .execute();
    expect(await problemsOf(db.kysely)).toEqual([['k1', 3, 'anchor-mismatch']]);
  });

  it('reports rows whose chain head was deleted', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await db.kysely.deleteFrom('audit_chains').where('chain_id', '=', 'k2').execute();
    expect(await problemsOf(db.kysely)).toEqual([['k2', 2, 'unchained']]);
  });

  it('is not broken by an append that was rolled back (PostgreSQL leaves a gap in seq)', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await expect(
      transaction(db, async (trx) => {
        await appendAuditEvent(trx, { complaintId: 'k1', type: 'x', actor: null, at: at(5), payload: {} });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    await appendAuditEvent(db.kysely, {
      complaintId: 'k1',
      type: 'y',
      actor: null,
      at: at(6),
      payload: null,
    });
    const verification = await verifyAuditChain(db.kysely);
    expect(verification).toMatchObject({ ok: true, checked: 4 });
    expect((await listAuditEvents(db.kysely, 'k1')).map((e) => [e.type, e.chainSeq])).toEqual([
      ['note-added', 1],
      ['note-added', 2],
      ['y', 3],
    ]);
  });

  it('finds the same problems when the chains and rows span many small pages', async () => {
    const db = await t.freshDb();
    for (let i = 0; i < 30; i++)
      await appendAuditEvent(db.kysely, {
        complaintId: i % 4 === 3 ? null : `k${i % 7}`,
        type: 't',
        actor: null,
        at: at(i),
        payload: i,
      });
    await anchorAuditChains(db.kysely, at(40));
    const pages = { chains: 2, rows: 3 };
    expect(await verifyAuditChain(db.kysely, { pages })).toMatchObject({ ok: true, checked: 30, chains: 8 });
    const rows = await db.kysely.selectFrom('audit_events').select('seq').orderBy('seq').execute();
    const seqs = rows.map((r) => r.seq);
    await db.kysely
      .deleteFrom('audit_events')
      .where('seq', '=', seqs[12] as number)
      .execute();
    await db.kysely
      .updateTable('audit_events')
      .set({ actor: 'x' })
      .where('seq', '=', seqs[25] as number)
      .execute();
    const paged = await verifyAuditChain(db.kysely, { pages });
    const whole = await verifyAuditChain(db.kysely);
    expect(paged.problems.map((p) => p.kind).sort()).toEqual(['deleted', 'edited']);
    expect(new Set(paged.problems)).toEqual(new Set(whole.problems));
  });

  describe('anchors', () => {
    it('record the heads of the chains changed since the anchor before, each chained to the one before', async () => {
      const db = await t.freshDb();
      await appendThree(db.kysely);
      const first = await anchorAuditChains(db.kysely, at(10));
      expect(first).toMatchObject({ seq: 1, chains: 2, prevHash: GENESIS_HASH });
      expect(await anchorAuditChains(db.kysely, at(11))).toBeNull();
      await appendAuditEvent(db.kysely, {
        complaintId: 'k2',
        type: 't',
        actor: null,
        at: at(12),
        payload: 1,
      });
      const second = await anchorAuditChains(db.kysely, at(13));
      expect(second).toMatchObject({ seq: 2, chains: 1, prevHash: first?.hash });
      const heads = await db.kysely
        .selectFrom('audit_anchor_heads')
        .selectAll()
        .orderBy('anchor_seq')
        .orderBy('chain_id')
        .execute();
      expect(heads.map((h) => [Number(h.anchor_seq), h.chain_id, Number(h.length)])).toEqual([
        [1, 'k1', 2],
        [1, 'k2', 1],
        [2, 'k2', 2],
      ]);
      expect(await verifyAuditChain(db.kysely)).toMatchObject({
        ok: true,
        anchors: 2,
        latestAnchor: { seq: 2, hash: second?.hash },
      });
    });

    it('take at most maxChains heads each, the rest going in the next', async () => {
      const db = await t.freshDb();
      for (let i = 0; i < 5; i++)
        await appendAuditEvent(db.kysely, {
          complaintId: `k${i}`,
          type: 't',
          actor: null,
          at: at(i),
          payload: i,
        });
      const sizes = [];
      for (
        let anchor = await anchorAuditChains(db.kysely, at(10), { maxChains: 2 });
        anchor;
        anchor = await anchorAuditChains(db.kysely, at(10), { maxChains: 2 })
      )
        sizes.push(anchor.chains);
      expect(sizes).toEqual([2, 2, 1]);
      expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
    });

    it('detect an edited anchor, edited anchored heads, a deleted anchor and a deleted anchored chain', async () => {
      const db = await t.freshDb();
      for (let round = 0; round < 4; round++) {
        await appendThree(db.kysely);
        await anchorAuditChains(db.kysely, at(10 + round));
      }
      expect(await problemsOf(db.kysely)).toEqual([]);
      await db.kysely
        .updateTable('audit_anchors')
        .set({ at: at(30) })
        .where('seq', '=', 1)
        .execute();
      await db.kysely
        .updateTable('audit_anchor_heads')
        .set({ length: 1 })
        .where('anchor_seq', '=', 3)
        .where('chain_id', '=', 'k2')
        .execute();
      await db.kysely.deleteFrom('audit_anchor_heads').where('anchor_seq', '=', 2).execute();
      await db.kysely.deleteFrom('audit_anchors').where('seq', '=', 2).execute();
      expect(await problemsOf(db.kysely)).toEqual([
        ['anchors', 1, 'edited'],
        ['anchors', 3, 'edited'],
        ['anchors', 3, 'deleted'],
      ]);
      // A chain that was anchored, with all its rows and its head record gone.
      await db.kysely.deleteFrom('audit_events').where('complaint_id', '=', 'k2').execute();
      await db.kysely.deleteFrom('audit_chains').where('chain_id', '=', 'k2').execute();
      expect(await problemsOf(db.kysely)).toContainEqual(['k2', null, 'deleted']);
    });
  });

  it('keeps the rows written before per-complaint chains as the legacy chain, verified and anchored', async () => {
    const db = await t.emptyDb();
    await migrateTo(db, '0013-upload-customer');
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 3; i++) {
      // As the global chain wrote them before migration 0015.
      const row = {
        id: `old-${i}`,
        complaintId: i === 2 ? null : 'k1',
        type: 'note-added',
        actor: 'u1',
        at: at(i),
      };
      const payload = canonicalJson({ n: i });
      const hash = createHash('sha256')
        .update(prev)
        .update(canonicalJson({ ...row, payload }))
        .digest('hex');
      await db.kysely
        .insertInto('audit_events')
        .values({
          id: row.id,
          complaint_id: row.complaintId,
          type: row.type,
          actor: row.actor,
          at: row.at,
          payload,
          prev_hash: prev,
          hash,
        } as never)
        .execute();
      prev = hash;
    }
    await migrate(db);
    expect(await db.kysely.selectFrom('audit_chains').selectAll().execute()).toMatchObject([
      { chain_id: 'legacy', head_hash: prev },
    ]);
    await appendAuditEvent(db.kysely, {
      complaintId: 'k1',
      type: 'y',
      actor: null,
      at: at(5),
      payload: null,
    });
    expect(
      (await listAuditEvents(db.kysely, 'k1')).map((e) => [
        e.id.startsWith('old-'),
        e.chainSeq,
        e.prevHash === GENESIS_HASH,
      ]),
    ).toEqual([
      [true, null, true],
      [true, null, false],
      [false, 1, true],
    ]);
    expect(await anchorAuditChains(db.kysely, at(6))).toMatchObject({ chains: 2 });
    expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: true, checked: 4, chains: 2 });

    await db.kysely
      .updateTable('audit_events')
      .set({ payload: '{"n":9}' })
      .where('id', '=', 'old-2')
      .execute();
    await db.kysely.deleteFrom('audit_events').where('id', '=', 'old-3').execute();
    expect(await problemsOf(db.kysely)).toEqual([
      ['legacy', 2, 'edited'],
      ['legacy', 2, 'truncated'],
    ]);
  });

  describe('under concurrency', () => {
    it('keeps every chain unbroken when 50 transactions append to 5 complaints at once, anchoring meanwhile', async () => {
      const db = await t.freshDb();
      const appends = Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          transaction(db, async (trx) => {
            await appendAuditEvent(trx, {
              complaintId: `k${i % 5}`,
              type: 't',
              actor: null,
              at: at(i),
              payload: i,
            });
          }),
        ),
      );
      const anchors = Promise.all(Array.from({ length: 5 }, () => anchorAuditChains(db.kysely, at(59))));
      await Promise.all([appends, anchors]);
      await anchorAuditChains(db.kysely, at(59));
      const verification = await verifyAuditChain(db.kysely);
      expect(verification.problems).toEqual([]);
      expect(verification.checked).toBe(50);
      const heads = await db.kysely
        .selectFrom('audit_chains')
        .select(['length', 'anchored_length'])
        .execute();
      expect(heads.map((h) => [Number(h.length), Number(h.anchored_length)])).toEqual(
        Array(5).fill([10, 10]),
      );
    });

    it.runIf(t.dialect === 'postgres')(
      'lets two complaints append at once, and an anchor pass by a chain being appended to (PostgreSQL)',
      async () => {
        const db = await t.freshDb();
        await appendThree(db.kysely);
        let release: () => void = () => {};
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let locked: () => void = () => {};
        const k1Locked = new Promise<void>((resolve) => {
          locked = resolve;
        });
        const slow = transaction(db, async (trx) => {
          await appendAuditEvent(trx, {
            complaintId: 'k1',
            type: 'slow',
            actor: null,
            at: at(20),
            payload: null,
          });
          locked();
          await held;
        });
        await k1Locked;
        // Neither waits for the open transaction on k1.
        await appendAuditEvent(db.kysely, {
          complaintId: 'k2',
          type: 'fast',
          actor: null,
          at: at(21),
          payload: null,
        });
        const anchor = await anchorAuditChains(db.kysely, at(22));
        expect(anchor?.chains).toBe(1);
        release();
        await slow;
        expect(await anchorAuditChains(db.kysely, at(23))).toMatchObject({ chains: 1 });
        expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
      },
    );
  });
});
