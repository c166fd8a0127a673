import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { appendAuditEvent, auditHash, GENESIS_HASH, listAuditEvents, verifyAuditChain } from './audit.ts';
import { type Executor, transaction } from './database.ts';

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

describeEachDialect('audit trail', (t) => {
  it('chains each event to the one before and verifies clean', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    const k1 = await listAuditEvents(db.kysely, 'k1');
    expect(k1.map((e) => e.payload)).toEqual([
      { text: 'note 0', nested: { a: 1, b: 2 } },
      { text: 'note 2', nested: { a: 1, b: 2 } },
    ]);
    const [k2] = await listAuditEvents(db.kysely, 'k2');
    expect(k1[0]?.prevHash).toBe(GENESIS_HASH);
    expect(k2?.prevHash).toBe(k1[0]?.hash);
    expect(k1[1]?.prevHash).toBe(k2?.hash);
    const verification = await verifyAuditChain(db.kysely);
    expect(verification).toMatchObject({ ok: true, checked: 3, problems: [], head: { hash: k1[1]?.hash } });
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
    expect(verification.problems).toEqual([{ seq: 2, kind: 'edited', detail: expect.any(String) }]);
  });

  it('detects a row rewritten with a recomputed hash, at the link to the next row', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    const row = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    const fields = {
      id: row.id,
      complaintId: row.complaint_id,
      type: row.type,
      actor: 'someone-else',
      at: row.at,
    };
    await db.kysely
      .updateTable('audit_events')
      .set({ actor: 'someone-else', hash: auditHash(row.prev_hash, fields, row.payload) })
      .where('seq', '=', 2)
      .execute();
    const { problems } = await verifyAuditChain(db.kysely);
    expect(problems).toEqual([{ seq: 3, kind: 'broken-link', detail: expect.any(String) }]);
  });

  it('detects a deleted row in the middle of the chain', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await db.kysely.deleteFrom('audit_events').where('seq', '=', 2).execute();
    const verification = await verifyAuditChain(db.kysely);
    expect(verification).toMatchObject({ ok: false, checked: 2 });
    expect(verification.problems).toEqual([{ seq: 3, kind: 'deleted', detail: expect.any(String) }]);
  });

  it('detects a deleted first row', async () => {
    const db = await t.freshDb();
    await appendThree(db.kysely);
    await db.kysely.deleteFrom('audit_events').where('seq', '=', 1).execute();
    const { problems } = await verifyAuditChain(db.kysely);
    expect(problems.map((p) => [p.seq, p.kind])).toEqual([[2, 'deleted']]);
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
    expect((await listAuditEvents(db.kysely, 'k1')).map((e) => e.type)).toEqual([
      'note-added',
      'note-added',
      'y',
    ]);
  });

  describe('under concurrency', () => {
    it('keeps one unbroken chain when 50 transactions append at once', async () => {
      const db = await t.freshDb();
      await Promise.all(
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
      const verification = await verifyAuditChain(db.kysely);
      expect(verification.problems).toEqual([]);
      expect(verification.checked).toBe(50);
    });
  });
});
