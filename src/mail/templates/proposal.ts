/** A proposal of remedial action: the summary, the steps with their dates, and where to accept or decline. */
import type { AttemptNumber } from '../../domain/complaint.ts';
import type { LocalDate } from '../../domain/time.ts';
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';
import { stepWithDate } from './wording.ts';

export interface ProposalFacts {
  attempt: AttemptNumber;
  summary: string;
  steps: { description: string; dueOn: LocalDate }[];
}

export function proposalEmail(head: Letterhead, facts: ProposalFacts, trackUrl: string): EmailContent {
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: 'We have looked into your complaint and this is what we propose to put it right:',
    },
    { type: 'quote', text: facts.summary },
    { type: 'paragraph', text: 'The steps we will take, and when they will be done:' },
    {
      type: 'list',
      items: facts.steps.map(stepWithDate),
    },
    {
      type: 'paragraph',
      text: 'Please tell us whether you accept this proposal. If you decline it, we will look at your complaint again at the next stage of our procedure.',
    },
    { type: 'link', text: 'Accept or decline the proposal online', href: trackUrl },
    { type: 'paragraph', text: 'You can also reply to this email or call us.' },
  ];
  return compose(head, 'Our proposal to resolve your complaint', blocks);
}
