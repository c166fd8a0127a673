/** The acknowledgement: we have the complaint, this is what we understood, this is what happens next. */
import type { Stage } from '../../../domain/procedure.ts';
import { londonDate } from '../../../domain/time.ts';
import { formatDate } from '../../../mail/templates/layout.ts';
import { adrTimeLimitPromise, stageItems } from '../../../mail/templates/wording.ts';
import { typed } from '../typed.ts';
import type { LetterBlock, LetterBody, LetterOf } from '../types.ts';
import { categoryWords, channelWords } from '../words.ts';
import { howToReachUs } from './contact.ts';

export function acknowledgementLetter(letter: LetterOf<'acknowledgement'>): LetterBody {
  const { procedure, reference, facts } = letter;
  const received = londonDate(new Date(facts.receivedAt));
  const firstExpressed = londonDate(new Date(facts.firstExpressedAt));
  // A large business cannot use the scheme, so the procedure's last stage is not offered to it.
  const stages: Stage[] = [
    'attempt-1',
    'attempt-2',
    'attempt-3',
    ...(facts.adrEligible ? ['deadlock' as const] : []),
  ];
  const blocks: LetterBlock[] = [
    {
      type: 'paragraph',
      text: `Thank you for telling us about your complaint. We received it on ${formatDate(received)}, ${channelWords(facts.channel)}. We have recorded it, and your Complaint Reference Number is ${reference}. Please quote it whenever you contact us about this complaint.`,
    },
    // The clock starts when the customer first told us, which may be before we logged it (REGULATORY item 2).
    ...(firstExpressed < received
      ? [
          {
            type: 'paragraph' as const,
            text: `You first told us you were unhappy on ${formatDate(firstExpressed)}, and our time limits count from that day.`,
          },
        ]
      : []),
    { type: 'heading', text: 'What we understand your complaint is about' },
    {
      type: 'paragraph',
      text: `We have recorded it as a complaint about ${categoryWords(facts.category)}. ${
        facts.descriptionIsTheirWords === false ? 'This is how we recorded it:' : 'This is what you told us:'
      }`,
    },
    { type: 'quote', text: typed(facts.description) },
    ...(facts.desiredOutcome === null || facts.desiredOutcome.trim() === ''
      ? [
          {
            type: 'paragraph' as const,
            text: 'You have not yet told us what you would like us to do to put things right. If there is something, please let us know.',
          },
        ]
      : [
          { type: 'paragraph' as const, text: 'What you would like us to do:' },
          { type: 'quote' as const, text: typed(facts.desiredOutcome) },
        ]),
    { type: 'paragraph', text: 'If we have misunderstood anything, please tell us.' },
    { type: 'heading', text: 'What happens next' },
    { type: 'list', items: stageItems(procedure, stages) },
    ...(facts.adrEligible
      ? [{ type: 'paragraph' as const, text: adrTimeLimitPromise(procedure, facts.adrDueOn) }]
      : []),
    { type: 'heading', text: 'How to reach us' },
    howToReachUs(procedure, reference),
  ];
  return { title: 'We have received your complaint', blocks };
}
