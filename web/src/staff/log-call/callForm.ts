/**
 * The Log a complaint form's values, its checks before sending, the request body it makes, and where the API's
 * refusals point (each body path to the input that holds it).
 */
import { EMAIL_ADDRESS, TELEPHONE, UK_POSTCODE } from '../../../../src/domain/contact-details.ts';
import { isLocalDate } from '../../../../src/domain/time.ts';
import type { Schemas } from '../../api/client.ts';
import type { FormError } from '../../ui/ErrorSummary.tsx';
import { londonLocalToIso, londonToday } from '../../ui/format.ts';

export type Customer = Schemas['Customer'];
export type NewComplaint = Schemas['NewComplaint'];
export type CustomerType = NonNullable<Extract<NewComplaint['customer'], { name: string }>['type']>;
export type Category = NonNullable<NewComplaint['category']>;
export type Channel = NewComplaint['channel'];

/** How a complaint reaches staff who log it by hand (email and web arrive by themselves). */
export const LOGGED_CHANNELS = [
  { value: 'phone', label: 'Phone call' },
  { value: 'textphone', label: 'Textphone or text relay call' },
  { value: 'letter', label: 'Letter' },
  { value: 'in-person', label: 'In person' },
] as const satisfies readonly { value: Channel; label: string }[];
export type LoggedChannel = (typeof LOGGED_CHANNELS)[number]['value'];

export interface CallForm {
  /** How the complaint reached us. */
  channel: LoggedChannel;
  /** An existing customer, picked from the search; when null, the new customer's details below are used. */
  customer: Customer | null;
  name: string;
  email: string;
  phone: string;
  address: string;
  postcode: string;
  type: CustomerType;
  largePrint: boolean;
  braille: boolean;
  textRelay: boolean;
  preferredChannel: Channel | '';
  vulnerabilityNotes: string;
  category: Category | '';
  description: string;
  customerWords: string;
  desiredOutcome: string;
  /** When they first complained, a London date (YYYY-MM-DD). */
  firstDay: string;
  formal: boolean;
}

export function emptyForm(): CallForm {
  return {
    channel: 'phone',
    customer: null,
    name: '',
    email: '',
    phone: '',
    address: '',
    postcode: '',
    type: 'residential',
    largePrint: false,
    braille: false,
    textRelay: false,
    preferredChannel: '',
    vulnerabilityNotes: '',
    category: '',
    description: '',
    customerWords: '',
    desiredOutcome: '',
    firstDay: londonToday(),
    formal: false,
  };
}

/** Input ids, in the order they appear, so the error summary lists problems top to bottom. */
export const INPUT = {
  channel: 'channel-phone',
  chosen: 'customer-chosen',
  search: 'customer-search',
  name: 'customer-name',
  email: 'customer-email',
  phone: 'customer-phone',
  address: 'customer-address',
  postcode: 'customer-postcode',
  type: 'customer-type-residential',
  needs: 'need-large-print',
  preferredChannel: 'customer-preferred-channel',
  vulnerabilityNotes: 'customer-vulnerability',
  category: 'category',
  description: 'description',
  customerWords: 'customer-words',
  desiredOutcome: 'desired-outcome',
  firstDay: 'first-complained',
  formal: 'formal',
} as const;

/** Where each API field path is entered; a picked customer's problems point at the picked customer. */
export function fieldMap(form: CallForm): Record<string, string> {
  return {
    'body.channel': INPUT.channel,
    'body.customer': form.customer ? INPUT.chosen : INPUT.name,
    'body.customer.id': INPUT.chosen,
    'body.customer.name': INPUT.name,
    'body.customer.email': INPUT.email,
    'body.customer.phone': INPUT.phone,
    'body.customer.addressLines': INPUT.address,
    'body.customer.postcode': INPUT.postcode,
    'body.customer.type': INPUT.type,
    'body.customer.needs': INPUT.needs,
    'body.customer.preferredChannel': INPUT.preferredChannel,
    'body.customer.vulnerabilityNotes': INPUT.vulnerabilityNotes,
    'body.category': INPUT.category,
    'body.description': INPUT.description,
    'body.customerWords': INPUT.customerWords,
    'body.desiredOutcome': INPUT.desiredOutcome,
    'body.firstExpressedAt': INPUT.firstDay,
    'body.formal': INPUT.formal,
  };
}

