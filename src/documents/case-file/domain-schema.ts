/**
 * zod schemas of the domain objects a case file carries, so `complaint.json` reads back into exactly the
 * complaint, customer and log it was written from. Each schema `satisfies` its domain type: a field added
 * to the domain and not here fails to compile.
 */
import { z } from 'zod';
import type { Contact, Note } from '../../db/interaction-log.ts';
import type {
  AdrTrigger,
  AttemptOutcome,
  AttemptPhase,
  Complaint,
  FollowUpOutcome,
  OmbudsmanOutcome,
  ResponseOutcome,
} from '../../domain/complaint.ts';
import { CHANNELS, CLOSURE_REASONS, CUSTOMER_TYPES, REMEDY_TYPES } from '../../domain/complaint.ts';
import type { Customer } from '../../domain/customer.ts';
import { CATEGORIES, STAGES } from '../../domain/procedure.ts';
import { isLocalDate } from '../../domain/time.ts';

/**
 * An enum of every member of a union the domain declares only as a type. The object's keys must be exactly
 * the union, so a value added to the domain fails to compile here instead of failing to parse later.
 */
export function enumOf<T extends string>(members: { [K in T]: K }) {
  return z.enum(members);
}

export const instant = z.iso.datetime({ offset: true });
export const localDate = z.string().refine(isLocalDate, 'must be a date written YYYY-MM-DD');

const attemptNumber = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const step = z.strictObject({
  id: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  dueOn: localDate,
  completedAt: instant.nullable(),
  completedBy: z.string().nullable(),
  note: z.string().nullable(),
});

const attempt = z.strictObject({
  number: attemptNumber,
  phase: enumOf<AttemptPhase>({
    review: 'review',
    reviewed: 'reviewed',
    'awaiting-response': 'awaiting-response',
    implementing: 'implementing',
    'follow-up': 'follow-up',
    chasing: 'chasing',
    ended: 'ended',
  }),
  openedAt: instant,
  handlerId: z.string().nullable(),
  review: z
    .strictObject({ findings: z.string(), recordedAt: instant, recordedBy: z.string().nullable() })
    .nullable(),
  proposal: z
    .strictObject({
      summary: z.string(),
      proposedAt: instant,
      proposedBy: z.string().nullable(),
      steps: z.array(step),
    })
    .nullable(),
  response: z
    .strictObject({
      outcome: enumOf<ResponseOutcome>({ agreed: 'agreed', declined: 'declined' }),
      note: z.string().nullable(),
      recordedAt: instant,
    })
    .nullable(),
  followUp: z
    .strictObject({
      outcome: enumOf<FollowUpOutcome>({
        satisfied: 'satisfied',
        'not-satisfied': 'not-satisfied',
        'no-response': 'no-response',
      }),
      note: z.string().nullable(),
      recordedAt: instant,
    })
    .nullable(),
  followUpDueOn: localDate.nullable(),
  outcome: enumOf<AttemptOutcome>({
    resolved: 'resolved',
    escalated: 'escalated',
    deadlock: 'deadlock',
    withdrawn: 'withdrawn',
  }).nullable(),
  endedAt: instant.nullable(),
  escalationReason: z.string().nullable(),
});

const adrLetter = z.strictObject({
  id: z.string(),
  trigger: enumOf<AdrTrigger>({ deadlock: 'deadlock', 'time-limit': 'time-limit' }),
  issuedAt: instant,
  issuedOn: localDate,
  windowEndsOn: localDate,
});

const referral = z.strictObject({
  schemeCaseReference: z.string(),
  referredOn: localDate,
  caseFeePence: z.number().int().nullable(),
  decision: z
    .strictObject({
      outcome: enumOf<OmbudsmanOutcome>({
        upheld: 'upheld',
        'partly-upheld': 'partly-upheld',
        'not-upheld': 'not-upheld',
        settled: 'settled',
      }),
      decidedOn: localDate,
      remedy: z.strictObject({
        apology: z.boolean(),
        explanation: z.boolean(),
        action: z.string().nullable(),
        awardPence: z.number().int(),
      }),
      customerAccepted: z.boolean().nullable(),
      remedyDueOn: localDate.nullable(),
      implementedOn: localDate.nullable(),
    })
    .nullable(),
});

export const complaintSchema = z.strictObject({
  id: z.string(),
  reference: z.string(),
  customerId: z.string(),
  customerType: z.enum(CUSTOMER_TYPES),
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  description: z.string(),
  customerWords: z.string().nullable(),
  desiredOutcome: z.string().nullable(),
  formal: z.boolean(),
  firstExpressedAt: instant,
  receivedAt: instant,
  acknowledgeBy: localDate,
  stage: z.enum(STAGES),
  ownerId: z.string().nullable(),
  attempts: z.array(attempt),
  adrLetters: z.array(adrLetter),
  referral: referral.nullable(),
  closure: z
    .strictObject({
      reason: z.enum(CLOSURE_REASONS),
      closedAt: instant,
      rootCause: z.string().nullable(),
      lessons: z.string().nullable(),
    })
    .nullable(),
  // Case files written before remedies were recorded by type have none.
  remedies: z
    .array(
      z.strictObject({
        id: z.string(),
        source: z.enum(['proposal', 'ombudsman']),
        attemptNumber: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
        type: z.enum(REMEDY_TYPES),
        amountPence: z.number().int().nullable(),
        recordedAt: instant,
        acceptedAt: instant.nullable(),
      }),
    )
    .default([]),
  version: z.number().int(),
}) satisfies z.ZodType<Complaint>;

export const customerSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  type: z.enum(CUSTOMER_TYPES),
  addressLines: z.array(z.string()),
  postcode: z.string().nullable(),
  needs: z.strictObject({ largePrint: z.boolean(), braille: z.boolean(), textRelay: z.boolean() }),
  preferredChannel: z.enum(CHANNELS).nullable(),
  vulnerabilityNotes: z.string().nullable(),
  contactOptOut: z.boolean().default(false),
  createdAt: instant,
  updatedAt: instant,
  // Absent from files exported before customer records could be merged.
  merged: z.strictObject({ intoId: z.string(), at: instant }).nullable().default(null),
}) satisfies z.ZodType<Customer>;

export const contactSchema = z.strictObject({
  id: z.string(),
  channel: z.enum(CHANNELS),
  direction: enumOf<Contact['direction']>({ in: 'in', out: 'out' }),
  summary: z.string(),
  occurredAt: instant,
  recordedBy: z.string().nullable(),
  // Absent from files exported before staff chose what the customer sees.
  visibleToCustomer: z.boolean().default(false),
}) satisfies z.ZodType<Contact>;

export const noteSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  authorId: z.string().nullable(),
  createdAt: instant,
}) satisfies z.ZodType<Note>;
