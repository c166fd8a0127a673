/**
 * The person or organisation complaining, with the needs that shape every contact and letter
 * (Ofcom General Condition C5).
 */
import type { Channel, CustomerType } from './complaint.ts';
import type { Role } from './procedure.ts';

/**
 * Who may merge two customer records: reviewers and directors (the managers of the procedure) and admins (who
 * answer for personal data: erasure and subject access are theirs). Not agents: a merge cannot be undone, it
 * moves every complaint, letter and portal sign-in of one record to the other, so a wrong one shows one
 * person's complaints to another in the portal, and it can change whether complaints may go to ADR. Agents
 * still see the likely duplicates and correct a record's details.
 */
export const CUSTOMER_MERGERS: readonly Role[] = ['reviewer', 'director', 'admin'];

export function mayMergeCustomers(roles: readonly Role[]): boolean {
  return roles.some((role) => CUSTOMER_MERGERS.includes(role));
}

export interface FormatNeeds {
  largePrint: boolean;
  braille: boolean;
  textRelay: boolean;
}

export interface Customer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  type: CustomerType;
  addressLines: string[];
  postcode: string | null;
  needs: FormatNeeds;
  preferredChannel: Channel | null;
  vulnerabilityNotes: string | null;
  /**
   * The customer asked not to be contacted beyond what their complaint needs: nothing optional, such as the
   * satisfaction survey, goes to them.
   */
  contactOptOut: boolean;
  createdAt: string;
  updatedAt: string;
  /** Set once this record was merged into another: it is kept, pointing to the surviving record. */
  merged: { intoId: string; at: string } | null;
}
