import { expect, it } from 'vitest';
import { runContenders } from '../../test/support/contenders.ts';
import { describeEachDialect } from '../../test/support/databases.ts';
import { verifyAuditChain } from './audit.ts';
import { transaction } from './database.ts';
import { nextSequence } from './sequences.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describeEachDialect('named sequences', (t) => {
  it('count from 1, each name on its own', async () => {
    const db = await t.freshDb();
    expect(await nextSequence(db.kysely, 'crn-2026')).toBe(1);
    expect(await nextSequence(db.kysely, 'crn-2026')).toBe(2);
    expect(await nextSequence(db.kysely, 'crn-2027')).toBe(1);
    expect(await nextSequence(db.kysely, 'crn-2026')).toBe(3);
  });

  it('give a rolled-back number to the next caller', async () => {
    const db = await t.freshDb();
    await nextSequence(db.kysely, 'crn');
    await expect(
      transaction(db, async (trx) => {
        await nextSequence(trx, 'crn');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await nextSequence(db.kysely, 'crn')).toBe(2);
  });

  it('give 50 parallel transactions the numbers 1..50, each once', async () => {
    const db = await t.freshDb();
    const values = await Promise.all(range(50).map(() => transaction(db, (trx) => nextSequence(trx, 'crn'))));
    expect([...values].sort((a, b) => a - b)).toEqual(range(50));
  });

  it('serve separate processes writing at once without a busy error, a duplicate or a broken audit chain', async () => {
    const db = await t.freshDb();
    const perProcess = 40;
    const results = await runContenders<number[]>(4, {
      kind: 'sequence',
      iterations: perProcess,
      options: db.options,
      at: '2026-05-01T09:00:00.000Z',
    });
    expect(results.flat().sort((a, b) => a - b)).toEqual(range(4 * perProcess));
    const verification = await verifyAuditChain(db.kysely);
    expect(verification).toMatchObject({ ok: true, checked: 4 * perProcess });
  });
});
