/**
 * Logging a call, letter or meeting with the customer on the timeline, now or at a time in the past; internal
 * unless staff choose to show its summary to the customer in the portal.
 */
import { Checkbox, Group, NativeSelect, Radio, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useFields } from '../../../ui/fields.ts';
import { londonLocalToIso, londonNowLocal } from '../../../ui/format.ts';
import { ActionDialog } from '../ActionDialog.tsx';
import type { Complaint } from '../api.ts';
import { CHANNEL_WORDS } from '../words.ts';
import type { CommandFormProps } from './types.ts';

export function LogContactForm({ complaint }: CommandFormProps) {
  const form = useFields({
    channel: { id: 'contact-channel', label: 'Channel', initial: 'phone' },
    direction: { id: 'contact-direction', label: 'Direction', initial: 'in' },
    summary: { id: 'contact-summary', label: 'Summary', initial: '', need: 'required' },
    when: {
      id: 'contact-when',
      label: 'When',
      inputLabel: 'When (UK time)',
      initial: londonNowLocal(),
      path: 'occurredAt',
    },
    visible: {
      id: 'contact-visible',
      label: 'Show this summary to the customer in the portal',
      initial: false,
      path: 'visibleToCustomer',
    },
  });
  // Left as it was, the contact is recorded as happening now (when it is saved), to the second.
  const [whenTouched, setWhenTouched] = useState(false);
  const { channel, direction, summary, when } = form.values;
  return (
    <ActionDialog
      reference={complaint.reference}
      command="log-contact"
      label="Log a contact"
      title="Log a contact with the customer"
      submitLabel="Save contact"
      keepFocus
      buttonProps={{ variant: 'default' }}
      paths={form.paths}
      body={() => {
        const errors = form.missing();
        const occurredAt = when && whenTouched ? londonLocalToIso(when) : undefined;
        if (occurredAt === null)
          errors.push({ inputId: form.id('when'), message: 'When: enter a date and time' });
        else if (occurredAt && new Date(occurredAt).getTime() > Date.now() + 60_000)
          errors.push({ inputId: form.id('when'), message: 'When: must not be in the future' });
        if (errors.length) return errors;
        return {
          channel: channel as Complaint['channel'],
          direction: direction === 'out' ? 'out' : 'in',
          summary: summary.trim(),
          occurredAt: occurredAt ?? undefined,
          visibleToCustomer: form.values.visible,
        };
      }}
      onDone={() => {
        form.set('summary', '');
        form.set('when', londonNowLocal());
        form.set('visible', false);
        setWhenTouched(false);
      }}
    >
      {({ errors }) => (
        <>
          <NativeSelect
            {...form.text('channel', errors)}
            data={Object.entries(CHANNEL_WORDS).map(([value, label]) => ({ value, label }))}
          />
          <Radio.Group {...form.choice('direction', errors)}>
            <Group gap="lg" mt="xs">
              <Radio id={form.id('direction')} value="in" label="From the customer" />
              <Radio value="out" label="To the customer" />
            </Group>
          </Radio.Group>
          <Textarea {...form.text('summary', errors)} autosize minRows={3} />
          <Checkbox
            {...form.check('visible')}
            description="Staff contacts are internal unless ticked. The customer always sees what they sent us themselves."
          />
          <TextInput
            {...form.text('when', errors)}
            type="datetime-local"
            onChange={(e) => {
              form.set('when', e.currentTarget.value);
              setWhenTouched(true);
            }}
          />
        </>
      )}
    </ActionDialog>
  );
}
