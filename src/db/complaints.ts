/**
 * Complaints as the domain sees them, stored across `complaints`, `attempts`, `steps`, `adr_letters` and
 * `remedies`.
 * `saveComplaint` writes what changed between two states, guarded by the version the change was decided on.
 */
import { type Selectable, sql, type Transaction } from 'kysely';
import {
  type AdrLetter,
  type AdrTrigger,
  type Attempt,
  type AttemptNumber,
  type AttemptOutcome,
  type AttemptPhase,
  adrEligible,
  type Channel,
  type ClosureReason,
  type Complaint,
  type CustomerType,
  type FollowUpOutcome,
  isOpen,
  type RecordedRemedy,
  type Referral,
  type RemedyType,
  type ResponseOutcome,
  type Step,
} from '../domain/complaint.ts';
import type { Category, Stage } from '../domain/procedure.ts';
import { dialectOf, type Executor } from './database.ts';
import type {
  AdrLettersTable,
  AttemptsTable,
  ComplaintsTable,
  RemediesTable,
  Schema,
  StepsTable,
} from './schema.ts';
import { fromJsonText, fromSqlBool, toJsonText, toSqlBool } from './values.ts';

/** Thrown when another writer changed the complaint after it was loaded. */
export class StaleComplaintError extends Error {
  constructor(reference: string) {
    super(`complaint ${reference} was changed by someone else`);
  }
}

/**
 * What the queues ask of a complaint's children, derived from its state and stored on its row (0014): the
 * earliest agreed step not done while an attempt is implemented; the first ADR letter; the ADR clock's watch
 * date (open, eligible, no letter yet).
 */
export function queueFacts(c: Complaint, adrDueOn: string) {
  const open = isOpen(c);
  let stepDueOn: string | null = null;
  if (open) {
    for (const attempt of c.attempts) {
      if (attempt.phase !== 'implementing') continue;
      for (const step of attempt.proposal?.steps ?? []) {
        if (step.completedAt === null && (stepDueOn === null || step.dueOn < stepDueOn))
          stepDueOn = step.dueOn;
      }
    }
  }
  const adrLetterOn = c.adrLetters.reduce<string | null>(
    (first, l) => (first === null || l.issuedOn < first ? l.issuedOn : first),
    null,
  );
  return {
    step_due_on: stepDueOn,
    adr_letter_on: adrLetterOn,
    adr_watch_on: open && adrEligible(c) && adrLetterOn === null ? adrDueOn : null,
  };
}

function complaintRow(c: Complaint, adrDueOn: string, at: string) {
  return {
    ...queueFacts(c, adrDueOn),
    id: c.id,
    reference: c.reference,
    customer_id: c.customerId,
    channel: c.channel,
    category: c.category,
    description: c.description,
    customer_words: c.customerWords,
    desired_outcome: c.desiredOutcome,
    formal: toSqlBool(c.formal),
    first_expressed_at: c.firstExpressedAt,
    received_at: c.receivedAt,
    acknowledge_by: c.acknowledgeBy,
    stage: c.stage,
    owner_id: c.ownerId,
    version: c.version,
    adr_due_on: adrDueOn,
    closure_reason: c.closure?.reason ?? null,
    closed_at: c.closure?.closedAt ?? null,
    root_cause: c.closure?.rootCause ?? null,
    lessons: c.closure?.lessons ?? null,
    scheme_case_reference: c.referral?.schemeCaseReference ?? null,
    referred_on: c.referral?.referredOn ?? null,
    case_fee_pence: c.referral?.caseFeePence ?? null,
    referral_decision: c.referral?.decision ? toJsonText(c.referral.decision) : null,
    updated_at: at,
  };
}

