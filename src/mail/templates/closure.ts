/** The complaint is closed: why, in plain words. */
import type { ClosureReason } from '../../domain/complaint.ts';
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';

export interface ClosureFacts {
  reason: ClosureReason;
}

function why(reason: ClosureReason): string {
  switch (reason) {
    case 'resolved':
      return 'You told us that your complaint has been resolved, so we have now closed it.';
    case 'resolved-no-response':
      return 'We did not hear back from you after our follow-up, so we have treated your complaint as resolved and closed it.';
    case 'withdrawn':
      return 'As you asked, we have withdrawn your complaint and closed it.';
    case 'ombudsman-decision-implemented':
      return 'We have put in place what the ombudsman decided, so we have now closed your complaint.';
    case 'ombudsman-decision-not-accepted':
      return 'You did not accept the ombudsman’s decision, so we have now closed your complaint.';
    case 'adr-window-expired':
      return 'The time to take your complaint to the independent scheme has passed, so we have now closed it.';
    default: {
      const unknown: never = reason;
      return unknown;
    }
  }
}

export function closureEmail(head: Letterhead, facts: ClosureFacts): EmailContent {
  const blocks: Block[] = [
    { type: 'paragraph', text: why(facts.reason) },
    {
      type: 'paragraph',
      text: 'We review every complaint to learn from it and improve how we work. Thank you for taking the time to tell us.',
    },
    {
      type: 'paragraph',
      text: `If you think we have closed it too soon, reply to this email or call us on ${head.procedure.company.phone}.`,
    },
  ];
  return compose(head, 'Your complaint is closed', blocks);
}
