/** The customer's answers: to the proposal (agreed or declined) and to the follow-up (satisfied or not). */
import { Radio, Stack, Textarea } from '@mantine/core';
import { optionalText, useFields } from '../../../ui/fields.ts';
import { ActionDialog } from '../ActionDialog.tsx';
import { RootCauseFields, rootCauseSpecs } from './RootCauseFields.tsx';
import type { CommandFormProps } from './types.ts';

export function RecordResponseForm({ complaint }: CommandFormProps) {
  const form = useFields({
    outcome: {
      id: 'response-outcome',
      label: 'Customer’s response',
      initial: '',
      need: 'required',
      missing: 'choose agreed or declined',
    },
    note: { id: 'response-note', label: 'Note', initial: '', need: 'optional' },
  });
  const { outcome, note } = form.values;
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-response"
      label="Record customer’s response"
      ariaLabel="Record customer's response"
      title="Record the customer’s response to the proposal"
      submitLabel="Save response"
      doneMessage={(c) =>
        outcome === 'agreed'
          ? 'Customer’s response saved: they agreed to the proposal'
          : `Customer’s response saved: they declined the proposal. Now at ${c.stageName}`
      }
      paths={form.paths}
      body={() =>
        outcome === 'agreed' || outcome === 'declined'
          ? { outcome, note: optionalText(note) }
          : form.missing()
      }
    >
      {({ errors }) => (
        <>
          <Radio.Group {...form.choice('outcome', errors)}>
            <Stack gap="xs" mt="xs">
              <Radio id={form.id('outcome')} value="agreed" label="Agreed to the proposal" />
              <Radio value="declined" label="Declined the proposal (escalates to the next attempt)" />
            </Stack>
          </Radio.Group>
          <Textarea {...form.text('note', errors)} autosize minRows={2} />
        </>
      )}
    </ActionDialog>
  );
}

export function RecordFollowUpForm({ complaint }: CommandFormProps) {
  const form = useFields({
    outcome: {
      id: 'follow-up-outcome',
      label: 'Outcome',
      initial: '',
      need: 'required',
      missing: 'choose how the customer answered',
    },
    note: { id: 'follow-up-note', label: 'Note', initial: '', need: 'optional' },
    // Staff closing it say what caused it; required from the stage the procedure names.
    ...rootCauseSpecs('follow-up', complaint),
  });
  const { outcome, note, rootCause, lessons } = form.values;
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-follow-up"
      label="Record follow-up"
      title="Record the follow-up with the customer"
      submitLabel="Save follow-up"
      doneMessage={(c) =>
        outcome === 'no-response'
          ? 'Follow-up recorded: no response, so chase the customer'
          : `Follow-up recorded. Now at ${c.stageName}`
      }
      paths={form.paths}
      body={() => {
        // The root cause is asked for only when the answer closes the complaint.
        const missing = form
          .missing()
          .filter((e) => outcome === 'satisfied' || e.inputId !== form.id('rootCause'));
        if (missing.length) return missing;
        return outcome === 'satisfied'
          ? {
              outcome,
              note: optionalText(note),
              rootCause: optionalText(rootCause),
              lessons: optionalText(lessons),
            }
          : outcome === 'not-satisfied' || outcome === 'no-response'
            ? { outcome, note: optionalText(note) }
            : form.missing();
      }}
    >
      {({ errors }) => (
        <>
          <Radio.Group
            {...form.choice('outcome', errors)}
            description="Is the customer satisfied that the complaint is resolved?"
          >
            <Stack gap="xs" mt="xs">
              <Radio id={form.id('outcome')} value="satisfied" label="Satisfied (closes the complaint)" />
              <Radio value="not-satisfied" label="Not satisfied (escalates to the next attempt)" />
              <Radio value="no-response" label="No response (starts chasing the customer)" />
            </Stack>
          </Radio.Group>
          <Textarea {...form.text('note', errors)} autosize minRows={2} />
          {outcome === 'satisfied' && (
            <RootCauseFields
              rootCause={form.text('rootCause', errors)}
              lessons={form.text('lessons', errors)}
            />
          )}
        </>
      )}
    </ActionDialog>
  );
}