function attemptRow(complaintId: string, a: Attempt): AttemptsTable {
  return {
    complaint_id: complaintId,
    number: a.number,
    phase: a.phase,
    opened_at: a.openedAt,
    handler_id: a.handlerId,
    review_findings: a.review?.findings ?? null,
    review_recorded_at: a.review?.recordedAt ?? null,
    review_recorded_by: a.review?.recordedBy ?? null,
    proposal_summary: a.proposal?.summary ?? null,
    proposed_at: a.proposal?.proposedAt ?? null,
    proposed_by: a.proposal?.proposedBy ?? null,
    response_outcome: a.response?.outcome ?? null,
    response_note: a.response?.note ?? null,
    response_recorded_at: a.response?.recordedAt ?? null,
    follow_up_outcome: a.followUp?.outcome ?? null,
    follow_up_note: a.followUp?.note ?? null,
    follow_up_recorded_at: a.followUp?.recordedAt ?? null,
    follow_up_due_on: a.followUpDueOn,
    outcome: a.outcome,
    ended_at: a.endedAt,
    escalation_reason: a.escalationReason,
  };
}

function stepRow(complaintId: string, attempt: AttemptNumber, position: number, s: Step): StepsTable {
  return {
    id: s.id,
    complaint_id: complaintId,
    attempt_number: attempt,
    position,
    description: s.description,
    owner_id: s.ownerId,
    due_on: s.dueOn,
    completed_at: s.completedAt,
    completed_by: s.completedBy,
    note: s.note,
  };
}

/** Stores a new complaint. `adrDueOn` is the derived ADR date, kept for lists to filter on. */
export async function insertComplaint(trx: Executor, complaint: Complaint, adrDueOn: string, at: string) {
  await trx
    .insertInto('complaints')
    .values({ ...complaintRow(complaint, adrDueOn, at), created_at: at })
    .execute();
  await writeChildren(trx, undefined, complaint);
}

/**
 * Stores many new complaints in a few statements (an import's batch): their rows, attempts, steps and ADR
 * letters, each table in one insert. `adrDueOn` of each is its derived ADR date, as for `insertComplaint`.
 */
export async function insertComplaints(
  trx: Executor,
  items: readonly { complaint: Complaint; adrDueOn: string }[],
  at: string,
) {
  if (items.length === 0) return;
  await trx
    .insertInto('complaints')
    .values(
      items.map(({ complaint, adrDueOn }) => ({ ...complaintRow(complaint, adrDueOn, at), created_at: at })),
    )
    .execute();
  const attempts = items.flatMap(({ complaint }) =>
    complaint.attempts.map((a) => attemptRow(complaint.id, a)),
  );
  if (attempts.length) await trx.insertInto('attempts').values(attempts).execute();
  const steps = items.flatMap(({ complaint }) =>
    complaint.attempts.flatMap((a) =>
      (a.proposal?.steps ?? []).map((step, position) => stepRow(complaint.id, a.number, position, step)),
    ),
  );
  if (steps.length) await trx.insertInto('steps').values(steps).execute();
  const letters = items.flatMap(({ complaint }) =>
    complaint.adrLetters.map((l) => ({
      id: l.id,
      complaint_id: complaint.id,
      trigger: l.trigger,
      issued_at: l.issuedAt,
      issued_on: l.issuedOn,
      window_ends_on: l.windowEndsOn,
    })),
  );
  if (letters.length) await trx.insertInto('adr_letters').values(letters).execute();
}

/**
 * Stores `after` over `before`. Fails with StaleComplaintError when the stored version is no longer
 * `before.version`: the change was decided on a state that no longer exists.
 */
export async function saveComplaint(
  trx: Executor,
  before: Complaint,
  after: Complaint,
  adrDueOn: string,
  at: string,
) {
  if (after.version === before.version) return;
  const { id, reference, ...changes } = complaintRow(after, adrDueOn, at);
  const result = await trx
    .updateTable('complaints')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new StaleComplaintError(reference);
  await writeChildren(trx, before, after);
}

