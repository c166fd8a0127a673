/**
 * The commands whose form is one required text (a reason, findings, a note): the same dialog with different
 * words, so each is written as its words only.
 */
import { Alert, type ButtonProps, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFields } from '../../../ui/fields.ts';
import { formatDay, londonToday } from '../../../ui/format.ts';
import { ActionDialog } from '../ActionDialog.tsx';
import type { CommandBody, Complaint, StaffCommand } from '../api.ts';
import type { CommandFormProps, FormComponent } from './types.ts';

interface TextCommand<N extends StaffCommand> {
  command: N;
  /** The opening button's text. */
  label: string;
  title: string;
  submitLabel: string;
  buttonProps?: ButtonProps;
  submitColor?: string;
  /** The command leaves its button in place: focus goes back to it. */
  keepFocus?: boolean;
  /**
   * The body field the text goes in (`reason`), and the input that holds it; `inputLabel` when the visible
   * label says more (that the customer will read it).
   */
  field: { name: string; id: string; label: string; inputLabel?: string; description?: string };
  /** It writes to the customer: preview what they will get before confirming. */
  preview?: boolean;
  toBody: (text: string) => CommandBody<N>;
  /** What the person should know before they confirm. */
  intro?: (complaint: Complaint) => ReactNode;
}

function TextCommandForm<N extends StaffCommand>({
  complaint,
  spec,
}: {
  complaint: Complaint;
  spec: TextCommand<N>;
}) {
  const { command, field, toBody, intro, ...dialog } = spec;
  const form = useFields({
    text: {
      id: field.id,
      label: field.label,
      ...(field.inputLabel ? { inputLabel: field.inputLabel } : {}),
      initial: '',
      need: 'required',
      path: field.name,
    },
  });
  return (
    <ActionDialog
      {...dialog}
      reference={complaint.reference}
      command={command}
      paths={form.paths}
      body={() => {
        const missing = form.missing();
        return missing.length ? missing : toBody(form.values.text.trim());
      }}
      onDone={form.reset}
    >
      {({ errors }) => (
        <>
          {intro?.(complaint)}
          <Textarea {...form.text('text', errors)} description={field.description} autosize minRows={3} />
        </>
      )}
    </ActionDialog>
  );
}

/** The form of one text command, in the shape the command records hold. */
function textCommandForm<N extends StaffCommand>(spec: TextCommand<N>): FormComponent {
  return ({ complaint }: CommandFormProps) => <TextCommandForm complaint={complaint} spec={spec} />;
}

export const RecordReviewForm = textCommandForm({
  command: 'record-review',
  label: 'Record review',
  title: 'Record the review’s findings',
  submitLabel: 'Save review',
  field: {
    name: 'findings',
    id: 'review-findings',
    label: 'Findings',
    description: 'What the review found: what happened, why, and what the records show.',
  },
  toBody: (findings) => ({ findings }),
});

export const NotPracticalForm = textCommandForm({
  command: 'not-practical',
  label: 'Immediate action not practical',
  title: 'Immediate action is not practical',
  submitLabel: 'Move to detailed review',
  buttonProps: { variant: 'default' },
  field: {
    name: 'reason',
    id: 'not-practical-reason',
    label: 'Reason',
    description: 'Why it cannot be put right now.',
  },
  toBody: (reason) => ({ reason }),
  intro: () => (
    <Text size="sm">The complaint goes to Resolution Attempt 2, a detailed review by a reviewer.</Text>
  ),
});

export const EscalateForm = textCommandForm({
  command: 'escalate',
  label: 'Escalate',
  title: 'Escalate to the next resolution attempt',
  submitLabel: 'Escalate complaint',
  buttonProps: { variant: 'default' },
  field: { name: 'reason', id: 'escalate-reason', label: 'Reason for escalating' },
  toBody: (reason) => ({ reason }),
});

export const DeclareDeadlockForm = textCommandForm({
  command: 'declare-deadlock',
  label: 'Declare deadlock',
  title: 'Declare deadlock',
  submitLabel: 'Declare deadlock and issue the ADR letter',
  submitColor: 'red.9',
  buttonProps: { variant: 'outline', color: 'red.9' },
  field: {
    name: 'reason',
    id: 'deadlock-reason',
    label: 'Reason for deadlock',
    inputLabel: 'Reason for deadlock — quoted to the customer as our final position',
    description:
      'Why nothing further can be done. The ADR letter prints these words, as written, under “Our final position”: write them to the customer.',
  },
  preview: true,
  toBody: (reason) => ({ reason }),
  intro: (complaint) => (
    <Alert color="red" variant="light" title="This issues the ADR letter today">
      <Text size="sm">
        Declaring deadlock ends the resolution attempts. The deadlock (ADR) letter is issued today,{' '}
        {formatDay(londonToday())}
        {complaint.adr.eligible
          ? `, telling the customer they can take the complaint to ${complaint.adr.scheme}.`
          : '.'}{' '}
        This cannot be undone.
      </Text>
    </Alert>
  ),
});

export const AddNoteForm = textCommandForm({
  command: 'add-note',
  label: 'Add a note',
  title: 'Add an internal note',
  submitLabel: 'Save note',
  keepFocus: true,
  buttonProps: { variant: 'default' },
  field: {
    name: 'text',
    id: 'note-text',
    label: 'Internal note',
    description: 'For staff only: never shown to the customer.',
  },
  toBody: (text) => ({ text }),
});
