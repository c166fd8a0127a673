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
  createdAt: string;
  updatedAt: string;
  /** Set once this record was merged into another: it is kept, pointing to the surviving record. */
  merged: { intoId: string; at: string } | null;
}
