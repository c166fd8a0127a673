/** The queries behind `redress adr audit`: each finds one way an ADR letter can be missing or late. */
import { sql } from 'kysely';
import type { Executor } from './database.ts';

/** An attempt that ended in deadlock, literally as attempts_deadlock_idx (0014) is defined. */
const DEADLOCKED = sql<boolean>`a.outcome = 'deadlock'`;

/** ADR letters with the complaint's stored due date and, for deadlock letters, when deadlock was declared. */
export async function listAdrLettersForAudit(executor: Executor) {
  return executor
    .selectFrom('adr_letters as l')
    .innerJoin('complaints as c', 'c.id', 'l.complaint_id')
    .select([
      'l.id',
      'l.trigger',
      'l.issued_on',
      'l.issued_at',
      'c.reference',
      'c.adr_due_on',
      'c.received_at',
      (eb) =>
        eb
          .selectFrom('attempts as a')
          .select((a) => a.fn.min('a.ended_at').as('at'))
          .whereRef('a.complaint_id', '=', 'c.id')
          .where(DEADLOCKED)
          .as('deadlock_at'),
      (eb) =>
        eb
          .selectFrom('documents as d')
          .select('d.id')
          .whereRef('d.source_key', '=', sql<string>`'adr-letter:' || l.id`)
          .as('document_id'),
    ])
    .orderBy('c.reference')
    .execute();
}

/**
 * Complaints that reached deadlock (now or before closing) with no deadlock ADR letter: read from the attempts
 * that ended in deadlock (attempts_deadlock_idx), not from every complaint or audit event.
 */
export async function listDeadlockWithoutLetter(executor: Executor) {
  return executor
    .selectFrom('attempts as a')
    .innerJoin('complaints as c', 'c.id', 'a.complaint_id')
    .select(['c.reference'])
    .where(DEADLOCKED)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('adr_letters as l')
            .select('l.id')
            .whereRef('l.complaint_id', '=', 'c.id')
            .where('l.trigger', '=', 'deadlock'),
        ),
      ),
    )
    .orderBy('c.reference')
    .execute();
}

/**
 * Closed complaints of customers who can use ADR, with no ADR letter, closed after the day their letter was
 * due (compared to the day exactly by the caller, in London time): from complaints_closed_late_idx, whose
 * condition is repeated literally so SQLite uses it. The letters are looked for, not the derived
 * `adr_letter_on`: an audit checks the records themselves.
 */
export async function listClosedPastLimitWithoutLetter(executor: Executor) {
  return executor
    .selectFrom('complaints as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.reference', 'c.adr_due_on', 'c.closed_at', 'c.received_at'])
    .where(sql<boolean>`c.stage = 'closed' and c.closed_at > c.adr_due_on`)
    .where('cu.type', '!=', 'large-business')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('adr_letters as l').select('l.id').whereRef('l.complaint_id', '=', 'c.id'))),
    )
    .orderBy('c.reference')
    .execute();
}

/**
 * Open complaints of customers who can use ADR, with no ADR letter, whose ADR date is before `before`: read
 * from the open complaints (their partial indexes), checking the letters themselves rather than the ADR
 * clock's own watch list, which is what the audit checks.
 */
export async function listOpenPastLimitWithoutLetter(executor: Executor, before: string) {
  return executor
    .selectFrom('complaints as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.reference', 'c.adr_due_on'])
    .where(sql<boolean>`c.stage <> 'closed'`)
    .where('c.adr_due_on', '<', before)
    .where('cu.type', '!=', 'large-business')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('adr_letters as l').select('l.id').whereRef('l.complaint_id', '=', 'c.id'))),
    )
    .orderBy('c.adr_due_on')
    .orderBy('c.reference')
    .execute();
}
