/** Reading a CRN given by a person, before any lookup. */
import { parseCrn } from '../domain/crn.ts';
import type { Procedure } from '../domain/procedure.ts';
import { AppError } from './errors.ts';

/** The canonical CRN, or an `invalid-reference` error saying what is wrong with it. */
export function canonicalReference(procedure: Procedure, input: string): string {
  const parsed = parseCrn(procedure.crn, input);
  if (parsed.ok) return parsed.reference;
  const why = {
    format: `is not a complaint reference (expected e.g. ${procedure.crn.prefix}-26-000123-C)`,
    prefix: `does not start with ${procedure.crn.prefix}`,
    'check-character': 'has a wrong check character: please check it for a mistyped character',
  }[parsed.problem];
  throw new AppError('invalid-reference', `${input.slice(0, 40)} ${why}`, { field: 'reference' });
}
