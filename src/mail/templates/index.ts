/**
 * Every email the customer gets, as data (`CustomerEmail`) and as a rendered message: plain text and HTML,
 * the company's details from the procedure, the CRN in the subject.
 */

import { type AcknowledgementFacts, acknowledgementEmail } from './acknowledgement.ts';
import { type AdrLetterFacts, adrLetterEmail } from './adr-letter.ts';
import { type ClosureFacts, closureEmail } from './closure.ts';
import { type EscalationFacts, escalationEmail } from './escalation.ts';
import { type FollowUpFacts, followUpEmail } from './follow-up.ts';
import type { EmailContent, Letterhead } from './layout.ts';
import { type PortalLinkFacts, portalLinkEmail } from './portal-link.ts';
import { type ProposalFacts, proposalEmail } from './proposal.ts';
import { type ReplyFacts, replyEmail } from './reply.ts';
import { type SatisfactionSurveyFacts, satisfactionSurveyEmail } from './satisfaction-survey.ts';

export type { EmailContent, Letterhead } from './layout.ts';
export { escapeHtml } from './layout.ts';

export type CustomerEmail =
  | ({ kind: 'acknowledgement' } & AcknowledgementFacts)
  | ({ kind: 'proposal' } & ProposalFacts)
  | ({ kind: 'follow-up' } & FollowUpFacts)
  | ({ kind: 'closure' } & ClosureFacts)
  | ({ kind: 'escalation' } & EscalationFacts)
  | ({ kind: 'adr-letter' } & AdrLetterFacts)
  | ({ kind: 'portal-link' } & PortalLinkFacts)
  | ({ kind: 'reply' } & ReplyFacts)
  | ({ kind: 'satisfaction-survey' } & SatisfactionSurveyFacts);

export type CustomerEmailKind = CustomerEmail['kind'];

/** Renders one email. `publicUrl` is where Redress is reached; the portal is under `/track`. */
export function renderCustomerEmail(head: Letterhead, email: CustomerEmail, publicUrl: string): EmailContent {
  const trackUrl = `${publicUrl.replace(/\/+$/, '')}/track`;
  switch (email.kind) {
    case 'acknowledgement':
      return acknowledgementEmail(head, email, trackUrl);
    case 'proposal':
      return proposalEmail(head, email, trackUrl);
    case 'follow-up':
      return followUpEmail(head, email, trackUrl);
    case 'closure':
      return closureEmail(head, email);
    case 'escalation':
      return escalationEmail(head, email, trackUrl);
    case 'adr-letter':
      return adrLetterEmail(head, email);
    case 'portal-link':
      return portalLinkEmail(head, email);
    case 'reply':
      return replyEmail(head, email);
    case 'satisfaction-survey':
      return satisfactionSurveyEmail(head, email);
    default: {
      const unknown: never = email;
      throw new Error(`no template for ${(unknown as { kind: string }).kind}`);
    }
  }
}
