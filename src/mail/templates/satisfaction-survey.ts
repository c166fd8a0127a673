/** The one question after closure: how satisfied the customer is with how we handled their complaint. */
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';

export interface SatisfactionSurveyFacts {
  link: string;
  days: number;
}

export function satisfactionSurveyEmail(head: Letterhead, facts: SatisfactionSurveyFacts): EmailContent {
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: 'Your complaint is closed. We would like to know one thing: how satisfied are you with the way we handled it?',
    },
    { type: 'link', text: 'Answer with one tap', href: facts.link },
    {
      type: 'paragraph',
      text: `It takes a few seconds, you need no password, and you can add a comment if you wish. The link works for ${facts.days} days. If you would rather we did not ask, simply ignore this email.`,
    },
  ];
  return compose(head, 'How did we handle your complaint?', blocks);
}
