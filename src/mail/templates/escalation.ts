/** The complaint moves to the next resolution attempt: who looks at it now and what that means. */
import { ATTEMPT_STAGE, type AttemptNumber } from '../../domain/complaint.ts';
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';

export interface EscalationFacts {
  from: AttemptNumber;
  to: AttemptNumber;
}

export function escalationEmail(head: Letterhead, facts: EscalationFacts, trackUrl: string): EmailContent {
  const next = head.procedure.stages[ATTEMPT_STAGE[facts.to]];
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `Your complaint has not been resolved yet, so it has moved to the next stage of our procedure: ${next.name}.`,
    },
    { type: 'paragraph', text: next.customerText },
    { type: 'link', text: 'Track your complaint online', href: trackUrl },
  ];
  return compose(head, `Your complaint has moved to ${next.name}`, blocks);
}
