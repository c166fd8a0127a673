/** The acknowledgement of a new complaint: its CRN and the procedure in brief, from the configuration. */
import type { LocalDate } from '../../domain/time.ts';
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';
import { adrTimeLimitPromise, stageItems } from './wording.ts';

export interface AcknowledgementFacts {
  /** When the ADR letter is due if the complaint is still open (the time limit). */
  adrDueOn: LocalDate;
  /** False for a larger business: no scheme takes its complaint, so none is promised. */
  adrEligible: boolean;
}

export function acknowledgementEmail(
  head: Letterhead,
  facts: AcknowledgementFacts,
  trackUrl: string,
): EmailContent {
  const { procedure } = head;
  const { company } = procedure;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `Thank you for telling us about your complaint. We have recorded it, and your Complaint Reference Number is ${head.reference}. Please quote it whenever you contact us about this complaint.`,
    },
    { type: 'paragraph', text: 'What happens next:' },
    {
      type: 'list',
      items: stageItems(
        procedure,
        facts.adrEligible
          ? ['attempt-1', 'attempt-2', 'attempt-3', 'deadlock']
          : ['attempt-1', 'attempt-2', 'attempt-3'],
      ),
    },
    ...(facts.adrEligible
      ? [{ type: 'paragraph' as const, text: adrTimeLimitPromise(procedure, facts.adrDueOn) }]
      : []),
    { type: 'link', text: 'Track your complaint online', href: trackUrl },
    {
      type: 'paragraph',
      text: `You can reply to this email, or call us on ${company.phone}, if there is anything you want to add.`,
    },
  ];
  return compose(head, 'We have received your complaint', blocks);
}
