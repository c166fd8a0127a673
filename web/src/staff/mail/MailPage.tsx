/**
 * The mail log (/staff/mail): every message sent and received, newest first, with what went wrong and why
 * mail was ignored. Filters live in the address. Without SMTP_URL this is how staff read the dev mailbox.
 */
import {
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  NativeSelect,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { attachmentHref } from '../../api/files.ts';
import { useProcedure } from '../../procedure.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { formatDateTime, humanize } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';

type MailSummary = Schemas['MailSummary'];
type Status = MailSummary['status'];
type Direction = MailSummary['direction'];

const STATUS_WORDS: Record<Status, string> = {
  queued: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
  received: 'Received',
  ignored: 'Ignored',
  rejected: 'Refused',
};
const STATUS_COLOUR: Record<Status, string> = {
  queued: 'gray',
  sent: 'teal',
  failed: 'red',
  received: 'blue',
  ignored: 'gray',
  rejected: 'red',
};

function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge color={STATUS_COLOUR[status]} variant="light" c={`${STATUS_COLOUR[status]}.9`}>
      {STATUS_WORDS[status]}
    </Badge>
  );
}

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

function MailDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
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

export function MailPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') || undefined) as Status | undefined;
  const direction = (params.get('direction') || undefined) as Direction | undefined;
  const kind = params.get('kind') || undefined;
  const [open, setOpen] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['mail-log', status, direction, kind],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/mail', {
          params: { query: { status, direction, kind, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <PageHeading title="Mail" />
      <Text c="dimmed">
        Every message sent to customers and received from outside, newest first. Mail that was ignored
        (auto-replies, bounces) or refused says why.
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label="Status"
          value={status ?? ''}
          onChange={(e) => set('status', e.currentTarget.value)}
          data={[
            { value: '', label: 'Any status' },
            ...Object.entries(STATUS_WORDS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <NativeSelect
          label="Show"
          value={kind ?? ''}
          onChange={(e) => set('kind', e.currentTarget.value)}
          data={[
            { value: '', label: 'Every message' },
            { value: 'triage', label: 'Awaiting triage' },
          ]}
        />
        <NativeSelect
          label="Direction"
          value={direction ?? ''}
          onChange={(e) => set('direction', e.currentTarget.value)}
          data={[
            { value: '', label: 'Both ways' },
            { value: 'out', label: 'Sent' },
            { value: 'in', label: 'Received' },
          ]}
        />
      </Group>
      {list.isPending && <Loading label="Loading the mail log" />}
      {list.isError && <ProblemAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Empty title="No mail yet">Nothing matches these filters.</Empty>
      )}
      {items.length > 0 && (
        <ScrollArea>
          <Table striped highlightOnHover miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th>From / to</Table.Th>
                <Table.Th>Complaint</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={m.status} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => setOpen(m.id)}
                      className="user-text"
                    >
                      {m.subject || '(no subject)'}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="user-text">
                    {m.direction === 'out' ? `To ${m.to}` : `From ${m.from}`}
                  </Table.Td>
                  <Table.Td>
                    {m.reference ? (
                      <Anchor component={Link} to={`/staff/complaints/${m.reference}`}>
                        {m.reference}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      <MailDetail key={open ?? 'none'} id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
