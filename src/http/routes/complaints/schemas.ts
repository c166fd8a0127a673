/** Request and response schemas of the complaint endpoints. */
import { z } from 'zod';
import { SORTS } from '../../../app/list-complaints.ts';
import { QUEUE_IDS } from '../../../app/queues.ts';
import { COMMAND_TYPES } from '../../../domain/commands.ts';
import { REMEDY_TYPES } from '../../../domain/complaint.ts';
import { EMAIL_ADDRESS, TELEPHONE, UK_POSTCODE } from '../../../domain/contact-details.ts';
import { CATEGORIES, ROLES, STAGES, STAGES_REACHED } from '../../../domain/procedure.ts';
import { category, channel, customerType, id, instant, localDate, reference, text } from '../../schemas.ts';
import { attachmentSchema } from '../attachments/schemas.ts';

export const newCustomerBody = z.strictObject({
  name: text(200),
  email: z.email({ pattern: EMAIL_ADDRESS }).max(254).optional(),
  phone: z.string().regex(TELEPHONE, 'must be a telephone number').optional(),
  type: customerType
    .optional()
    .describe('Only residential and small business / not-for-profit customers can use ADR'),
  addressLines: z.array(text(200)).max(6).optional(),
  postcode: z.string().regex(UK_POSTCODE, 'must be a UK postcode').optional(),
  needs: z
    .strictObject({
      largePrint: z.boolean().optional(),
      braille: z.boolean().optional(),
      textRelay: z.boolean().optional(),
    })
    .optional(),
  preferredChannel: channel.optional(),
  vulnerabilityNotes: text(2000).optional(),
  contactOptOut: z
    .boolean()
    .optional()
    .describe(
      'The customer asked not to be contacted beyond what their complaint needs: no satisfaction survey. A change is audited',
    ),
});

export const createComplaintBody = z
  .strictObject({
    customer: z.union([z.strictObject({ id }), newCustomerBody]),
    channel,
    description: text(20_000).describe(
      'What happened: the customer’s message, or staff’s account of what the customer said',
    ),
    customerWords: text(20_000)
      .optional()
      .describe(
        'What the customer said, in their own words, when `description` is staff’s account; letters quote this to the customer',
      ),
    category: category.optional(),
    formal: z
      .boolean()
      .optional()
      .describe('The customer asked for a formal complaint (a record, not a gate)'),
    desiredOutcome: text(4000).optional().describe('What the customer wants done'),
    firstExpressedAt: instant
      .optional()
      .describe('When the customer first expressed dissatisfaction (starts the ADR clock); default now'),
    ownerId: id
      .nullable()
      .optional()
      .describe(
        'A member of staff, or null: nobody (it waits in its stage’s queue). Default: the member of staff recording it',
      ),
  })
  .meta({ id: 'NewComplaint' });

export const createdSchema = z.object({
  reference,
  id: z.string(),
  location: z.string(),
  replayed: z.boolean().describe('True when an earlier request with the same Idempotency-Key created it'),
});

export const csv = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const listQuery = z.strictObject({
  queue: z
    .enum(QUEUE_IDS)
    .optional()
    .describe('A named queue (GET /queues); the other filters narrow it further'),
  stage: csv(STAGES).optional().describe('Comma-separated stages'),
  owner: z.string().optional().describe('A user id, `me`, or `none` for unassigned'),
  category: csv(CATEGORIES).optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('A step is past its date'),
  adrDueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Words, each matching the start of a word in the description, the customer’s own words or name, or a fragment of the reference, email or phone number; a word that reads as the start of a reference (`MISO-26-0001`) matches the references that start with it. Sorted best match first unless `sort` says otherwise (with a reference, the closest reference first)',
    ),
  sort: z.enum(SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
});

/** The list's filters and order, for an export of all of it. */
export const exportQuery = listQuery.omit({ limit: true, cursor: true });

