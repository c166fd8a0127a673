/**
 * /complain: a customer tells us about a complaint, without an account. One page, phone-sized first, every
 * field labelled with its hint; errors are listed in a summary that takes focus and links to each field.
 */
import { Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { EMAIL_ADDRESS } from '../../../src/domain/contact-details.ts';
import { api, type Schemas, unwrap } from '../api/client.ts';
import { useProcedure } from '../procedure.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../ui/ErrorSummary.tsx';
import { londonToday } from '../ui/format.ts';
import { PageHeading } from '../ui/page.tsx';
import { FileField, fileProblems, uploadsOf } from './FileField.tsx';
import { CheckboxFieldset, RadioFieldset } from './fields.tsx';
import { RaiseConfirmation } from './RaiseConfirmation.tsx';
import { type Category, CUSTOMER_TYPES, type CustomerType, categoryWords } from './words.ts';

type Need = 'largePrint' | 'braille' | 'textRelay';

interface Answers {
  name: string;
  email: string;
  phone: string;
  address: string;
  postcode: string;
  customerType: CustomerType | null;
  category: Category | null;
  whatHappened: string;
  whatYouWant: string;
  firstComplainedOn: string;
  needs: Record<Need, boolean>;
  support: string;
  formal: 'yes' | 'no' | null;
}

const EMPTY: Answers = {
  name: '',
  email: '',
  phone: '',
  address: '',
  postcode: '',
  customerType: null,
  category: null,
  whatHappened: '',
  whatYouWant: '',
  firstComplainedOn: '',
  needs: { largePrint: false, braille: false, textRelay: false },
  support: '',
  formal: null,
};

/** The API's field paths → the inputs that hold them. */
const FIELDS: Record<string, string> = {
  'body.name': 'name',
  'body.email': 'email',
  'body.phone': 'phone',
  'body.addressLines': 'address',
  'body.postcode': 'postcode',
  'body.customerType': 'customerType',
  'body.category': 'category',
  'body.whatHappened': 'whatHappened',
  'body.whatYouWant': 'whatYouWant',
  'body.firstComplainedOn': 'firstComplainedOn',
  'body.needs': 'needs',
  'body.support': 'support',
  'body.formal': 'formal',
  'body.attachments': 'attachments',
};
const LABELS: Record<string, string> = {
  'body.name': 'Your name',
  'body.email': 'Email address',
  'body.phone': 'Phone number',
  'body.addressLines': 'Postal address',
  'body.postcode': 'Postcode',
  'body.customerType': 'Who is complaining',
  'body.category': 'What your complaint is about',
  'body.whatHappened': 'What happened',
  'body.whatYouWant': 'What you would like us to do',
  'body.firstComplainedOn': 'When you first complained',
  'body.needs': 'Formats',
  'body.support': 'Support',
  'body.formal': 'Formal complaint',
  'body.attachments': 'Files',
};

/** A fresh Idempotency-Key: crypto.randomUUID needs a secure context, getRandomValues does not. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const optional = (value: string) => value.trim() || undefined;

function toBody(a: Answers): Schemas['OnlineComplaintInput'] {
  const addressLines = a.address
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const needs = Object.values(a.needs).some(Boolean) ? a.needs : undefined;
  return {
    name: a.name.trim(),
    email: optional(a.email),
    phone: optional(a.phone),
    addressLines: addressLines.length ? addressLines : undefined,
    postcode: optional(a.postcode),
    customerType: a.customerType ?? 'residential',
    category: a.category ?? 'other',
    whatHappened: a.whatHappened.trim(),
    whatYouWant: optional(a.whatYouWant),
    firstComplainedOn: optional(a.firstComplainedOn),
    needs,
    support: optional(a.support),
    formal: a.formal === 'yes',
  };
}

function check(a: Answers, today: string): FormError[] {
  const errors: FormError[] = [];
  const add = (inputId: string, message: string) => errors.push({ inputId, message });
  if (!a.name.trim()) add('name', 'Enter your name');
  if (!a.email.trim() && !a.phone.trim()) {
    add('email', 'Enter an email address or a phone number, so that we can reply');
  } else if (a.email.trim() && !EMAIL_ADDRESS.test(a.email.trim())) {
    add('email', 'Enter an email address in the right format, like name@example.com');
  }
  if (a.address.split('\n').filter((l) => l.trim()).length > 6) {
    add('address', 'Enter your address in 6 lines or fewer');
  }
  if (!a.customerType) add('customerType', 'Select who is complaining');
  if (!a.category) add('category', 'Select what your complaint is about');
  if (!a.whatHappened.trim()) add('whatHappened', 'Tell us what happened');
  if (a.firstComplainedOn && a.firstComplainedOn > today) {
    add('firstComplainedOn', 'The date you first complained must be today or in the past');
  }
  if (!a.formal) add('formal', 'Select whether you want to make a formal complaint');
  return errors;
}

export function RaisePage() {
  const procedure = useProcedure().data?.procedure;
  const [answers, setAnswers] = useState<Answers>(EMPTY);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  // One key per version of the answers: a retry of the same answers cannot make a second complaint.
  const [key, setKey] = useState(newKey);
  const today = londonToday();
  const update = <K extends keyof Answers>(field: K, value: Answers[K]) => {
    setAnswers((a) => ({ ...a, [field]: value }));
    setKey(newKey());
  };
  const send = useMutation({
    mutationFn: async (body: Schemas['OnlineComplaintInput']) => {
      const attachments = files.length ? await uploadsOf(files) : undefined;
      return unwrap(
        api.POST('/api/v1/portal/complaints', {
          body: { ...body, attachments },
          params: { header: { 'idempotency-key': key } },
        }),
      );
    },
    onSuccess: () => window.scrollTo(0, 0),
    onError: (error) => setErrors(formErrors(error, FIELDS, LABELS)),
  });

  if (send.data) {
    return (
      <RaiseConfirmation
        raised={send.data}
        customerType={answers.customerType ?? 'residential'}
        email={answers.email.trim() || null}
      />
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = [
      ...check(answers, today),
      ...fileProblems(files).map((message) => ({ inputId: 'attachments', message: `Files: ${message}` })),
    ];
    setErrors(found);
    if (!found.length) send.mutate(toBody(answers));
  };
  const text = (field: 'name' | 'email' | 'phone' | 'postcode' | 'firstComplainedOn') => ({
    id: field,
    value: answers[field],
    onChange: (e: { currentTarget: { value: string } }) => update(field, e.currentTarget.value),
    error: errorFor(errors, field),
  });
  const area = (field: 'address' | 'whatHappened' | 'whatYouWant' | 'support') => ({
    id: field,
    value: answers[field],
    onChange: (e: { currentTarget: { value: string } }) => update(field, e.currentTarget.value),
    error: errorFor(errors, field),
    autosize: true,
  });
  const scheme = procedure?.adrScheme.nameInText ?? 'the independent ombudsman';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={640}>
        <PageHeading title="Make a complaint" site={procedure?.company.tradingName} />
        <Text>
          Tell us what went wrong and what you would like us to do. Fields marked * are required. It takes
          about five minutes.
        </Text>
        <ErrorSummary errors={errors} />

        <TextInput label="Your name" autoComplete="name" required {...text('name')} />
        <TextInput
          label="Email address"
          description="Give an email address or a phone number (or both), so that we can reply."
          type="email"
          autoComplete="email"
          spellCheck={false}
          {...text('email')}
        />
        <TextInput label="Phone number" type="tel" autoComplete="tel" {...text('phone')} />
        <Textarea
          label="Postal address (optional)"
          description="Each part on its own line. We need it only if you would like letters by post."
          autoComplete="street-address"
          minRows={3}
          {...area('address')}
        />
        <TextInput label="Postcode (optional)" autoComplete="postal-code" maw={200} {...text('postcode')} />

        <RadioFieldset
          id="customerType"
          legend="Who is complaining?"
          hint={`If we cannot resolve your complaint, households, and small businesses and not-for-profit organisations with 10 or fewer workers, can take it to ${scheme} free of charge (alternative dispute resolution, or ADR). Larger businesses cannot use ADR.`}
          required
          value={answers.customerType}
          onChange={(value) => update('customerType', value)}
          options={CUSTOMER_TYPES.map(({ value, label }) => ({ value, label }))}
          error={errorFor(errors, 'customerType')}
        />

        <RadioFieldset
          id="category"
          legend="What is your complaint about?"
          required
          value={answers.category}
          onChange={(value) => update('category', value)}
          options={(procedure?.categories ?? []).map((value) => ({ value, label: categoryWords(value) }))}
          error={errorFor(errors, 'category')}
        />

        <Textarea
          label="What happened?"
          description="In your own words: what went wrong, and when. Include your account number if you have it."
          required
          minRows={5}
          {...area('whatHappened')}
        />
        <Textarea
          label="What would you like us to do? (optional)"
          description="For example, fix a fault, correct a bill, or refund a charge."
          minRows={3}
          {...area('whatYouWant')}
        />
        <TextInput
          label="When did you first complain to us about this? (optional)"
          description="Only if you have told us about this problem before. Our time limits count from that day."
          type="date"
          max={today}
          maw={240}
          {...text('firstComplainedOn')}
        />

        <FileField
          id="attachments"
          label="Files that show what happened (optional)"
          files={files}
          onChange={(chosen) => {
            setFiles(chosen);
            setKey(newKey());
          }}
          error={errorFor(errors, 'attachments')}
        />

        <RadioFieldset
          id="formal"
          legend="Do you want to make a formal complaint?"
          hint="We handle every complaint under our Complaints Code. Saying yes records that you asked for a formal complaint."
          required
          value={answers.formal}
          onChange={(value) => update('formal', value)}
          options={[
            { value: 'yes', label: 'Yes, I want to make a formal complaint' },
            { value: 'no', label: 'No' },
          ]}
          error={errorFor(errors, 'formal')}
        />

        <CheckboxFieldset<Need>
          id="needs"
          legend="Do you need us to contact you in another way?"
          hint="Select all that apply."
          values={answers.needs}
          onChange={(need, checked) => update('needs', { ...answers.needs, [need]: checked })}
          options={[
            { value: 'largePrint', label: 'Letters in large print' },
            { value: 'braille', label: 'Letters in braille' },
            { value: 'textRelay', label: 'Calls through Relay UK (text relay)' },
          ]}
          error={errorFor(errors, 'needs')}
        />
        <Textarea
          label="Is there anything that makes it harder for you to deal with us? (optional)"
          description="For example a health condition, a disability, or a difficult time in your life. We use this only to support you."
          minRows={2}
          {...area('support')}
        />

        <div>
          <Button type="submit" size="md" loading={send.isPending}>
            Send complaint
          </Button>
        </div>
      </Stack>
    </form>
  );
}
