/** The queries behind `redress adr audit`: each finds one way an ADR letter can be missing or late. */
import { sql } from 'kysely';
import type { Executor } from './database.ts';

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
          .selectFrom('audit_events as a')
          .select((a) => a.fn.min('a.at').as('at'))
          .whereRef('a.complaint_id', '=', 'c.id')
          .where('a.type', '=', 'deadlock-declared')
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

/** Complaints at deadlock with no ADR letter at all. */
export async function listDeadlockWithoutLetter(executor: Executor) {
  return executor
    .selectFrom('complaints as c')
    .select(['c.reference'])
    .where('c.stage', '=', 'deadlock')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('adr_letters as l').select('l.id').whereRef('l.complaint_id', '=', 'c.id'))),
    )
    .orderBy('c.reference')
    .execute();
}
