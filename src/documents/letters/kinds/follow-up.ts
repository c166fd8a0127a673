/** Has it resolved your complaint? Asked once the agreed steps are done, and again when unanswered. */
import { followUpConsequence, followUpOpening } from '../../../mail/templates/wording.ts';
import type { LetterBody, LetterOf } from '../types.ts';
import { howToReachUs } from './contact.ts';

export function followUpLetter(letter: LetterOf<'follow-up'>): LetterBody {
  const { procedure, reference, facts } = letter;
  return {
    title: facts.chase ? 'Reminder: has your complaint been resolved?' : 'Has your complaint been resolved?',
    blocks: [
      { type: 'paragraph', text: followUpOpening(facts.chase) },
      { type: 'paragraph', text: 'Has this resolved your complaint? Please tell us, either way.' },
      { type: 'paragraph', text: followUpConsequence(procedure) },
      howToReachUs(procedure, reference),
    ],
  };
}
