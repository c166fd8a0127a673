/**
 * One message in a drawer: its headers, text, attachments, why it was ignored or refused, and for a message
 * awaiting triage the choice to make it a complaint or dismiss it.
 */
import { Anchor, Button, Drawer, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { attachmentHref } from '../../api/files.ts';
import { useProcedure } from '../../procedure.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { formatDateTime, humanize } from '../../ui/format.ts';
import { Loading, ProblemAlert } from '../../ui/states.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** Make a message awaiting triage a complaint, or dismiss it. */
function Triage({ id, onSettled }: { id: string; onSettled: (reference: string | null) => void }) {
  const queryClient = useQueryClient();
  const categories = useProcedure().data?.procedure.categories ?? [];
  const [category, setCategory] = useState('other');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const settled = async (reference: string | null) => {
    await queryClient.invalidateQueries({ queryKey: ['mail-log'] });
    await queryClient.invalidateQueries({ queryKey: ['mail', id] });
    await queryClient.invalidateQueries({ queryKey: ['queues'] });
    onSettled(reference);
  };
  const convert = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/mail/{id}/convert', {
          params: { path: { id } },
          body: { category: category as (typeof categories)[number] },
        }),
      ),
    onSuccess: (created) => settled(created.reference),
    onError: (error) => setErrors(formErrors(error, { 'body.category': 'triage-category' })),
  });
  const dismiss = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/mail/{id}/dismiss', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => settled(null),
    onError: (error) => setErrors(formErrors(error, { 'body.reason': 'triage-reason' })),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="triage-heading">
      <Title order={3} size="h5" id="triage-heading">
        Awaiting triage
      </Title>
      <Text size="sm">
        Is this a complaint? Make it one (the customer is acknowledged by a reply), or dismiss it.
      </Text>
      <ErrorSummary errors={errors} />
      <Group align="flex-end">
        <NativeSelect
          id="triage-category"
          label="Category"
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
          data={categories.map((c) => ({ value: c, label: humanize(c) }))}
          error={errorFor(errors, 'triage-category')}
        />
        <Button onClick={() => convert.mutate()} loading={convert.isPending}>
          Make it a complaint
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          id="triage-reason"
          label="Reason for dismissing"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errorFor(errors, 'triage-reason')}
        />
        <Button
          variant="default"
          loading={dismiss.isPending}
          onClick={() => {
            if (!reason.trim()) {
              setErrors([
                { inputId: 'triage-reason', message: 'Reason for dismissing: say why it is not a complaint' },
              ]);
              return;
            }
            dismiss.mutate();
          }}
        >
          Dismiss
        </Button>
      </Group>
    </Stack>
  );
}

export function MailDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const [made, setMade] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['mail', id],
    queryFn: () => unwrap(api.GET('/api/v1/mail/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
  const mail = query.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title="Message"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {query.isPending && <Loading label="Opening the message" />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => query.refetch()} />}
      {mail && (
        <Stack gap="sm">
          <Title order={2} size="h4" className="user-text">
            {mail.subject}
          </Title>
          <Group gap="xs">
            <StatusBadge status={mail.status} />
            <Text size="sm">{mail.direction === 'out' ? 'To the customer' : 'From outside'}</Text>
          </Group>
          <Text size="sm" className="user-text">
            From: {mail.from}
            <br />
            To: {mail.to}
            <br />
            {formatDateTime(mail.createdAt)}
            {mail.sentAt && ` · sent ${formatDateTime(mail.sentAt)}`}
          </Text>
          {mail.reference && (
            <Anchor component={Link} to={`/staff/complaints/${mail.reference}`}>
              Complaint {mail.reference}
            </Anchor>
          )}
          {mail.note && (
            <Text size="sm">
              <strong>Note:</strong> {mail.note}
            </Text>
          )}
          {mail.lastError && (
            <Text size="sm" c="red.9">
              <strong>Last error:</strong> {mail.lastError} (after {mail.attempts} attempts)
            </Text>
          )}
          <Text component="pre" size="sm" className="user-text" style={{ fontFamily: 'inherit' }}>
            {mail.text}
          </Text>
          {made && (
            <Text role="status" size="sm">
              Complaint{' '}
              <Anchor component={Link} to={`/staff/complaints/${made}`}>
                {made}
              </Anchor>{' '}
              recorded; its acknowledgement replies to this message.
            </Text>
          )}
          {mail.kind === 'triage' && !mail.reference && id && (
            <Triage id={id} onSettled={(reference) => setMade(reference)} />
          )}
          {mail.attachments.length > 0 && (
            <Stack gap={2}>
              <Text fw={600} size="sm">
                Attachments
              </Text>
              {mail.attachments.map((a) => (
                <Text key={a.id} size="sm" className="user-text">
                  <Anchor href={attachmentHref(a.id)} download>
                    {a.filename}
                  </Anchor>{' '}
                  ({a.contentType}, {Math.ceil(a.sizeBytes / 1024)} KB)
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
