/** Request and response schemas of `GET /api/v1/insight`. */
import { z } from 'zod';
import { ATTEMPT_NUMBERS, CHANNELS, CUSTOMER_TYPES, REMEDY_TYPES } from '../../../domain/complaint.ts';
import { FUNNEL_OUTCOMES, STAGES_REACHED } from '../../../domain/insight.ts';
import { CATEGORIES } from '../../../domain/procedure.ts';
import { category, localDate } from '../../schemas.ts';
import { csv } from '../complaints/schemas.ts';

export const insightQuery = z.strictObject({
  from: localDate
    .optional()
    .describe('First London date of the range (complaints by the day received); default a year before `to`'),
  to: localDate.optional().describe('Last London date of the range, included; default today'),
  category: csv(CATEGORIES).optional().describe('Comma-separated categories'),
  channel: csv(CHANNELS).optional().describe('Comma-separated channels the complaints came by'),
  customerType: csv(CUSTOMER_TYPES).optional().describe('Comma-separated customer types'),
  stageReached: csv(STAGES_REACHED)
    .optional()
    .describe('Comma-separated furthest stages reached (deadlock: reached it at some time)'),
  owner: z.string().min(1).max(64).optional().describe('A user id, or `me`: the complaints they own now'),
});

const counts = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()]))) as z.ZodObject<
    Record<K[number], z.ZodNumber>
  >;

const rootCauseCount = z.object({
  code: z.string(),
  label: z.string(),
  count: z.number().int(),
  previous: z.number().int().describe('In the period before'),
});

const satisfactionCount = z.object({
  sent: z.number().int().describe('Surveys put to customers'),
  answered: z.number().int(),
  responseRate: z.number().nullable().describe('Answered ÷ sent (0–1, four places); null when none sent'),
  averageScore: z.number().nullable().describe('Mean score, 1 (very dissatisfied) to 5; null when none'),
});

export const insightSchema = z
  .object({
    from: localDate,
    to: localDate,
    granularity: z.enum(['week', 'month']).describe('Weeks (Monday first) up to 13 weeks, months beyond'),
    received: z.number().int().describe('Complaints received in the range'),
    customerCount: z
      .number()
      .int()
      .nullable()
      .describe('The procedure’s `customerCount`; null when not set, and the per-customer figures too'),
    perThousandCustomers: z.number().nullable(),
    perHundredThousandCustomers: z.number().nullable().describe('Ofcom’s figure'),
    volumes: z.array(
      z.object({
        period: z.string().describe('The week’s Monday (YYYY-MM-DD) or the month (YYYY-MM)'),
        total: z.number().int(),
        byCategory: counts(CATEGORIES),
        byChannel: counts(CHANNELS),
      }),
    ),
    funnel: counts(FUNNEL_OUTCOMES).describe(
      'Complaints received in the range by where they ended: resolved at each attempt, withdrawn, reached deadlock, decided by the scheme after a time-limit letter, or still open',
    ),
    attempts: z.array(
      z.object({
        attempt: z.union(ATTEMPT_NUMBERS.map((n) => z.literal(n))),
        ended: z.number().int().describe('Attempts of those complaints that ended'),
        medianDays: z.number().nullable().describe('Median calendar days from opening to end'),
      }),
    ),
    timeToResolve: z
      .object({
        week: z.number().int(),
        'adr-limit': z.number().int(),
        later: z.number().int(),
        notResolved: z.number().int(),
      })
      .describe(
        'Complaints closed as resolved, by first expression to closure: within 1 week, within the ADR limit (6 weeks; 8 for complaints first raised before 2026-04-08) but over a week, later; and those not resolved (open, withdrawn, deadlocked)',
      ),
    adrLetters: z.object({
      deadlock: z.number().int(),
      timeLimit: z.number().int().describe('Issued because the ADR limit passed: a failure of the procedure'),
      byPeriod: z.array(
        z.object({ period: z.string(), deadlock: z.number().int(), timeLimit: z.number().int() }),
      ),
    }),
    referrals: z.object({
      referred: z.number().int(),
      outcomes: z.object({
        upheld: z.number().int().describe('Upheld in full or in part'),
        partlyUpheld: z.number().int(),
        notUpheld: z.number().int(),
        settled: z.number().int(),
      }),
      caseFeesPaid: z.number().int(),
      caseFeesPence: z.number().int(),
      remediesOverdue: z.number().int().describe('Accepted remedies past their date and not done, today'),
    }),
    declinedProposals: z.array(z.object({ category, declined: z.number().int() })),
    rootCauses: z
      .object({
        previousFrom: localDate.describe('First day of the period of the same length just before the range'),
        previousTo: localDate,
        recorded: z.number().int().describe('Complaints closed in the range with a root cause'),
        previousRecorded: z.number().int(),
        causes: z.array(
          rootCauseCount.extend({
            byCategory: counts(CATEGORIES),
            byChannel: counts(CHANNELS),
            detail: z
              .array(rootCauseCount)
              .describe('The codes recorded under this cause (its own code too, when recorded as it is)'),
          }),
        ),
      })
      .describe(
        'Root causes by the tree’s top level, counted on the day each complaint closed, most recorded first, beside the period before',
      ),
    satisfaction: satisfactionCount
      .extend({
        byStageReached: z.array(satisfactionCount.extend({ stageReached: z.enum(STAGES_REACHED) })),
        byCategory: z.array(satisfactionCount.extend({ category })),
        byHandler: z
          .array(
            satisfactionCount.extend({
              person: z
                .object({ id: z.string(), name: z.string() })
                .nullable()
                .describe('Null: nobody owned the complaints'),
            }),
          )
          .describe(
            'By the complaint’s owner (its handler at closure); narrowed by the range and `owner`, not by the other filters',
          ),
      })
      .describe(
        'The satisfaction survey of the complaints closed in the range: counted on the day it was sent (at closure), answers with their survey; customers who asked not to be contacted get none',
      ),
    remedies: z
      .object({
        count: z.number().int(),
        pence: z.number().int(),
        byType: z.array(
          z.object({ type: z.enum(REMEDY_TYPES), count: z.number().int(), pence: z.number().int() }),
        ),
      })
      .describe(
        'Remedies the customer accepted in the range (agreed proposals, accepted ombudsman decisions), on the day accepted; money in pence',
      ),
    team: z
      .array(
        z.object({
          person: z
            .object({ id: z.string(), name: z.string() })
            .nullable()
            .describe('Null: nobody owns them'),
          open: z.number().int(),
          overdueSteps: z.number().int(),
          followUpsWaiting: z.number().int(),
        }),
      )
      .describe('Today, whatever the range'),
  })
  .meta({ id: 'Insight' });
