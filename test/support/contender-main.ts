/**
 * Child-process entry for concurrency tests: opens its own connection to the database it is given, says
 * `ready`, waits for `go` on stdin (so that all contenders start together), does its task and prints the
 * result as JSON. Run by `runContenders`.
 */
import { appendAuditEvent } from '../../src/db/audit.ts';
import { openDatabase, transaction } from '../../src/db/database.ts';
import { claimDue } from '../../src/db/jobs.ts';
import { migrate } from '../../src/db/migrations/index.ts';
import { nextSequence } from '../../src/db/sequences.ts';
import type { ContenderTask } from './contenders.ts';

const task = JSON.parse(process.argv[2] ?? '{}') as ContenderTask;
// Like a one-off command (`redress jobs run`) beside the server: no reader threads, only contended writes.
const db = await openDatabase({ ...task.options, sqliteReaders: 0 });
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();

let result: unknown;
switch (task.kind) {
  case 'migrate':
    result = (await migrate(db)).ran;
    break;
  case 'sequence': {
    const values: number[] = [];
    for (let i = 0; i < task.iterations; i++) {
      // Read, then write, in one transaction, as every use case does (the audit append reads the chain's
      // head first): under a deferred BEGIN this is what fails with SQLITE_BUSY.
      const value = await transaction(db, async (trx) => {
        await appendAuditEvent(trx, {
          complaintId: null,
          type: 'test',
          actor: task.name,
          at: task.at,
          payload: i,
        });
        return nextSequence(trx, 'contended');
      });
      values.push(value);
    }
    result = values;
    break;
  }
  case 'claim': {
    const ids: string[] = [];
    for (;;) {
      const jobs = await claimDue(db, {
        owner: task.name,
        now: new Date(task.at),
        limit: 3,
        leaseMs: 600_000,
      });
      if (jobs.length === 0) break;
      ids.push(...jobs.map((j) => j.id));
      // A worker runs its jobs between claims; without that pause SQLite's first process drains the queue
      // while the others sleep in the busy handler, and nothing is contended.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    result = ids;
    break;
  }
}
await db.close();
process.stdout.write(JSON.stringify(result));
