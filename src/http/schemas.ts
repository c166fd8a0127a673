/**
 * Shared zod building blocks for the API's request and response schemas.
 */
import { z } from 'zod';
import { CHANNELS, CUSTOMER_TYPES } from '../domain/complaint.ts';
import { CATEGORIES, ROLES } from '../domain/procedure.ts';
import { isLocalDate } from '../domain/time.ts';

// PostgreSQL cannot store NUL in text; no person types one, so it is refused as input rather than failing later.
const noNul = (value: string) => !value.includes('\u0000');
export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max).refine(noNul, 'must not contain NUL characters');
export const localDate = z
  .string()
  .refine(isLocalDate, 'must be a date written YYYY-MM-DD')
  .meta({ format: 'date', example: '2026-11-30' });
export const instant = z.iso.datetime({ offset: true }).meta({ example: '2026-11-28T10:15:00Z' });
export const channel = z.enum(CHANNELS);
export const category = z.enum(CATEGORIES);
export const customerType = z.enum(CUSTOMER_TYPES);
export const role = z.enum(ROLES);
/** An amount in pence, up to GBP 10 million (far above any award or fee). */
export const pence = z.number().int().min(0).max(1_000_000_000);
export const reference = z
  .string()
  .max(40)
  .meta({ example: 'MISO-26-000123-C', description: 'Complaint Reference Number' });
export const id = z.string().min(1).max(64).refine(noNul, 'must not contain NUL characters');

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    allowed: z.array(z.string()).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, with a stable `code`' });

/**
 * The problem responses most routes can give. 503 (`database-unavailable` or `database-timeout`, with
 * Retry-After) and 507 (`storage-full`) are the database failing, which any route that reads or writes can meet.
 */
export const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  503: problemSchema,
  507: problemSchema,
} as const;
