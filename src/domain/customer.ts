/**
 * The person or organisation complaining, with the needs that shape every contact and letter
 * (Ofcom General Condition C5).
 */
import type { Channel, CustomerType } from './complaint.ts';

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
