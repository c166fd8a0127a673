/**
 * The forms of one improvement item: its progress (status and the action taken: the owner's, and the
 * managers'), changing what it says (reviewers and directors), and linking a further complaint.
 */
import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorSummary, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { useFields } from '../../ui/fields.ts';
import { useStaff } from '../session.ts';
import { IMPROVEMENTS_KEY, type ImprovementDetail, STATUS_WORDS } from './api.ts';

type Changes = NonNullable<
  paths['/api/v1/improvements/{reference}']['patch']['requestBody']
>['content']['application/json'];

function useChange(reference: string, onDone: (message: string) => void, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Changes) =>
      unwrap(api.PATCH('/api/v1/improvements/{reference}', { params: { path: { reference } }, body })),
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: IMPROVEMENTS_KEY });
      onDone(`${item.reference} is saved: ${STATUS_WORDS[item.status].toLowerCase()}`);
    },
    onError,
  });
}

/** Status and action taken. Done needs the action taken: said before sending, and by the API if need be. */
export function ProgressForm({
  item,
  onDone,
}: {
  item: ImprovementDetail;
  onDone: (message: string) => void;
}) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const form = useFields({
    status: { id: 'progress-status', label: 'Status', initial: item.status },
    actionTaken: {
      id: 'progress-action',
      label: 'Action taken',
      initial: item.actionTaken ?? '',
      need: 'optional',
    },
  });
  const change = useChange(item.reference, onDone, (error) =>
    setErrors(formErrors(error, form.paths.fieldMap, form.paths.labels)),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { status, actionTaken } = form.values;
    const found: FormError[] =
      status === 'done' && !actionTaken.trim()
        ? [
            {
              inputId: form.id('actionTaken'),
              message: 'Action taken: say what was done before marking it done',
            },
          ]
        : [];
    setErrors(found);
    if (found.length) return;
    change.mutate({
      status: status as ImprovementDetail['status'],
      ...(actionTaken.trim()
        ? { actionTaken: actionTaken.trim() }
        : item.actionTaken
          ? { actionTaken: null }
          : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Progress">
      <Stack gap="sm">
        <ErrorSummary errors={errors} />
        <NativeSelect
          {...form.text('status', errors)}
          data={Object.entries(STATUS_WORDS).map(([value, label]) => ({ value, label }))}
        />
        <Textarea
          {...form.text('actionTaken', errors)}
          description="What was changed, and where (needed to mark it done; for a dropped item, why)"
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Save progress
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Title, description, owner, due date and root cause, in a dialog. */
export function EditImprovementDialog(props: {
  item: ImprovementDetail;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { item } = props;
  const staff = useStaff();
  const [errors, setErrors] = useState<FormError[]>([]);
  const form = useFields({
    title: { id: 'edit-title', label: 'Title', initial: item.title, need: 'required' },
    description: {
      id: 'edit-description',
      label: 'What went wrong',
      initial: item.description,
      need: 'required',
    },
    ownerId: { id: 'edit-owner', label: 'Owner', initial: item.owner.id, need: 'required' },
    dueOn: {
      id: 'edit-due',
      label: 'Due by',
      initial: item.dueOn,
      need: 'required',
      missing: 'enter a date',
    },
    rootCause: {
      id: 'edit-root-cause',
      label: 'Root cause',
      initial: item.rootCause ?? '',
      need: 'optional',
    },
  });
  const change = useChange(
    item.reference,
    (message) => {
      props.onClose();
      props.onDone(message);
    },
    (error) => setErrors(formErrors(error, form.paths.fieldMap, form.paths.labels)),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = form.missing();
    setErrors(missing);
    if (missing.length) return;
    const v = form.values;
    // Only what changed: an unchanged due date in the past is not refused as a new one.
    change.mutate({
      ...(v.title.trim() !== item.title ? { title: v.title.trim() } : {}),
      ...(v.description.trim() !== item.description ? { description: v.description.trim() } : {}),
      ...(v.ownerId !== item.owner.id ? { ownerId: v.ownerId } : {}),
      ...(v.dueOn !== item.dueOn ? { dueOn: v.dueOn } : {}),
      ...(v.rootCause.trim() !== (item.rootCause ?? '') ? { rootCause: v.rootCause.trim() || null } : {}),
    });
  };
  const people = (staff.data ?? []).filter((p) => p.active || p.id === item.owner.id);
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={`Edit ${item.reference}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorSummary errors={errors} />
          <TextInput {...form.text('title', errors)} maxLength={200} />
          <Textarea {...form.text('description', errors)} autosize minRows={3} />
          <NativeSelect
            {...form.text('ownerId', errors)}
            data={people.map((p) => ({ value: p.id, label: p.name }))}
          />
          <TextInput {...form.text('dueOn', errors)} type="date" />
          <TextInput {...form.text('rootCause', errors)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A further complaint's reference, linked to the item. */
export function LinkComplaintForm({
  item,
  onDone,
}: {
  item: ImprovementDetail;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const link = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/improvements/{reference}/complaints', {
          params: { path: { reference: item.reference } },
          body: { reference: reference.trim() },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: IMPROVEMENTS_KEY });
      onDone(`${reference.trim().toUpperCase()} is linked`);
      setReference('');
      setErrors([]);
    },
    onError: (error) =>
      setErrors(
        formErrors(
          error,
          { 'body.reference': 'link-complaint' },
          { 'body.reference': 'Complaint reference' },
        ),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = reference.trim()
      ? []
      : [{ inputId: 'link-complaint', message: 'Complaint reference: enter a reference' }];
    setErrors(found);
    if (!found.length) link.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Link a complaint">
      <Stack gap="xs">
        <ErrorSummary errors={errors} />
        <Group align="flex-end" gap="xs">
          <TextInput
            id="link-complaint"
            label="Link a further complaint"
            description="Its reference, e.g. MISO-26-000123-C"
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={errors.find((e) => e.inputId === 'link-complaint')?.message}
          />
          <Button type="submit" variant="default" loading={link.isPending}>
            Link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
