/**
 * The procedure file's schema. Its output type is the domain's `Procedure`, so the file and the workflow
 * agree by construction; every error names its path.
 */
import { z } from 'zod';
import type { Procedure } from '../domain/procedure.ts';
import {
  ASSIGNMENT_MODES,
  CATEGORIES,
  OTHER_ROOT_CAUSE,
  ROLES,
  STAGES,
  STAGES_REACHED,
} from '../domain/procedure.ts';
import { ADR_RETENTION_FLOOR_MONTHS } from '../domain/retention.ts';
import { isLocalDate } from '../domain/time.ts';

const text = z.string().trim().min(1, 'must not be empty');
const webAddress = z.url({ protocol: /^https?$/, error: 'must be a web address (http or https)' });
const localDate = z.string().refine(isLocalDate, 'must be a date written YYYY-MM-DD');
const phone = z.string().regex(/^\+?[0-9 ]{6,20}$/, 'must be a telephone number (digits and spaces)');

const address = z.strictObject({
  lines: z.array(text).min(1, 'needs at least one line'),
  town: text,
  postcode: z
    .string()
    .regex(/^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$/i, 'must be a UK postcode (e.g. WA4 6WU)'),
});

const stage = z.strictObject({
  name: text,
  description: text,
  customerText: text,
  roles: z.array(z.enum(ROLES)),
});

const stages = z.strictObject(
  Object.fromEntries(STAGES.map((s) => [s, stage])) as Record<(typeof STAGES)[number], typeof stage>,
);

const positiveInt = z.number().int().positive();

/** A root cause's code: kept in stored complaints and reports, so plain and stable. */
const rootCauseCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens (billing-error)');
const rootCauseLeaf = z.strictObject({ code: rootCauseCode, label: text });
const rootCause = z.strictObject({
  code: rootCauseCode,
  label: text,
  children: z.array(rootCauseLeaf).optional(),
});

export const procedureSchema = z
  .strictObject({
    company: z.strictObject({
      name: text,
      tradingName: text,
      phone,
      email: z.email('must be an email address'),
      website: webAddress,
      address,
    }),
    stages,
    timescales: z.strictObject({
      adrLimitWeeks: positiveInt,
      adrLimitWeeksBefore: positiveInt,
      adrLimitChangedOn: localDate,
      noResponseCloseDays: positiveInt,
      adrWarningWeeks: z.array(positiveInt),
      acknowledgeWorkingDays: z.number().int().min(0),
      defaultStepWorkingDays: positiveInt,
      followUpWorkingDays: positiveInt,
      adrWindowMonths: positiveInt,
      remedyReminderDays: z.array(positiveInt),
    }),
    adrScheme: z.strictObject({
      id: z.enum(['communications-ombudsman', 'cisas', 'other']),
      name: text,
      nameInText: text,
      address,
      phone,
      textphone: phone.nullable(),
      email: z.email('must be an email address').nullable(),
      website: webAddress,
      maxAwardPence: positiveInt,
      remedyDays: positiveInt,
      remedyDaysAreWorkingDays: z.boolean(),
    }),
    regulator: z.strictObject({ name: text, website: webAddress, phone }),
    categories: z.array(z.enum(CATEGORIES)).min(1, 'needs at least one category'),
    crn: z.strictObject({
      prefix: z.string().regex(/^[A-Z]{2,8}$/, 'must be 2 to 8 capital letters'),
      sequenceDigits: z.number().int().min(4).max(9),
    }),
    attempt3ReviewerMustDiffer: z.boolean(),
    deadlockAfterDirectorReview: z.boolean(),
    routing: z.strictObject({
      assignment: z.enum(ASSIGNMENT_MODES),
      responsibleDirector: z.email('must be the email address of a member of staff').nullable(),
    }),
    rootCauses: z.array(rootCause).min(1, 'needs at least one root cause'),
    rootCauseRequiredAt: z.array(z.enum(STAGES_REACHED)),
    bankHolidays: z.array(localDate).optional(),
    customerCount: positiveInt.optional(),
    retention: z
      .strictObject({
        monthsAfterClosure: z
          .number()
          .int()
          .min(
            ADR_RETENTION_FLOOR_MONTHS,
            `must be at least ${ADR_RETENTION_FLOOR_MONTHS}: records are kept at least 12 months after an ADR letter, the customer's window to go to the ombudsman`,
          ),
      })
      .optional(),
  })
  .superRefine((p, ctx) => {
    // Below the 12-month floor the field's own check has said so already.
    const months = p.retention?.monthsAfterClosure;
    if (
      months !== undefined &&
      months >= ADR_RETENTION_FLOOR_MONTHS &&
      months < p.timescales.adrWindowMonths
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['retention', 'monthsAfterClosure'],
        message: `${months} months is shorter than the ${p.timescales.adrWindowMonths}-month ADR window (timescales.adrWindowMonths): records must outlive it`,
      });
    }
    for (const week of p.timescales.adrWarningWeeks) {
      if (week >= p.timescales.adrLimitWeeks) {
        ctx.addIssue({
          code: 'custom',
          path: ['timescales', 'adrWarningWeeks'],
          message: `a warning at week ${week} comes at or after the ${p.timescales.adrLimitWeeks}-week ADR limit`,
        });
      }
    }
    const seen = new Map<string, string>();
    for (const [i, cause] of p.rootCauses.entries()) {
      const places: [string, (string | number)[]][] = [
        [cause.code, ['rootCauses', i, 'code']],
        ...(cause.children ?? []).map((child, j): [string, (string | number)[]] => [
          child.code,
          ['rootCauses', i, 'children', j, 'code'],
        ]),
      ];
      for (const [code, path] of places) {
        const first = seen.get(code);
        if (first) {
          ctx.addIssue({ code: 'custom', path, message: `repeats the code "${code}" of ${first}` });
        } else {
          seen.set(code, path.join('.'));
        }
      }
    }
    if (!p.rootCauses.some((c) => c.code === OTHER_ROOT_CAUSE)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rootCauses'],
        message: `needs a root cause with the code "${OTHER_ROOT_CAUSE}": causes that fit nowhere else, and those written before the tree, are kept there`,
      });
    }
    if (p.stages['attempt-3'].roles.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', 'attempt-3', 'roles'],
        message: 'needs at least one role',
      });
    }
  }) satisfies z.ZodType<Procedure>;
