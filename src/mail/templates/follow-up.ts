/** The follow-up question once the agreed steps are done (or a reminder when it went unanswered). */
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';
import { followUpConsequence, followUpOpening } from './wording.ts';

export interface FollowUpFacts {
  /** A reminder: the first question got no answer. */
  chase: boolean;
}

export function followUpEmail(head: Letterhead, facts: FollowUpFacts, trackUrl: string): EmailContent {
  const { procedure } = head;
  const blocks: Block[] = [
    { type: 'paragraph', text: followUpOpening(facts.chase) },
    { type: 'paragraph', text: 'Has this resolved your complaint?' },
    { type: 'link', text: 'Tell us online whether your complaint is resolved', href: trackUrl },
    { type: 'paragraph', text: followUpConsequence(procedure) },
  ];
  return compose(
    head,
    facts.chase ? 'Reminder: has your complaint been resolved?' : 'Has your complaint been resolved?',
    blocks,
  );
}