export const listSchema = z.object({
  items: z.array(
    z.object({
      reference,
      stage: z.enum(STAGES),
      stageName: z.string(),
      category,
      channel: z.string(),
      ownerId: z.string().nullable(),
      needs: z
        .enum(ROLES)
        .nullable()
        .describe(
          'The role an unassigned complaint waits for in its stage’s queue; null when someone owns it',
        ),
      customer: z.object({ id: z.string(), name: z.string() }),
      summary: z.string(),
      receivedAt: z.string(),
      firstExpressedAt: z.string(),
      adrDueOn: localDate,
      adrDaysLeft: z
        .number()
        .int()
        .describe('London days from today to adrDueOn; negative once it has passed'),
      adrLetterIssuedOn: localDate.nullable().describe('When the first ADR letter went out, if one has'),
      closureReason: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const person = z.object({ id: z.string(), name: z.string() }).nullable();
const nullableText = z.string().nullable();

export const customerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: nullableText,
    phone: nullableText,
    type: customerType,
    addressLines: z.array(z.string()),
    postcode: nullableText,
    needs: z.object({ largePrint: z.boolean(), braille: z.boolean(), textRelay: z.boolean() }),
    preferredChannel: channel.nullable(),
    vulnerabilityNotes: nullableText,
    contactOptOut: z
      .boolean()
      .describe('Asked not to be contacted beyond what their complaint needs (no satisfaction survey)'),
    createdAt: z.string(),
    updatedAt: z.string(),
    merged: z
      .object({ intoId: z.string(), at: z.string() })
      .nullable()
      .describe('Set when this record was merged into another (intoId): it is kept only as a pointer'),
  })
  .meta({ id: 'Customer' });

const stepSchema = z.object({
  id: z.string(),
  description: z.string(),
  ownerId: nullableText,
  owner: person,
  dueOn: localDate,
  completedAt: nullableText,
  completedBy: nullableText,
  note: nullableText,
  overdue: z.boolean(),
});

const attemptSchema = z.object({
  number: z.number().int(),
  phase: z.enum(['review', 'reviewed', 'awaiting-response', 'implementing', 'follow-up', 'chasing', 'ended']),
  openedAt: z.string(),
  handlerId: nullableText,
  handler: person,
  review: z.object({ findings: z.string(), recordedAt: z.string(), recordedBy: nullableText }).nullable(),
  proposal: z
    .object({
      summary: z.string(),
      proposedAt: z.string(),
      proposedBy: nullableText,
      steps: z.array(stepSchema),
    })
    .nullable(),
  response: z
    .object({ outcome: z.enum(['agreed', 'declined']), note: nullableText, recordedAt: z.string() })
    .nullable(),
  followUp: z
    .object({
      outcome: z.enum(['satisfied', 'not-satisfied', 'no-response']),
      note: nullableText,
      recordedAt: z.string(),
    })
    .nullable(),
  followUpDueOn: localDate.nullable(),
  outcome: z.enum(['resolved', 'escalated', 'deadlock', 'withdrawn']).nullable(),
  endedAt: nullableText,
  escalationReason: nullableText,
});

export const letterSchema = z
  .object({
    id: z.string(),
    complaintId: z.string(),
    kind: z
      .string()
      .describe('acknowledgement, proposal, escalation, closure, adr-letter-deadlock, adr-letter-time-limit'),
    title: z.string(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().describe('Of the PDF as issued'),
    largePrint: z.boolean(),
    pages: z.number().int(),
    issuedOn: localDate,
    delivery: z.enum(['email', 'post']).describe('Attached to an email, or printed and posted'),
    printStatus: z.enum(['queued', 'posted']).nullable(),
    postedAt: z.string().nullable(),
    postedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Letter' });

const remedySchema = z
  .object({
    id: z.string(),
    source: z.enum(['proposal', 'ombudsman']),
    attemptNumber: z.number().int().nullable().describe('The attempt whose proposal offered it'),
    type: z.enum(REMEDY_TYPES),
    amountPence: z.number().int().nullable().describe('For credit-refund and goodwill, pence VAT included'),
    recordedAt: z.string(),
    acceptedAt: nullableText.describe('When the customer agreed the proposal or accepted the decision'),
  })
  .meta({ id: 'Remedy' });

const contactSchema = z.object({
  id: z.string(),
  channel,
  direction: z.enum(['in', 'out']),
  summary: z.string(),
  occurredAt: z.string(),
  recordedBy: nullableText,
  visibleToCustomer: z.boolean().describe('Whether the customer sees the summary in the portal'),
});

const complaintCustomerSchema = customerSchema
  .extend({
    otherComplaints: z
      .array(z.object({ reference, stage: z.enum(STAGES), stageName: z.string(), receivedAt: z.string() }))
      .describe('The customer’s other complaints, newest first, at most 20'),
  })
  .meta({ id: 'ComplaintCustomer' });

export const complaintSchema = z
  .object({
    id: z.string(),
    reference,
    version: z.number().int(),
    stage: z.enum(STAGES),
    stageName: z.string(),
    phase: attemptSchema.shape.phase.nullable().describe('Where the current attempt is in its cycle'),
    open: z.boolean(),
    owner: person,
    needs: z
      .enum(ROLES)
      .nullable()
      .describe(
        'The role the complaint waits for, unassigned in its stage’s queue (“Needs a reviewer”); null when someone owns it',
      ),
    customer: complaintCustomerSchema.nullable(),
    channel,
    category,
    description: z.string(),
    customerWords: nullableText.describe('The customer’s own words, quoted in letters'),
    desiredOutcome: nullableText,
    formal: z.boolean(),
    firstExpressedAt: z.string(),
    receivedAt: z.string(),
    acknowledgeBy: localDate,
    attempts: z.array(attemptSchema),
    adr: z.object({
      eligible: z.boolean().describe('Residential and small business / not-for-profit customers can use ADR'),
      dueOn: localDate.describe('When the time-limit ADR letter is due'),
      daysLeft: z.number().int(),
      warningsOn: z.array(localDate),
      letters: z.array(
        z.object({
          id: z.string(),
          trigger: z.enum(['deadlock', 'time-limit']),
          issuedAt: z.string(),
          issuedOn: localDate,
          windowEndsOn: localDate.describe('Last day the customer can take the complaint to the scheme'),
        }),
      ),
      scheme: z.string(),
    }),
    referral: z
      .object({
        status: z
          .enum(['referred', 'awaiting-customer', 'accepted', 'not-accepted', 'implemented'])
          .describe('With the scheme; decided, awaiting the customer; accepted; not accepted; remedy done'),
        schemeCaseReference: z.string(),
        referredOn: localDate,
        caseFeePence: z.number().int().nullable(),
        decision: z
          .object({
            outcome: z.enum(['upheld', 'partly-upheld', 'not-upheld', 'settled']),
            decidedOn: localDate,
            remedy: z.object({
              apology: z.boolean(),
              explanation: z.boolean(),
              action: nullableText,
              awardPence: z.number().int(),
            }),
            customerAccepted: z.boolean().nullable(),
            remedyDueOn: localDate.nullable().describe('When an accepted remedy must be implemented'),
            implementedOn: localDate.nullable(),
          })
          .nullable(),
      })
      .nullable(),
    stageReached: z
      .enum(STAGES_REACHED)
      .describe('The highest stage the complaint reached (deadlock once declared)'),
    rootCauseRequired: z
      .boolean()
      .describe(
        'Whether staff closing it must give a root cause (the procedure’s rootCauseRequiredAt names its stage reached)',
      ),
    closure: z
      .object({
        reason: z.string(),
        closedAt: z.string(),
        rootCause: nullableText.describe('A code of the procedure’s root-cause tree'),
        rootCauseLabel: nullableText.describe('The root cause as staff read it: “Parent › Child”'),
        lessons: nullableText,
      })
      .nullable(),
    remedies: z
      .array(remedySchema)
      .describe('Remedies offered in proposals and ordered by the ombudsman, oldest first'),
    satisfaction: z
      .object({
        sentAt: z.string().describe('When the survey was put to the customer (at closure)'),
        answeredAt: nullableText,
        score: z
          .number()
          .int()
          .min(1)
          .max(5)
          .nullable()
          .describe('1 very dissatisfied … 5 very satisfied; never changed once given'),
        comment: nullableText,
        stageReached: z.enum(STAGES_REACHED),
      })
      .nullable()
      .describe(
        'The satisfaction survey put at closure; null when none was (not closed, or the customer opted out)',
      ),
    contacts: z.array(contactSchema),
    documents: z.array(letterSchema).describe('Letters issued, oldest first; download each by its id'),
    attachments: z
      .array(attachmentSchema)
      .describe('Files the customer sent (portal uploads and email attachments), oldest first'),
    notes: z.array(
      z.object({ id: z.string(), text: z.string(), authorId: nullableText, createdAt: z.string() }),
    ),
    timeline: z.array(
      z.object({
        at: z.string(),
        kind: z.enum(['event', 'contact', 'note', 'email']),
        type: z.string(),
        actor: nullableText,
        summary: z.string(),
        details: z.unknown(),
      }),
    ),
    nextActions: z.array(z.enum(COMMAND_TYPES)).describe('The commands the caller may issue now'),
  })
  .meta({ id: 'Complaint' });

export const referenceParams = z.strictObject({ reference });
