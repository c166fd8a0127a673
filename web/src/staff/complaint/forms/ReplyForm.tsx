/**
 * Write to the customer: a subject and a message, started from a template or typed, shown as the customer
 * will get it (the email, or the letter for a customer who takes post) before it is sent.
 */
import { Text, Textarea, TextInput } from '@mantine/core';
import { useFields } from '../../../ui/fields.ts';
import { TemplatePicker } from '../../templates/TemplatePicker.tsx';
import { ActionDialog } from '../ActionDialog.tsx';
import type { CommandFormProps } from './types.ts';

export function ReplyForm({ complaint }: CommandFormProps) {
  const form = useFields({
    subject: { id: 'reply-subject', label: 'Subject', initial: '', need: 'required' },
    body: {
      id: 'reply-body',
      label: 'Message',
      inputLabel: 'Message (sent to the customer as written)',
      initial: '',
      need: 'required',
    },
  });
  const byPost = complaint.customer?.preferredChannel === 'letter' || !complaint.customer?.email;
  return (
    <ActionDialog
      reference={complaint.reference}
      command="reply"
      label="Write to the customer"
      title="Write to the customer"
      submitLabel={byPost ? 'Send to the print queue' : 'Send the email'}
      buttonProps={{ variant: 'light' }}
      paths={form.paths}
      preview
      keepFocus
      body={() => {
        const missing = form.missing();
        return missing.length
          ? missing
          : { subject: form.values.subject.trim(), body: form.values.body.trim() };
      }}
      onDone={form.reset}
    >
      {({ errors }) => (
        <>
          <Text size="sm">
            {byPost
              ? 'The customer takes post: this becomes a letter in the print queue, signed by you.'
              : `An email to ${complaint.customer?.email}, in the complaint’s thread, signed by you; their answer joins this complaint.`}{' '}
            “Dear {complaint.customer?.name ?? 'customer'},” goes above your message and your name and role
            below it.
          </Text>
          <TemplatePicker
            purpose="reply"
            stage={complaint.stage}
            reference={complaint.reference}
            id="reply-template"
            onFill={(filled) => {
              if (filled.subject !== null) form.set('subject', filled.subject);
              form.set('body', filled.body);
            }}
          />
          <TextInput {...form.text('subject', errors)} />
          <Textarea {...form.text('body', errors)} autosize minRows={8} />
        </>
      )}
    </ActionDialog>
  );
}
