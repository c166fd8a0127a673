/**
 * Log a complaint (`/staff/log-call`, the address kept from when it took only calls): a complaint taken by
 * phone, textphone, letter or in person, in one short form. The channel is chosen, the customer found or
 * recorded, the complaint described, and on saving the CRN is shown large to read out or write down.
 */
import {
  Button,
  Checkbox,
  Fieldset,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useProcedure } from '../../procedure.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { humanize, londonToday } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { ChosenCustomer, CustomerSearch } from './CustomerPicker.tsx';
import {
  type CallForm,
  type Category,
  check,
  emptyForm,
  FIELD_LABELS,
  fieldMap,
  INPUT,
  LOGGED_CHANNELS,
  type LoggedChannel,
  type NewComplaint,
  newIdempotencyKey,
  toBody,
} from './callForm.ts';
import { NewCustomerFields } from './NewCustomerFields.tsx';
import { SavedComplaint } from './SavedComplaint.tsx';

export function LogCallPage() {
  const queryClient = useQueryClient();
  const categories = useProcedure().data?.procedure.categories ?? [];
  const [form, setForm] = useState<CallForm>(emptyForm);
  // One key per form: a double submit or a retry after a lost answer records one complaint.
  const [key, setKey] = useState(newIdempotencyKey);
  const [clientErrors, setClientErrors] = useState<FormError[]>([]);
  const set = (changes: Partial<CallForm>) => setForm((f) => ({ ...f, ...changes }));

  const save = useMutation({
    mutationFn: (body: NewComplaint) =>
      unwrap(api.POST('/api/v1/complaints', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['queues'] });
      queryClient.invalidateQueries({ queryKey: ['complaints'] });
    },
  });
  const errors = clientErrors.length ? clientErrors : formErrors(save.error, fieldMap(form), FIELD_LABELS);

  const anotherCall = () => {
    setForm(emptyForm());
    setKey(newIdempotencyKey());
    setClientErrors([]);
    save.reset();
    // After the new form renders, start where a call starts: finding the caller.
    setTimeout(() => document.getElementById(INPUT.search)?.focus(), 0);
  };

  if (save.isSuccess) {
    return (
      <SavedComplaint
        reference={save.data.reference}
        replayed={save.data.replayed}
        channel={form.channel}
        onAnother={anotherCall}
      />
    );
  }

  const today = londonToday();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems = check(form, today);
    setClientErrors(problems);
    if (problems.length) return;
    save.mutate(toBody(form, today));
  };

  return (
    // Mantine's default error red (shade 6) is too light for small text on white; shade 9 passes 4.5:1.
    <Stack gap="md" maw="48rem" style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' }}>
      <PageHeading title="Log a complaint (phone, letter, in person)" />
      <Text c="dimmed">
        A complaint made by phone, textphone, letter or in person. Emails and the web form arrive by
        themselves. Required fields are marked with an asterisk (*).
      </Text>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Radio.Group
            label="How the complaint reached us"
            withAsterisk
            value={form.channel}
            onChange={(value) => set({ channel: value as LoggedChannel })}
            error={errorFor(errors, INPUT.channel)}
          >
            <Stack gap="xs" mt="xs">
              {LOGGED_CHANNELS.map((c) => (
                <Radio key={c.value} id={`channel-${c.value}`} value={c.value} label={c.label} />
              ))}
            </Stack>
          </Radio.Group>
          <Fieldset legend="Customer">
            <Stack gap="md">
              {form.customer ? (
                <ChosenCustomer customer={form.customer} onChange={() => set({ customer: null })} />
              ) : (
                <>
                  <CustomerSearch onPick={(customer) => set({ customer })} />
                  <Text fw={700} mt="sm">
                    Or record a new customer
                  </Text>
                  <NewCustomerFields form={form} set={set} errors={errors} />
                </>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend="The complaint">
            <Stack gap="sm">
              <NativeSelect
                id={INPUT.category}
                label="Category"
                required
                maw="20rem"
                value={form.category}
                onChange={(e) => set({ category: e.currentTarget.value as Category | '' })}
                data={[
                  { value: '', label: 'Choose a category' },
                  ...categories.map((c) => ({ value: c, label: humanize(c) })),
                ]}
                error={errorFor(errors, INPUT.category)}
              />
              <Textarea
                id={INPUT.description}
                label="What happened"
                description="Your account of the complaint, for colleagues: what happened and what the records show"
                required
                autosize
                minRows={4}
                value={form.description}
                onChange={(e) => set({ description: e.currentTarget.value })}
                error={errorFor(errors, INPUT.description)}
              />
              <Textarea
                id={INPUT.customerWords}
                label="In the customer’s words (optional) — quoted back to them in letters"
                description="What the customer said, as they said it. Letters quote this; without it they quote “What happened” as our record, not as their words."
                autosize
                minRows={3}
                value={form.customerWords}
                onChange={(e) => set({ customerWords: e.currentTarget.value })}
                error={errorFor(errors, INPUT.customerWords)}
              />
              <Textarea
                id={INPUT.desiredOutcome}
                label="What they want"
                description="What the customer wants us to do to put it right"
                autosize
                minRows={2}
                value={form.desiredOutcome}
                onChange={(e) => set({ desiredOutcome: e.currentTarget.value })}
                error={errorFor(errors, INPUT.desiredOutcome)}
              />
              <TextInput
                id={INPUT.firstDay}
                type="date"
                label="When they first complained"
                description="The first time they told us they were unhappy about this. The ADR time limit counts from this date."
                required
                styles={{ input: { maxWidth: '14rem' } }}
                max={today}
                value={form.firstDay}
                onChange={(e) => set({ firstDay: e.currentTarget.value })}
                error={errorFor(errors, INPUT.firstDay)}
              />
              <Checkbox
                id={INPUT.formal}
                label="They asked for a formal complaint"
                description="Record it if they used these words; every complaint follows the same procedure"
                checked={form.formal}
                onChange={(e) => set({ formal: e.currentTarget.checked })}
                error={errorFor(errors, INPUT.formal)}
              />
            </Stack>
          </Fieldset>
          <div>
            <Button type="submit" loading={save.isPending}>
              Save complaint
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
