/** The procedure's values as a letter says them. */
import type { Channel } from '../../domain/complaint.ts';
import type { Category } from '../../domain/procedure.ts';

const CHANNEL_WORDS: Record<Channel, string> = {
  phone: 'by phone',
  email: 'by email',
  web: 'through our website',
  letter: 'by letter',
  textphone: 'by textphone',
  'in-person': 'in person',
};

/** "by phone": how the complaint reached us, to follow "We received it on …". */
export function channelWords(channel: Channel): string {
  return CHANNEL_WORDS[channel];
}

const CATEGORY_WORDS: Record<Category, string> = {
  billing: 'your bill or charges',
  'service-quality': 'your service',
  'customer-service': 'how we dealt with you',
  contract: 'your contract',
  equipment: 'your equipment',
  other: 'something else',
};

/** "your bill or charges": what the complaint is about, to follow "a complaint about …". */
export function categoryWords(category: Category): string {
  return CATEGORY_WORDS[category];
}

/** "the Communications Ombudsman" at the start of a sentence. */
export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

const pounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
});

/** Pence as whole pounds: 1000000 → "£10,000". */
export function formatPounds(pence: number): string {
  return pounds.format(Math.floor(pence / 100));
}

/** A website as printed on paper: without the scheme, which nobody types. */
export function websiteWords(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
