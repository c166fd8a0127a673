/** A new customer's details: name and contact, postal address, type, format needs and vulnerability. */
import { Checkbox, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { FormError } from '../../ui/ErrorSummary.tsx';
import { errorFor } from '../../ui/ErrorSummary.tsx';
import { type CallForm, type CustomerType, INPUT } from './callForm.ts';

const TYPES: { value: CustomerType; label: string; hint: string }[] = [
  { value: 'residential', label: 'Residential', hint: 'A person or household' },
  { value: 'small-business', label: 'Small business', hint: '10 or fewer workers' },
  {
    value: 'not-for-profit',
    label: 'Not-for-profit',
    hint: 'A charity or community group with 10 or fewer workers',
  },
  {
    value: 'large-business',
    label: 'Large business',
    hint: 'More than 10 workers: cannot use the ADR scheme',
  },
];

const fieldset = { border: 0, margin: 0, padding: 0, minWidth: 0 } as const;

interface Props {
  form: CallForm;
  set: (changes: Partial<CallForm>) => void;
  errors: FormError[];
}

export function NewCustomerFields({ form, set, errors }: Props) {
  const typeError = errorFor(errors, INPUT.type);
  const needsError = errorFor(errors, INPUT.needs);
  return (
    <Stack gap="sm">
      <TextInput
        id={INPUT.name}
        label="Customer name"
        required
        autoComplete="off"
        value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={errorFor(errors, INPUT.name)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          id={INPUT.email}
          label="Email"
          type="email"
          autoComplete="off"
          value={form.email}
          onChange={(e) => set({ email: e.currentTarget.value })}
          error={errorFor(errors, INPUT.email)}
        />
        <TextInput
          id={INPUT.phone}
          label="Phone"
          type="tel"
          autoComplete="off"
          value={form.phone}
          onChange={(e) => set({ phone: e.currentTarget.value })}
          error={errorFor(errors, INPUT.phone)}
        />
      </SimpleGrid>
      <Textarea
        id={INPUT.address}
        label="Postal address"
        description="One line of the address per line, without the postcode"
        autosize
        minRows={3}
        value={form.address}
        onChange={(e) => set({ address: e.currentTarget.value })}
        error={errorFor(errors, INPUT.address)}
      />
      <TextInput
        id={INPUT.postcode}
        label="Postcode"
        maw="12rem"
        autoComplete="off"
        value={form.postcode}
        onChange={(e) => set({ postcode: e.currentTarget.value })}
        error={errorFor(errors, INPUT.postcode)}
      />
      <fieldset style={fieldset} aria-describedby={typeError ? 'customer-type-error' : undefined}>
        <Text component="legend" fw={500} size="sm" mb={6}>
          Customer type
        </Text>
        <Stack gap={6}>
          {TYPES.map((t, i) => (
            <Radio
              key={t.value}
              id={i === 0 ? INPUT.type : `customer-type-${t.value}`}
              name="customer-type"
              value={t.value}
              label={t.label}
              description={t.hint}
              checked={form.type === t.value}
              onChange={() => set({ type: t.value })}
            />
          ))}
        </Stack>
        {typeError && (
          <Text id="customer-type-error" c="red.9" size="sm" mt={4}>
            {typeError}
          </Text>
        )}
      </fieldset>
      <fieldset style={fieldset} aria-describedby={needsError ? 'customer-needs-error' : undefined}>
        <Text component="legend" fw={500} size="sm" mb={6}>
          Format needs
        </Text>
        <Stack gap={6}>
          <Checkbox
            id={INPUT.needs}
            label="Large print"
            checked={form.largePrint}
            onChange={(e) => set({ largePrint: e.currentTarget.checked })}
          />
          <Checkbox
            id="need-braille"
            label="Braille"
            checked={form.braille}
            onChange={(e) => set({ braille: e.currentTarget.checked })}
          />
          <Checkbox
            id="need-text-relay"
            label="Text relay"
            checked={form.textRelay}
            onChange={(e) => set({ textRelay: e.currentTarget.checked })}
          />
        </Stack>
        {needsError && (
          <Text id="customer-needs-error" c="red.9" size="sm" mt={4}>
            {needsError}
          </Text>
        )}
      </fieldset>
      <NativeSelect
        id={INPUT.preferredChannel}
        label="How they prefer to be contacted"
        maw="20rem"
        value={form.preferredChannel}
        onChange={(e) => set({ preferredChannel: e.currentTarget.value as CallForm['preferredChannel'] })}
        data={[
          { value: '', label: 'No preference given' },
          { value: 'phone', label: 'Phone' },
          { value: 'email', label: 'Email' },
          { value: 'letter', label: 'Letter' },
          { value: 'textphone', label: 'Textphone' },
        ]}
        error={errorFor(errors, INPUT.preferredChannel)}
      />
      <Textarea
        id={INPUT.vulnerabilityNotes}
        label="Vulnerability or support needs"
        description="Anything that makes it harder for them to complain, or that we must allow for (with their consent)"
        autosize
        minRows={2}
        value={form.vulnerabilityNotes}
        onChange={(e) => set({ vulnerabilityNotes: e.currentTarget.value })}
        error={errorFor(errors, INPUT.vulnerabilityNotes)}
      />
    </Stack>
  );
}
