/** How the customer reaches us, said the same way in every letter that asks them to. */
import type { Procedure } from '../../../domain/procedure.ts';
import type { LetterBlock } from '../types.ts';

export function howToReachUs(procedure: Procedure, reference: string): LetterBlock {
  const { company } = procedure;
  const post = [...company.address.lines, company.address.town, company.address.postcode].join(', ');
  return {
    type: 'paragraph',
    text: `Call us on ${company.phone}, email us at ${company.email} or write to us at ${post}, quoting ${reference}. You can also follow your complaint and read our letters online through our website.`,
  };
}
