/** Marking one agreed step done, with an optional note of what was done. */
import { Text, Textarea } from '@mantine/core';
import { optionalText, useFields } from '../../../ui/fields.ts';
import { ActionDialog } from '../ActionDialog.tsx';
import type { Complaint, Step } from '../api.ts';

export function CompleteStepForm({
  complaint,
  step,
  index,
}: {
  complaint: Complaint;
  step: Step;
  index: number;
}) {
  const form = useFields({
    // A refusal about the step itself (done already, unknown) is shown at its note: the only input here.
    note: { id: `step-note-${step.id}`, label: 'Note', initial: '', need: 'optional', alsoPaths: ['stepId'] },
  });
  return (
    <ActionDialog
      reference={complaint.reference}
      command="complete-step"
      // Named for its step: several of these sit side by side in the Next step panel.
      label={`Mark step ${index + 1} done: ${step.description}`}
      title={`Mark step ${index + 1} done`}
      submitLabel="Confirm step done"
      doneMessage={`Step ${index + 1} marked done`}
      buttonProps={{
        variant: 'light',
        h: 'auto',
        mih: 36,
        py: 6,
        // A long step description wraps instead of running off a phone's screen.
        styles: { label: { whiteSpace: 'normal', textAlign: 'left' } },
      }}
      paths={form.paths}
      body={() => ({ stepId: step.id, note: optionalText(form.values.note) })}
    >
      {({ errors }) => (
        <>
          <Text size="sm" className="user-text">
            {step.description}
          </Text>
          <Textarea {...form.text('note', errors)} description="What was done." autosize minRows={2} />
        </>
      )}
    </ActionDialog>
  );
}
