/**
 * Closing a complaint by hand, for the reasons staff decide (the clocks close the others): the ombudsman's
 * decision implemented or not accepted, or the ADR window gone by.
 */
import { NativeSelect, Textarea } from '@mantine/core';
import { optionalText, useFields } from '../../../ui/fields.ts';
import { ActionDialog } from '../ActionDialog.tsx';
import { CLOSURE_WORDS } from '../words.ts';
import type { CommandFormProps } from './types.ts';

const CLOSE_REASONS = [
  'ombudsman-decision-implemented',
  'ombudsman-decision-not-accepted',
  'adr-window-expired',
] as const;
type CloseReason = (typeof CLOSE_REASONS)[number];

const isCloseReason = (value: string): value is CloseReason =>
  (CLOSE_REASONS as readonly string[]).includes(value);

export function CloseForm({ complaint }: CommandFormProps) {
  const form = useFields({
    reason: {
      id: 'close-reason',
      label: 'Reason for closing',
      initial: '',
      need: 'required',
      missing: 'choose one',
    },
    rootCause: { id: 'close-root-cause', label: 'Root cause', initial: '', need: 'optional' },
    lessons: { id: 'close-lessons', label: 'Lessons learned', initial: '', need: 'optional' },
  });
  const { reason, rootCause, lessons } = form.values;
  return (
    <ActionDialog
      reference={complaint.reference}
      command="close"
      label="Close complaint"
      title="Close the complaint"
      submitLabel="Confirm closure"
      buttonProps={{ variant: 'default' }}
      paths={form.paths}
      body={() =>
        isCloseReason(reason)
          ? { reason, rootCause: optionalText(rootCause), lessons: optionalText(lessons) }
          : form.missing()
      }
    >
      {({ errors }) => (
        <>
          <NativeSelect
            {...form.text('reason', errors)}
            data={[
              { value: '', label: 'Choose a reason' },
              ...CLOSE_REASONS.map((r) => ({ value: r, label: CLOSURE_WORDS[r] ?? r })),
            ]}
          />
          <Textarea {...form.text('rootCause', errors)} autosize minRows={2} />
          <Textarea {...form.text('lessons', errors)} autosize minRows={2} />
        </>
      )}
    </ActionDialog>
  );
}
