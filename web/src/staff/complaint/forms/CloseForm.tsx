/**
 * Closing a complaint by hand, for the reasons staff decide (the clocks close the others): the ombudsman's
 * decision implemented or not accepted, or the ADR window gone by.
 */
import { NativeSelect } from '@mantine/core';
import { optionalText, useFields } from '../../../ui/fields.ts';
import { ActionDialog } from '../ActionDialog.tsx';
import { CLOSURE_WORDS } from '../words.ts';
import { RootCauseFields, rootCauseSpecs } from './RootCauseFields.tsx';
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
    ...rootCauseSpecs('close', complaint),
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
      body={() => {
        const missing = form.missing();
        return isCloseReason(reason) && !missing.length
          ? { reason, rootCause: optionalText(rootCause), lessons: optionalText(lessons) }
          : missing;
      }}
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
          <RootCauseFields
            rootCause={form.text('rootCause', errors)}
            lessons={form.text('lessons', errors)}
          />
        </>
      )}
    </ActionDialog>
  );
}
