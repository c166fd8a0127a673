/** The follow-up question once the agreed steps are done (or a reminder when it went unanswered). */
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';

export interface FollowUpFacts {
  /** A reminder: the first question got no answer. */
  chase: boolean;
}

export function followUpEmail(head: Letterhead, facts: FollowUpFacts, trackUrl: string): EmailContent {
  const { procedure } = head;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: facts.chase
        ? 'We wrote to you recently to ask whether the steps we agreed have resolved your complaint, and have not yet heard back.'
        : 'We have now completed the steps we agreed with you.',
    },
    { type: 'paragraph', text: 'Has this resolved your complaint?' },
    { type: 'link', text: 'Tell us online whether your complaint is resolved', href: trackUrl },
    {
      type: 'paragraph',
      text: `If we do not hear from you within ${procedure.timescales.noResponseCloseDays} days, we will treat your complaint as resolved and close it. If it is not resolved, tell us and we will take it to the next stage of our procedure.`,
    },
  ];
  return compose(
    head,
    facts.chase ? 'Reminder: has your complaint been resolved?' : 'Has your complaint been resolved?',
    blocks,
  );
}
