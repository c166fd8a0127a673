/** Request and response schemas of finding and merging duplicate customers. */
import { z } from 'zod';
import { id, reference } from '../../schemas.ts';
import { customerSchema } from '../complaints/schemas.ts';

export const duplicatesSchema = z.object({
  items: z
    .array(
      z.object({
        customer: customerSchema,
        reasons: z
          .array(z.enum(['email', 'phone', 'postcode-and-name']))
          .describe('Why the record looks like the same customer'),
      }),
    )
    .describe('Strongest likeness first'),
});

export const mergeBody = z.strictObject({
  into: id.describe('The customer record that survives'),
  confirmDifferentType: z
    .boolean()
    .optional()
    .describe(
      'Must be true when the two records’ customer types differ: the complaints that move take the survivor’s type (it decides ADR eligibility)',
    ),
});

export const mergedSchema = z.object({
  customer: customerSchema.describe(
    'The surviving record, with any details it lacked taken from the merged one',
  ),
  moved: z.object({
    complaints: z.array(reference).describe('References of the complaints that moved'),
    emails: z.number().int(),
    portalLinks: z.number().int(),
    portalSessions: z.number().int(),
  }),
});
