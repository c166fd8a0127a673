/**
 * The procedure file's schema. Its output type is the domain's `Procedure`, so the file and the workflow
 * agree by construction; every error names its path.
 */
import { z } from 'zod';
import type { Procedure } from '../domain/procedure.ts';
import { ASSIGNMENT_MODES, CATEGORIES, ROLES, STAGES } from '../domain/procedure.ts';
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
    bankHolidays: z.array(localDate).optional(),
    customerCount: positiveInt.optional(),
  })
  .superRefine((p, ctx) => {
    for (const week of p.timescales.adrWarningWeeks) {
      if (week >= p.timescales.adrLimitWeeks) {
        ctx.addIssue({
          code: 'custom',
          path: ['timescales', 'adrWarningWeeks'],
          message: `a warning at week ${week} comes at or after the ${p.timescales.adrLimitWeeks}-week ADR limit`,
        });
      }
    }
    if (p.stages['attempt-3'].roles.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', 'attempt-3', 'roles'],
        message: 'needs at least one role',
      });
    }
  }) satisfies z.ZodType<Procedure>;