async function writeChildren(trx: Executor, before: Complaint | undefined, after: Complaint) {
  for (const attempt of after.attempts) {
    const old = before?.attempts.find((a) => a.number === attempt.number);
    if (old === attempt) continue;
    const row = attemptRow(after.id, attempt);
    const { complaint_id, number, ...changes } = row;
    if (old) {
      await trx
        .updateTable('attempts')
        .set(changes)
        .where('complaint_id', '=', complaint_id)
        .where('number', '=', number)
        .execute();
    } else {
      await trx.insertInto('attempts').values(row).execute();
    }
    for (const [position, step] of (attempt.proposal?.steps ?? []).entries()) {
      const oldStep = old?.proposal?.steps.find((s) => s.id === step.id);
      if (oldStep === step) continue;
      const stepValues = stepRow(after.id, attempt.number, position, step);
      if (oldStep) {
        const { id, ...stepChanges } = stepValues;
        await trx.updateTable('steps').set(stepChanges).where('id', '=', id).execute();
      } else {
        await trx.insertInto('steps').values(stepValues).execute();
      }
    }
  }
  const known = new Set(before?.adrLetters.map((l) => l.id));
  const letters = after.adrLetters.filter((l) => !known.has(l.id));
  if (letters.length) {
    await trx
      .insertInto('adr_letters')
      .values(
        letters.map((l) => ({
          id: l.id,
          complaint_id: after.id,
          trigger: l.trigger,
          issued_at: l.issuedAt,
          issued_on: l.issuedOn,
          window_ends_on: l.windowEndsOn,
        })),
      )
      .execute();
  }
  await writeRemedies(trx, before, after);
}

/** Remedies: new ones inserted, accepted ones updated, replaced ones (a decision recorded again) deleted. */
async function writeRemedies(trx: Executor, before: Complaint | undefined, after: Complaint) {
  const old = new Map(before?.remedies.map((r) => [r.id, r]));
  const kept = new Set(after.remedies.map((r) => r.id));
  const gone = [...old.keys()].filter((id) => !kept.has(id));
  if (gone.length) await trx.deleteFrom('remedies').where('id', 'in', gone).execute();
  const added = after.remedies.filter((r) => !old.has(r.id));
  if (added.length) {
    await trx
      .insertInto('remedies')
      .values(added.map((r) => remedyRow(after.id, r)))
      .execute();
  }
  for (const remedy of after.remedies) {
    const was = old.get(remedy.id);
    if (was && was.acceptedAt !== remedy.acceptedAt) {
      await trx
        .updateTable('remedies')
        .set({ accepted_at: remedy.acceptedAt })
        .where('id', '=', remedy.id)
        .execute();
    }
  }
}

function remedyRow(complaintId: string, r: RecordedRemedy): RemediesTable {
  return {
    id: r.id,
    complaint_id: complaintId,
    source: r.source,
    attempt_number: r.attemptNumber,
    type: r.type,
    amount_pence: r.amountPence,
    recorded_at: r.recordedAt,
    accepted_at: r.acceptedAt,
  };
}

interface LoadOptions {
  /** Lock the row until the transaction ends (PostgreSQL; SQLite's write transaction already serialises). */
  forUpdate?: boolean;
}

/** A stored decision, read as the domain has it now (decisions stored before `implementedOn` lack it). */
function withImplementedOn(decision: NonNullable<Referral['decision']>): NonNullable<Referral['decision']> {
  return { ...decision, implementedOn: decision.implementedOn ?? null };
}

/**
 * Reads the complaint to change it, holding it until the transaction ends: `SELECT … FOR UPDATE` of its row on
 * PostgreSQL (its other writers wait; others' complaints do not), while on SQLite the write transaction
 * (`BEGIN IMMEDIATE`) already holds the database. Undefined when there is no such complaint.
 */
export async function lockComplaint(
  trx: Transaction<Schema>,
  which: { id: string } | { reference: string },
): Promise<Complaint | undefined> {
  const forUpdate = dialectOf(trx) === 'postgres';
  return 'id' in which
    ? findComplaint(trx, 'id', which.id, { forUpdate })
    : findComplaint(trx, 'reference', which.reference, { forUpdate });
}

/** The complaint with this canonical reference, or undefined. */
export async function findComplaintByReference(trx: Executor, reference: string) {
  return findComplaint(trx, 'reference', reference, {});
}

/** The complaint with this id, or undefined. */
export async function findComplaintById(trx: Executor, id: string) {
  return findComplaint(trx, 'id', id, {});
}

