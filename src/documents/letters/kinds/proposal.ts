/** A proposal of remedial action: the summary, the steps with their dates, how to accept or decline. */
import { ATTEMPT_STAGE, nextAttempt } from '../../../domain/complaint.ts';
import { stepWithDate } from '../../../mail/templates/wording.ts';
import { typed } from '../typed.ts';
import type { LetterBlock, LetterBody, LetterOf } from '../types.ts';
import { howToReachUs } from './contact.ts';

export function proposalLetter(letter: LetterOf<'proposal'>): LetterBody {
  const { procedure, reference, facts } = letter;
  const { stages } = procedure;
  const next = nextAttempt(facts.attempt);
  const declined =
    next === null
      ? `This is our final proposal. If you decline it, we will write to you with our final position (${stages.deadlock.name}).`
      : `If you decline it, we will look at your complaint again at the next stage of our procedure, ${stages[ATTEMPT_STAGE[next]].name}.`;
  const blocks: LetterBlock[] = [
    {
      type: 'paragraph',
      text: `We have looked into your complaint at ${stages[ATTEMPT_STAGE[facts.attempt]].name} of our complaints procedure, and this is what we propose to put it right:`,
    },
    { type: 'quote', text: typed(facts.summary) },
    ...(facts.steps.length > 0
      ? [
          { type: 'paragraph' as const, text: 'The steps we will take, and when they will be done:' },
          {
            type: 'list' as const,
            items: facts.steps.map((step) => stepWithDate({ ...step, description: typed(step.description) })),
          },
        ]
      : []),
    { type: 'heading', text: 'Accepting or declining' },
    { type: 'paragraph', text: `Please tell us whether you accept this proposal. ${declined}` },
    {
      type: 'paragraph',
      text: 'If you accept it, we will carry out the steps and then contact you to check that your complaint is resolved.',
    },
    howToReachUs(procedure, reference),
  ];
  return { title: 'Our proposal to resolve your complaint', blocks };
}
