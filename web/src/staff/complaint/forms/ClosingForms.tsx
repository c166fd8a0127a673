/**
 * Closing by withdrawal, and recording the root cause of a complaint closed without one (the customer said
 * "yes, it is sorted" in the portal, or the clock closed it): both say what caused the complaint.
 */
import { Textarea } from '@mantine/core';
import { optionalText, useFields } from '../../../ui/fields.ts';
import { ActionDialog } from '../ActionDialog.tsx';
import { RootCauseFields, rootCauseSpecs } from './RootCauseFields.tsx';
import type { CommandFormProps } from './types.ts';

export function WithdrawForm({ complaint }: CommandFormProps) {
  const form = useFields({
    reason: { id: 'withdraw-reason', label: 'Reason', initial: '', need: 'required' },
    ...rootCauseSpecs('withdraw', complaint),
  });
  const { reason, rootCause, lessons } = form.values;
  return (
    <ActionDialog
      reference={complaint.reference}
      command="withdraw"
      label="Withdraw complaint"
      title="The customer withdraws the complaint"
      submitLabel="Confirm withdrawal"
      buttonProps={{ variant: 'default' }}
      paths={form.paths}
      body={() => {
        const missing = form.missing();
        return missing.length
          ? missing
          : { reason: reason.trim(), rootCause: optionalText(rootCause), lessons: optionalText(lessons) };
      }}
      onDone={form.reset}
    >
      {({ errors }) => (
        <>
          <Textarea
            {...form.text('reason', errors)}
            description="What the customer said when withdrawing the complaint."
            autosize
            minRows={3}
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

export function RecordRootCauseForm({ complaint }: CommandFormProps) {
  const form = useFields({
    ...rootCauseSpecs('record', { rootCauseRequired: true }),
  });
  const { rootCause, lessons } = form.values;
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-root-cause"
      label={complaint.closure?.rootCause ? 'Correct root cause' : 'Record root cause'}
      title="What caused the complaint"
      submitLabel="Save root cause"
      buttonProps={{ variant: complaint.closure?.rootCause ? 'default' : 'filled' }}
      paths={form.paths}
      body={() => {
        const missing = form.missing();
        return missing.length ? missing : { rootCause, lessons: optionalText(lessons) };
      }}
      onDone={form.reset}
    >
      {({ errors }) => (
        <RootCauseFields rootCause={form.text('rootCause', errors)} lessons={form.text('lessons', errors)} />
      )}
    </ActionDialog>
  );
}
