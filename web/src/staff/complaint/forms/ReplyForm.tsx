/**
 * Write to the customer: a subject and a message, started from a template or typed, shown as the customer
 * will get it (the email, or the letter for a customer who takes post) before it is sent.
 */
import { Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Schemas } from '../../../api/client.ts';
import { FileField, fileProblems, uploadsOf } from '../../../portal/FileField.tsx';
import { errorFor } from '../../../ui/ErrorSummary.tsx';
import { type FieldPaths, useFields } from '../../../ui/fields.ts';
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
  // Files are read into base64 as they are chosen, so the form's body (and its preview) is ready at once.
  const [files, setFiles] = useState<File[]>([]);
  const [encoded, setEncoded] = useState<Schemas['UploadInput'][] | null>([]);
  useEffect(() => {
    let current = true;
    setEncoded(null);
    uploadsOf(files).then((read) => {
      if (current) setEncoded(read);
    });
    return () => {
      current = false;
    };
  }, [files]);
  const paths: FieldPaths = {
    fieldMap: { ...form.paths.fieldMap, 'body.attachments': 'reply-files' },
    labels: { ...form.paths.labels, 'body.attachments': 'Files' },
  };
  files.forEach((_, i) => {
    paths.fieldMap[`body.attachments.${i}`] = 'reply-files';
  });
  return (
    <ActionDialog
      reference={complaint.reference}
      command="reply"
      label="Write to the customer"
      title="Write to the customer"
      submitLabel={byPost ? 'Send to the print queue' : 'Send the email'}
      buttonProps={{ variant: 'light' }}
      paths={paths}
      preview
      keepFocus
      body={() => {
        const errors = [
          ...form.missing(),
          ...fileProblems(files).map((message) => ({ inputId: 'reply-files', message: `Files: ${message}` })),
        ];
        if (encoded === null) errors.push({ inputId: 'reply-files', message: 'Files: still being read' });
        return errors.length || encoded === null
          ? errors
          : {
              subject: form.values.subject.trim(),
              body: form.values.body.trim(),
              ...(encoded.length ? { attachments: encoded } : {}),
            };
      }}
      onDone={() => {
        form.reset();
        setFiles([]);
      }}
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
          <FileField
            id="reply-files"
            label={byPost ? 'Files to enclose (optional)' : 'Files to attach (optional)'}
            files={files}
            onChange={setFiles}
            error={errorFor(errors, 'reply-files')}
          />
        </>
      )}
    </ActionDialog>
  );
}
