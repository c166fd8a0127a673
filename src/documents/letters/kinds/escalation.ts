/** The complaint moves to the next resolution attempt: who looks at it now and what that means. */
import { ATTEMPT_STAGE } from '../../../domain/complaint.ts';
import type { LetterBody, LetterOf } from '../types.ts';
import { howToReachUs } from './contact.ts';

export function escalationLetter(letter: LetterOf<'escalation'>): LetterBody {
  const { procedure, reference, facts } = letter;
  const from = procedure.stages[ATTEMPT_STAGE[facts.from]];
  const next = procedure.stages[ATTEMPT_STAGE[facts.to]];
  return {
    title: `Your complaint has moved to ${next.name}`,
    blocks: [
      {
        type: 'paragraph',
        text: `Your complaint has not been resolved at ${from.name}, so it has moved to the next stage of our procedure: ${next.name}.`,
      },
      { type: 'paragraph', text: next.customerText },
      { type: 'paragraph', text: 'If there is anything you want to add, please tell us.' },
      howToReachUs(procedure, reference),
    ],
  };
}
