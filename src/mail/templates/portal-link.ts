/** The one-time sign-in link to the customer portal. */
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';

export interface PortalLinkFacts {
  link: string;
  minutes: number;
}

export function portalLinkEmail(head: Letterhead, facts: PortalLinkFacts): EmailContent {
  const blocks: Block[] = [
    { type: 'paragraph', text: 'You asked to see your complaint online. Use this link to sign in:' },
    { type: 'link', text: 'Sign in to track your complaint', href: facts.link },
    {
      type: 'paragraph',
      text: `The link works once and only for the next ${facts.minutes} minutes. If you did not ask for it, you can ignore this email.`,
    },
  ];
  return compose(head, 'Your sign-in link', blocks);
}