export const FIELD_LABELS: Record<string, string> = {
  'body.customer': 'Customer',
  'body.customer.id': 'Customer',
  'body.customer.name': 'Customer name',
  'body.customer.email': 'Email',
  'body.customer.phone': 'Phone',
  'body.customer.addressLines': 'Postal address',
  'body.customer.postcode': 'Postcode',
  'body.customer.type': 'Customer type',
  'body.customer.needs': 'Format needs',
  'body.customer.preferredChannel': 'How they prefer to be contacted',
  'body.customer.vulnerabilityNotes': 'Vulnerability or support needs',
  'body.channel': 'How the complaint reached us',
  'body.category': 'Category',
  'body.description': 'What happened',
  'body.customerWords': 'In the customer’s words',
  'body.desiredOutcome': 'What they want',
  'body.firstExpressedAt': 'When they first complained',
  'body.formal': 'They asked for a formal complaint',
};

function addressLines(address: string): string[] {
  return address
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The problems to fix before sending, in the order of the form. */
export function check(form: CallForm, today: string = londonToday()): FormError[] {
  const errors: FormError[] = [];
  const add = (inputId: string, message: string) => errors.push({ inputId, message });
  if (!form.customer) {
    if (!form.name.trim()) add(INPUT.name, 'Enter the customer’s name, or find an existing customer');
    if (form.email.trim() && !EMAIL_ADDRESS.test(form.email.trim()))
      add(INPUT.email, 'Enter an email address like name@example.com');
    if (form.phone.trim() && !TELEPHONE.test(form.phone.trim()))
      add(INPUT.phone, 'Enter a telephone number, like 01632 960001');
    if (addressLines(form.address).length > 6) add(INPUT.address, 'Use no more than 6 lines for the address');
    if (form.postcode.trim() && !UK_POSTCODE.test(form.postcode.trim()))
      add(INPUT.postcode, 'Enter a UK postcode, like SW1A 1AA');
  }
  if (!form.category) add(INPUT.category, 'Choose a category');
  if (!form.description.trim()) add(INPUT.description, 'Say what happened');
  if (!isLocalDate(form.firstDay)) add(INPUT.firstDay, 'Enter the date they first complained');
  else if (form.firstDay > today)
    add(INPUT.firstDay, 'The date they first complained cannot be in the future');
  return errors;
}

const optional = (value: string) => value.trim() || undefined;

/**
 * The request body. A first complaint made today starts the ADR clock now; an earlier one, at midday London
 * time that day (11:00Z in summer, 12:00Z in winter).
 */
export function toBody(form: CallForm, today: string = londonToday()): NewComplaint {
  const lines = addressLines(form.address);
  const anyNeed = form.largePrint || form.braille || form.textRelay;
  const customer: NewComplaint['customer'] = form.customer
    ? { id: form.customer.id }
    : {
        name: form.name.trim(),
        email: optional(form.email),
        phone: optional(form.phone),
        type: form.type,
        addressLines: lines.length ? lines : undefined,
        postcode: optional(form.postcode),
        needs: anyNeed
          ? { largePrint: form.largePrint, braille: form.braille, textRelay: form.textRelay }
          : undefined,
        preferredChannel: form.preferredChannel || undefined,
        vulnerabilityNotes: optional(form.vulnerabilityNotes),
      };
  return {
    customer,
    channel: form.channel,
    category: form.category || undefined,
    description: form.description.trim(),
    customerWords: optional(form.customerWords),
    desiredOutcome: optional(form.desiredOutcome),
    formal: form.formal,
    firstExpressedAt:
      form.firstDay === today ? undefined : (londonLocalToIso(`${form.firstDay}T12:00`) ?? undefined),
  };
}

/** A fresh Idempotency-Key, also where crypto.randomUUID is missing (plain http on a LAN). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
