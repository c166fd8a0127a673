/** The complaint is closed: why, in the same words as the email, and what to do if the customer disagrees. */
import { closureReasonText, LEARNING_FROM_COMPLAINTS } from '../../../mail/templates/wording.ts';
import type { LetterBody, LetterOf } from '../types.ts';

export function closureLetter(letter: LetterOf<'closure'>): LetterBody {
  const { procedure, reference, facts } = letter;
  const { company } = procedure;
  return {
    title: 'Your complaint is closed',
    blocks: [
      { type: 'paragraph', text: closureReasonText(facts.reason) },
      { type: 'paragraph', text: LEARNING_FROM_COMPLAINTS },
      {
        type: 'paragraph',
        text: `If you think we have closed it too soon, or you disagree with anything in this letter, call us on ${company.phone} or email us at ${company.email}, quoting ${reference}.`,
      },
    ],
  };
}
