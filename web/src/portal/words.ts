/** The portal's words for the procedure's values, as a customer would say them. */
import type { Schemas } from '../api/client.ts';
import { humanize } from '../ui/format.ts';

export type Category = Schemas['Procedure']['categories'][number];
export type CustomerType = 'residential' | 'small-business' | 'not-for-profit' | 'large-business';

const CATEGORY_WORDS: Record<Category, string> = {
  billing: 'A bill or a charge',
  'service-quality': 'My broadband, phone or mobile service',
  'customer-service': 'How we dealt with you',
  contract: 'My contract',
  equipment: 'Equipment, such as a router or SIM card',
  other: 'Something else',
};

/** "billing" → "A bill or a charge"; a category added by configuration falls back to its name. */
export function categoryWords(category: string): string {
  return CATEGORY_WORDS[category as Category] ?? humanize(category);
}

export const CUSTOMER_TYPES: { value: CustomerType; label: string; adr: boolean }[] = [
  { value: 'residential', label: 'A household (a residential customer)', adr: true },
  { value: 'small-business', label: 'A small business with 10 or fewer workers', adr: true },
  { value: 'not-for-profit', label: 'A not-for-profit organisation with 10 or fewer workers', adr: true },
  { value: 'large-business', label: 'A business or organisation with more than 10 workers', adr: false },
];

/** Whether this kind of customer can take an unresolved complaint to the ADR scheme. */
export function canUseAdr(type: CustomerType): boolean {
  return CUSTOMER_TYPES.find((t) => t.value === type)?.adr ?? false;
}

const CHANNEL_WORDS: Record<string, string> = {
  web: 'Online',
  email: 'By email',
  phone: 'By phone',
  letter: 'By letter',
  textphone: 'By textphone',
  'in-person': 'In person',
};

/** A contact's text ("web: Raised this…") with its channel in words: ["Online", "Raised this…"]. */
export function contactWords(text: string): { how: string | null; text: string } {
  const match = /^(web|email|phone|letter|textphone|in-person): ([\s\S]*)$/.exec(text);
  return match?.[1] && match[2] !== undefined
    ? { how: CHANNEL_WORDS[match[1]] ?? null, text: match[2] }
    : { how: null, text };
}
