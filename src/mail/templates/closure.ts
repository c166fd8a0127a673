/** The complaint is closed: why, in plain words. */
import type { ClosureReason } from '../../domain/complaint.ts';
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';
import { closureReasonText, LEARNING_FROM_COMPLAINTS } from './wording.ts';

export interface ClosureFacts {
  reason: ClosureReason;
}

export function closureEmail(head: Letterhead, facts: ClosureFacts): EmailContent {
  const blocks: Block[] = [
    { type: 'paragraph', text: closureReasonText(facts.reason) },
    { type: 'paragraph', text: LEARNING_FROM_COMPLAINTS },
    {
      type: 'paragraph',
      text: `If you think we have closed it too soon, reply to this email or call us on ${head.procedure.company.phone}.`,
    },
  ];
  return compose(head, 'Your complaint is closed', blocks);
}