async function findComplaint(
  trx: Executor,
  column: 'id' | 'reference',
  value: string,
  options: LoadOptions,
): Promise<Complaint | undefined> {
  // The customer's type is read from the customer, so correcting it there changes ADR eligibility at once.
  let query = trx
    .selectFrom('complaints')
    .innerJoin('customers', 'customers.id', 'complaints.customer_id')
    .selectAll('complaints')
    .select('customers.type as customer_type')
    .where(`complaints.${column}`, '=', value);
  // Lock the complaint only: locking the joined customer would hold up their other complaints and record.
  if (options.forUpdate) query = query.forUpdate('complaints');
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const [attempts, steps, letters, remedies] = await Promise.all([
    trx
      .selectFrom('attempts')
      .select(ATTEMPT_COLUMNS)
      .where('complaint_id', '=', row.id)
      .orderBy('number')
      .execute(),
    trx
      .selectFrom('steps')
      .select(STEP_COLUMNS)
      .where('complaint_id', '=', row.id)
      .orderBy('attempt_number')
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('adr_letters')
      .select(ADR_LETTER_COLUMNS)
      .where('complaint_id', '=', row.id)
      .orderBy('issued_at')
      .execute(),
    trx
      .selectFrom('remedies')
      .select(REMEDY_COLUMNS)
      .where('complaint_id', '=', row.id)
      .orderBy('recorded_at')
      .orderBy('type')
      .orderBy('id')
      .execute(),
  ]);
  return toComplaint(row, attempts, steps, letters, remedies);
}

/**
 * The columns of a complaint, an attempt, a step and an ADR letter a complaint is read from (also by
 * complaint-view.ts). Not the derived ones (queue facts, search), which the domain never reads back.
 */
export const COMPLAINT_COLUMNS = [
  'id',
  'reference',
  'customer_id',
  'channel',
  'category',
  'description',
  'customer_words',
  'desired_outcome',
  'formal',
  'first_expressed_at',
  'received_at',
  'acknowledge_by',
  'stage',
  'owner_id',
  'version',
  'closure_reason',
  'closed_at',
  'root_cause',
  'lessons',
  'scheme_case_reference',
  'referred_on',
  'case_fee_pence',
  'referral_decision',
] as const satisfies readonly (keyof ComplaintsTable)[];
export const ATTEMPT_COLUMNS = [
  'number',
  'phase',
  'opened_at',
  'handler_id',
  'review_findings',
  'review_recorded_at',
  'review_recorded_by',
  'proposal_summary',
  'proposed_at',
  'proposed_by',
  'response_outcome',
  'response_note',
  'response_recorded_at',
  'follow_up_outcome',
  'follow_up_note',
  'follow_up_recorded_at',
  'follow_up_due_on',
  'outcome',
  'ended_at',
  'escalation_reason',
] as const satisfies readonly (keyof AttemptsTable)[];
export const STEP_COLUMNS = [
  'id',
  'attempt_number',
  'description',
  'owner_id',
  'due_on',
  'completed_at',
  'completed_by',
  'note',
] as const satisfies readonly (keyof StepsTable)[];
export const ADR_LETTER_COLUMNS = [
  'id',
  'trigger',
  'issued_at',
  'issued_on',
  'window_ends_on',
] as const satisfies readonly (keyof AdrLettersTable)[];

export const REMEDY_COLUMNS = [
  'id',
  'source',
  'attempt_number',
  'type',
  'amount_pence',
  'recorded_at',
  'accepted_at',
] as const satisfies readonly (keyof RemediesTable)[];

export type ComplaintRow = Pick<Selectable<ComplaintsTable>, (typeof COMPLAINT_COLUMNS)[number]> & {
  customer_type: string;
};
export type AttemptRow = Pick<Selectable<AttemptsTable>, (typeof ATTEMPT_COLUMNS)[number]>;
export type StepRow = Pick<Selectable<StepsTable>, (typeof STEP_COLUMNS)[number]>;
export type AdrLetterRow = Pick<Selectable<AdrLettersTable>, (typeof ADR_LETTER_COLUMNS)[number]>;
export type RemedyRow = Pick<Selectable<RemediesTable>, (typeof REMEDY_COLUMNS)[number]>;

