/** The improvement log API's schemas: an item, an item with its complaints, the list, the body of a change. */
import { z } from 'zod';
import { IMPROVEMENT_SORTS } from '../../../app/list-improvements.ts';
import { IMPROVEMENT_SOURCES, IMPROVEMENT_STATUSES } from '../../../domain/improvement.ts';
import { STAGES } from '../../../domain/procedure.ts';
import { id, instant, localDate, reference, text } from '../../schemas.ts';

export const improvementReference = z
  .string()
  .max(20)
  .meta({ example: 'IMP-0042', description: 'The improvement item’s reference' });
export const improvementStatus = z.enum(IMPROVEMENT_STATUSES).meta({
  description:
    'open and in-progress items are still to be worked (and can be overdue); done needs actionTaken',
});
export const improvementSource = z.enum(IMPROVEMENT_SOURCES).meta({
  description:
    'complaint and ombudsman-decision name the complaint (`sourceComplaint`); root-cause-trend needs `rootCause`',
});
const rootCause = z.string().trim().min(1).max(100).meta({
  description:
    'A code of the procedure’s root-cause tree when it has one (refused otherwise), else free text',
  example: 'billing-error',
});
const person = z.object({ id: z.string(), name: z.string() });

export const improvementSchema = z
  .object({
    reference: improvementReference,
    title: z.string(),
    description: z.string(),
    owner: person,
    dueOn: localDate,
    status: improvementStatus,
    overdue: z.boolean().meta({ description: 'Still to be worked and past its due date (UK time, today)' }),
    actionTaken: z.string().nullable(),
    rootCause: z.string().nullable(),
    source: improvementSource,
    sourceComplaint: reference.nullable(),
    createdBy: z.string(),
    createdAt: instant,
    updatedAt: instant,
    closedAt: instant.nullable().meta({ description: 'When it was last marked done or dropped' }),
  })
  .meta({ id: 'Improvement', description: 'An item of the improvement log' });

export const improvementListItemSchema = improvementSchema
  .extend({ complaintCount: z.number().int() })
  .meta({ id: 'ImprovementListItem' });

export const improvementDetailSchema = improvementSchema
  .extend({
    complaints: z.array(
      z.object({
        reference,
        stage: z.enum(STAGES),
        stageName: z.string(),
        category: z.string(),
        receivedAt: instant,
        rootCause: z.string().nullable(),
        linkedAt: instant,
        linkedBy: person,
      }),
    ),
  })
  .meta({ id: 'ImprovementDetail', description: 'An item with the complaints that showed the problem' });

export const summarySchema = z
  .object({
    open: z.number().int().meta({ description: 'Items open or in progress' }),
    overdue: z.number().int().meta({ description: 'Of those, the ones past their due date' }),
  })
  .meta({ id: 'ImprovementSummary' });

export const listQuery = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(improvementStatus))
    .optional()
    .describe('Comma-separated statuses'),
  owner: z.string().max(64).optional().describe('A user id, or `me`'),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only items still to be worked and past their due date'),
  rootCause: z.string().max(100).optional(),
  sort: z
    .enum(IMPROVEMENT_SORTS)
    .optional()
    .describe('created (newest first by default) or due (soonest first)'),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
});

export const listSchema = z.object({
  items: z.array(improvementListItemSchema),
  nextCursor: z.string().nullable(),
});

export const createBody = z.strictObject({
  title: text(200),
  description: text(10_000),
  ownerId: id.describe('An active member of staff'),
  dueOn: localDate.describe('Today or later'),
  rootCause: rootCause.nullable().optional(),
  source: improvementSource,
  sourceComplaint: reference.optional(),
  complaints: z
    .array(reference)
    .max(100)
    .optional()
    .describe('Further complaints that showed the problem (the source complaint is linked anyway)'),
  rootCausePeriod: z
    .strictObject({ from: localDate, to: localDate })
    .optional()
    .describe(
      'Only with a root-cause trend: the period (London dates, both included, at most 731 days) whose ' +
        'complaints closed with the root cause, or a cause under it, are linked too — the newest 200',
    ),
});

export const updateBody = z.strictObject({
  title: text(200).optional(),
  description: text(10_000).optional(),
  ownerId: id.optional(),
  dueOn: localDate.optional(),
  rootCause: rootCause.nullable().optional(),
  status: improvementStatus.optional(),
  actionTaken: text(10_000).nullable().optional(),
});

export const itemParams = z.strictObject({ reference: improvementReference });
export const linkParams = z.strictObject({ reference: improvementReference, complaintReference: reference });
export const linkBody = z.strictObject({ reference });
export const doneQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM')
    .meta({ example: '2026-10' }),
});
