/**
 * Tells the customer that their ADR letter has been issued (at deadlock, or at the time limit), with the
 * scheme's details and the last day to refer. The letter itself is attached as a PDF (notify-customer.ts).
 */
import type { AdrTrigger } from '../../domain/complaint.ts';
import type { LocalDate } from '../../domain/time.ts';
import { type Block, compose, type EmailContent, formatDate, type Letterhead } from './layout.ts';
import { noSchemeSentence, schemeContactItems } from './wording.ts';

export interface AdrLetterFacts {
  trigger: AdrTrigger;
  issuedOn: LocalDate;
  windowEndsOn: LocalDate;
  /** False for a larger business, which no scheme takes: the email then gives our final position only. */
  adrEligible?: boolean | undefined;
}

/** For a customer no scheme can take: our final position, said plainly, with the letter attached. */
function noSchemeEmail(head: Letterhead): EmailContent {
  return compose(head, 'Our final position on your complaint', [
    {
      type: 'paragraph',
      text: 'We have not been able to resolve your complaint. This is our final position, set out in the letter attached to this email.',
    },
    { type: 'paragraph', text: noSchemeSentence(head.procedure) },
    {
      type: 'paragraph',
      text: 'If you are not happy with our position, you may wish to get independent legal or business advice about what else you can do.',
    },
  ]);
}

export function adrLetterEmail(head: Letterhead, facts: AdrLetterFacts): EmailContent {
  if (facts.adrEligible === false) return noSchemeEmail(head);
  const scheme = head.procedure.adrScheme;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text:
        facts.trigger === 'deadlock'
          ? 'We have not been able to resolve your complaint. This is our final position, and we have issued your ADR letter.'
          : 'Your complaint has not been resolved within the time allowed, so we have issued your ADR letter. We are still working on your complaint.',
    },
    {
      type: 'paragraph',
      text: `You can now take your complaint to ${scheme.nameInText}, an independent dispute resolution scheme. It is free for you to use. You have until ${formatDate(facts.windowEndsOn)} to do so.`,
    },
    { type: 'paragraph', text: `How to contact ${scheme.nameInText}:` },
    { type: 'list', items: schemeContactItems(scheme) },
    {
      type: 'paragraph',
      text: `Your ADR letter, dated ${formatDate(facts.issuedOn)}, is attached to this email. Please give the scheme your Complaint Reference Number, ${head.reference}.`,
    },
  ];
  return compose(head, `Your ADR letter: you can take your complaint to ${scheme.name}`, blocks);
}