/** A complaint from its row (with its customer's type) and its children's rows, each list in stored order. */
export function toComplaint(
  row: ComplaintRow,
  attempts: readonly AttemptRow[],
  steps: readonly StepRow[],
  letters: readonly AdrLetterRow[],
  remedies: readonly RemedyRow[],
): Complaint {
  const referral: Referral | null = row.scheme_case_reference
    ? {
        schemeCaseReference: row.scheme_case_reference,
        referredOn: row.referred_on ?? '',
        caseFeePence: row.case_fee_pence,
        // Decisions stored before `implementedOn` existed read as not yet implemented.
        decision: row.referral_decision
          ? withImplementedOn(fromJsonText(row.referral_decision) as NonNullable<Referral['decision']>)
          : null,
      }
    : null;
  return {
    id: row.id,
    reference: row.reference,
    customerId: row.customer_id,
    customerType: row.customer_type as CustomerType,
    channel: row.channel as Channel,
    category: row.category as Category,
    description: row.description,
    customerWords: row.customer_words,
    desiredOutcome: row.desired_outcome,
    formal: fromSqlBool(row.formal),
    firstExpressedAt: row.first_expressed_at,
    receivedAt: row.received_at,
    acknowledgeBy: row.acknowledge_by,
    stage: row.stage as Stage,
    ownerId: row.owner_id,
    attempts: attempts.map((a) => toAttempt(a, steps)),
    adrLetters: letters.map(
      (l): AdrLetter => ({
        id: l.id,
        trigger: l.trigger as AdrTrigger,
        issuedAt: l.issued_at,
        issuedOn: l.issued_on,
        windowEndsOn: l.window_ends_on,
      }),
    ),
    referral,
    closure: row.closure_reason
      ? {
          reason: row.closure_reason as ClosureReason,
          closedAt: row.closed_at ?? '',
          rootCause: row.root_cause,
          lessons: row.lessons,
        }
      : null,
    remedies: remedies.map(
      (r): RecordedRemedy => ({
        id: r.id,
        source: r.source,
        attemptNumber: r.attempt_number as AttemptNumber | null,
        type: r.type as RemedyType,
        amountPence: r.amount_pence,
        recordedAt: r.recorded_at,
        acceptedAt: r.accepted_at,
      }),
    ),
    version: row.version,
  };
}

function toAttempt(a: AttemptRow, steps: readonly StepRow[]): Attempt {
  return {
    number: a.number as AttemptNumber,
    phase: a.phase as AttemptPhase,
    openedAt: a.opened_at,
    handlerId: a.handler_id,
    review:
      a.review_findings !== null
        ? {
            findings: a.review_findings,
            recordedAt: a.review_recorded_at ?? '',
            recordedBy: a.review_recorded_by,
          }
        : null,
    proposal:
      a.proposal_summary !== null
        ? {
            summary: a.proposal_summary,
            proposedAt: a.proposed_at ?? '',
            proposedBy: a.proposed_by,
            steps: steps
              .filter((s) => s.attempt_number === a.number)
              .map((s) => ({
                id: s.id,
                description: s.description,
                ownerId: s.owner_id,
                dueOn: s.due_on,
                completedAt: s.completed_at,
                completedBy: s.completed_by,
                note: s.note,
              })),
          }
        : null,
    response: a.response_outcome
      ? {
          outcome: a.response_outcome as ResponseOutcome,
          note: a.response_note,
          recordedAt: a.response_recorded_at ?? '',
        }
      : null,
    followUp: a.follow_up_outcome
      ? {
          outcome: a.follow_up_outcome as FollowUpOutcome,
          note: a.follow_up_note,
          recordedAt: a.follow_up_recorded_at ?? '',
        }
      : null,
    followUpDueOn: a.follow_up_due_on,
    outcome: a.outcome as AttemptOutcome | null,
    endedAt: a.ended_at,
    escalationReason: a.escalation_reason,
  };
}

