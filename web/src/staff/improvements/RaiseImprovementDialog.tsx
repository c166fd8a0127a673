/**
 * Raising an improvement item, wherever the problem was seen: a complaint's page (the complaint linked), the
 * ombudsman decision on a complaint (source: the decision), the list of items, or a root-cause trend on the
 * dashboard (the root cause filled in). What the caller knows comes in as props; the person fills in the rest.
 */
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { addDays } from '../../../../src/domain/time.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorSummary, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { optionalText, useFields } from '../../ui/fields.ts';
import { formatDay, londonToday } from '../../ui/format.ts';
import { useMe, useStaff } from '../session.ts';
import { IMPROVEMENTS_KEY, type Improvement, type ImprovementSource, SOURCE_WORDS } from './api.ts';

export interface RaiseImprovementProps {
  /** Where it came from; `other` when not given. */
  source?: ImprovementSource;
  /** The complaint it came from (a complaint, or its ombudsman decision): linked at once. */
  complaint?: string;
  /** Further complaints that showed the problem (a trend's). */
  complaints?: string[];
  /** A root cause, filled in and editable (a trend's). */
  rootCause?: string;
  /**
   * A trend's period (the dashboard's range): the complaints closed in it with the root cause, the newest
   * 200, are linked to the item.
   */
  rootCausePeriod?: { from: string; to: string };
  onClose: () => void;
  /** Called with the new item, after the dialog closes. */
  onRaised?: (item: Improvement) => void;
}

/** A month from today: a due date people can change, rather than an empty field. */
const defaultDue = () => addDays(londonToday(), 28);

export function RaiseImprovementDialog(props: RaiseImprovementProps) {
  const me = useMe();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const source = props.source ?? (props.complaint ? 'complaint' : 'other');
  const [errors, setErrors] = useState<FormError[]>([]);
  const form = useFields({
    title: { id: 'improvement-title', label: 'Title', initial: '', need: 'required' },
    description: {
      id: 'improvement-description',
      label: 'What went wrong',
      initial: '',
      need: 'required',
      path: 'description',
    },
    ownerId: {
      id: 'improvement-owner',
      label: 'Owner',
      initial: me.data?.id ?? '',
      need: 'required',
      missing: 'choose who will see it done',
    },
    dueOn: {
      id: 'improvement-due',
      label: 'Due by',
      initial: defaultDue(),
      need: 'required',
      missing: 'enter a date',
    },
    rootCause: {
      id: 'improvement-root-cause',
      label: 'Root cause',
      initial: props.rootCause ?? '',
      need: source === 'root-cause-trend' ? 'required' : 'optional',
    },
  });
  const raise = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/improvements', {
          body: {
            title: form.values.title.trim(),
            description: form.values.description.trim(),
            ownerId: form.values.ownerId,
            dueOn: form.values.dueOn,
            rootCause: optionalText(form.values.rootCause),
            source,
            sourceComplaint:
              source === 'complaint' || source === 'ombudsman-decision' ? props.complaint : undefined,
            complaints: props.complaints,
            rootCausePeriod: source === 'root-cause-trend' ? props.rootCausePeriod : undefined,
          },
        }),
      ),
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: IMPROVEMENTS_KEY });
      // The complaints it links now say so on their timelines.
      await queryClient.invalidateQueries({ queryKey: ['complaint'] });
      props.onClose();
      props.onRaised?.(item);
    },
    onError: (error) =>
      // A refusal of the complaint it came from (no ombudsman decision, say) is about the whole form.
      setErrors(formErrors(error, form.paths.fieldMap, form.paths.labels)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = form.missing();
    setErrors(missing);
    if (!missing.length) raise.mutate();
  };
  const people = (staff.data ?? []).filter((person) => person.active);
  const linked = [props.complaint, ...(props.complaints ?? [])].filter(Boolean);
  return (
    <Modal
      opened
      onClose={props.onClose}
      title="Raise an improvement"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorSummary errors={errors} />
          <Text size="sm">
            <Text span fw={700} size="sm">
              Raised from:{' '}
            </Text>
            {SOURCE_WORDS[source]}
            {linked.length > 0 && (
              <>
                {' '}
                (<span className="user-text">{linked.join(', ')}</span>, linked to the item)
              </>
            )}
          </Text>
          {source === 'root-cause-trend' && props.rootCausePeriod && (
            <Text size="sm">
              The complaints closed with this root cause (or a cause under it) from{' '}
              {formatDay(props.rootCausePeriod.from, { short: true })} to{' '}
              {formatDay(props.rootCausePeriod.to, { short: true })} are linked to the item: the newest 200 if
              there are more.
            </Text>
          )}
          <TextInput {...form.text('title', errors)} maxLength={200} />
          <Textarea
            {...form.text('description', errors)}
            description="The problem in the procedure, and what it led to"
            autosize
            minRows={3}
          />
          <NativeSelect
            {...form.text('ownerId', errors)}
            description="Who will see it done: they can move it along and record the action taken"
            data={[
              { value: '', label: 'Choose a person' },
              ...people.map((person) => ({ value: person.id, label: person.name })),
            ]}
          />
          <TextInput {...form.text('dueOn', errors)} type="date" min={londonToday()} />
          <TextInput
            {...form.text('rootCause', errors)}
            description="The root-cause code, as in the procedure (billing-error, provisioning-delay…)"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={raise.isPending}>
              Raise the improvement
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
