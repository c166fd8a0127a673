/**
 * How the case file writes times, money, people and the procedure's words for a reader at the scheme:
 * UK time, pounds, names rather than ids, sentences rather than codes.
 */
import type { ClosureReason } from '../../domain/complaint.ts';
import { capitalise } from '../letters/words.ts';

export { formatDate } from '../../mail/templates/layout.ts';

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as UK time: 11 May 2026, 09:00. */
export function formatInstant(iso: string): string {
  return londonDateTime.format(new Date(iso));
}

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** Pence as pounds: £24.99. */
export function formatPence(pence: number): string {
  return gbp.format(pence / 100);
}

/** A code as words: `small-business` → Small business. */
export function words(code: string): string {
  return capitalise(code.replaceAll('-', ' '));
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

export const CLOSURE_REASON_TEXT: Record<ClosureReason, string> = {
  resolved: 'Resolved: the customer said they were satisfied',
  'resolved-no-response': 'Resolved: the customer did not answer the follow-up',
  withdrawn: 'Withdrawn by the customer',
  'ombudsman-decision-implemented': 'The ombudsman’s decision was implemented',
  'ombudsman-decision-not-accepted': 'The customer did not accept the ombudsman’s decision',
  'adr-window-expired': 'The window for taking the complaint to the scheme ended',
};

/** Names the people on the record: staff by name, the customer, or Redress itself. */
export class People {
  constructor(
    private readonly staff: Readonly<Record<string, string>>,
    private readonly customerName: string,
  ) {}

  /** Who an audit event or log entry names: a staff id, `customer:<id>`, `system` or nobody. */
  actor(id: string | null): string {
    if (id === null || id === 'system') return 'Redress (automatic)';
    if (id.startsWith('customer:')) return `${this.customerName} (customer)`;
    return this.staff[id] ?? `staff member ${id}`;
  }

  /** A step's owner: a member of staff, or the customer when nobody on staff owns it. */
  owner(id: string | null): string {
    return id === null ? `${this.customerName} (customer)` : this.actor(id);
  }
}