/**
 * Open, ADR-eligible complaints without an ADR letter (the clock's watch list, from its index), with the ADR
 * date stored for them, to check it against the procedure.
 */
export async function findOpenWithoutAdrLetter(executor: Executor) {
  return executor
    .selectFrom('complaints as c')
    .select(['c.id', 'c.first_expressed_at as firstExpressedAt', 'c.adr_due_on as adrDueOn'])
    .where('c.adr_watch_on', 'is not', null)
    .execute();
}

/** Complaints at deadlock, never referred, whose latest ADR letter's window ended before `today`. */
export async function findDeadlockPastAdrWindow(executor: Executor, today: string) {
  return (
    executor
      .selectFrom('complaints as c')
      .select(['c.id', 'c.reference'])
      // Literal, so SQLite answers it from complaints_awaiting_referral_idx (0014).
      .where(sql<boolean>`c.stage = 'deadlock' and c.scheme_case_reference is null`)
      .where((eb) =>
        eb(
          eb
            .selectFrom('adr_letters as l')
            .select((l) => l.fn.max('l.window_ends_on').as('w'))
            .whereRef('l.complaint_id', '=', 'c.id'),
          '<',
          today,
        ),
      )
      .execute()
  );
}

/** Stores a recomputed ADR date (derived data, kept only so lists can filter on it). */
export async function updateAdrDueOn(executor: Executor, id: string, adrDueOn: string) {
  await executor
    .updateTable('complaints')
    .set((eb) => ({
      adr_due_on: adrDueOn,
      adr_watch_on: eb.case().when('adr_watch_on', 'is not', null).then(adrDueOn).else(null).end(),
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * Re-derives the ADR watch date of a customer's complaints after their type changed (an edit, a merge into a
 * record of another type): a large business has no ADR clock to watch.
 */
export async function refreshAdrWatch(executor: Executor, customerId: string) {
  await executor
    .updateTable('complaints')
    .set((eb) => ({
      adr_watch_on: eb
        .case()
        .when(
          eb.and([
            eb('stage', '<>', 'closed'),
            eb('adr_letter_on', 'is', null),
            eb(
              eb.selectFrom('customers').select('type').where('customers.id', '=', customerId),
              '<>',
              'large-business',
            ),
          ]),
        )
        .then(eb.ref('adr_due_on'))
        .else(null)
        .end(),
    }))
    .where('customer_id', '=', customerId)
    .execute();
}

/**
 * A customer's complaints owed a time-limit ADR letter by `today`: open, able to go to the scheme, no letter
 * yet, and past their ADR date (their watch date, which says all four). Either index bounds it: the
 * customer's complaints (complaints_customer_idx), or every complaint owed a letter today
 * (complaints_adr_watch_idx, which the hourly sweep keeps near empty); the plans in test/api/query-plans/
 * show which each dialect takes.
 */
export async function findCustomerAdrLettersOwed(
  executor: Executor,
  customerId: string,
  today: string,
): Promise<string[]> {
  const rows = await executor
    .selectFrom('complaints')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('adr_watch_on', '<=', today)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

export interface CustomerComplaint {
  reference: string;
  stage: Stage;
  receivedAt: string;
}

/**
 * A customer's complaints other than `exceptId`, newest first, at most `limit`: read backwards along
 * complaints_customer_received_idx, so a customer with many complaints costs the same.
 */
export async function listCustomerComplaints(
  executor: Executor,
  customerId: string,
  options: { exceptId?: string | undefined; limit: number },
): Promise<CustomerComplaint[]> {
  let query = executor
    .selectFrom('complaints')
    .select(['reference', 'stage', 'received_at'])
    .where('customer_id', '=', customerId);
  if (options.exceptId !== undefined) query = query.where('id', '!=', options.exceptId);
  const rows = await query.orderBy('received_at', 'desc').limit(options.limit).execute();
  return rows.map(toCustomerComplaint);
}

export function toCustomerComplaint(r: {
  reference: string;
  stage: string;
  received_at: string;
}): CustomerComplaint {
  return { reference: r.reference, stage: r.stage as Stage, receivedAt: r.received_at };
}
