/** A letter of every kind for the tests, to one customer at a postal address, signed by a director. */
import { MISO_PROCEDURE } from '../../config/miso.ts';
import type { LetterFacts, LetterInput, LetterKind } from './index.ts';

export const letter: Omit<LetterInput, 'facts'> = {
  procedure: MISO_PROCEDURE,
  reference: 'MISO-26-000123-K',
  date: '2026-11-28',
  customer: { name: 'Jo Bloggs', addressLines: ['12 High Street', 'Ledbury'], postcode: 'HR8 1DS' },
  handler: { name: 'Priya Shah', jobTitle: 'Director' },
  largePrint: false,
};

export type Facts<K extends LetterFacts['kind']> = Extract<LetterFacts, { kind: K }>;

export const acknowledgement: Facts<'acknowledgement'> = {
  kind: 'acknowledgement',
  receivedAt: '2026-11-02T10:15:00Z',
  firstExpressedAt: '2026-10-30T09:00:00Z',
  channel: 'phone',
  category: 'billing',
  description: 'I was charged twice for October.',
  desiredOutcome: 'Refund the second charge.',
  adrDueOn: '2026-12-11',
  adrEligible: true,
};

export const proposal: Facts<'proposal'> = {
  kind: 'proposal',
  attempt: 2,
  summary: 'We will refund the duplicate charge and add a credit.',
  steps: [
    { description: 'Refund £24.99', dueOn: '2026-12-01' },
    { description: 'Add a £10 credit', dueOn: '2026-12-03' },
  ],
};

export const deadlock: Facts<'adr-letter'> = {
  kind: 'adr-letter',
  trigger: 'deadlock',
  issuedOn: '2026-11-28',
  windowEndsOn: '2027-11-28',
  complaintSummary: 'Charged twice for October broadband.',
  position: 'We refunded the second charge; we will not pay further compensation.',
  lastOffer: 'A refund of £24.99 and a £10 credit.',
  adrEligible: true,
};

export const FACTS: Record<LetterKind, LetterFacts> = {
  acknowledgement,
  proposal,
  escalation: { kind: 'escalation', from: 1, to: 2 },
  'follow-up': { kind: 'follow-up', chase: true },
  closure: { kind: 'closure', reason: 'resolved-no-response' },
  'adr-letter-deadlock': deadlock,
  'adr-letter-time-limit': { ...deadlock, trigger: 'time-limit', lastOffer: null },
  reply: {
    kind: 'reply',
    subject: 'Your refund',
    body: 'We have refunded the second charge.\n\nIt will reach your account:\n\n- within 5 working days\n- as £24.99',
  },
};
