/**
 * The print queue (/staff/print-queue): letters for customers who take post — they prefer letters, or we
 * have no email address — waiting to be printed and posted, oldest first. Staff download each one, post it
 * and mark it posted, which goes on the complaint's timeline. "Posted" lists those already sent, newest first.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Tabs,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, explain, ProblemError, type Schemas, unwrap } from '../../api/client.ts';
import { letterHref } from '../../api/files.ts';
import { formatDateTime, formatDay } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { useStaff } from '../session.ts';

type Item = Schemas['PrintQueueItem'];
type Status = 'queued' | 'posted';

const printQueueKey = (status: Status) => ['print-queue', status] as const;
/** How many letters a tab lists. The API does not say whether there are more, so a full list may not be all. */
const LIMIT = 200;

function usePrintQueue(status: Status) {
  return useQuery({
    queryKey: printQueueKey(status),
    queryFn: () => unwrap(api.GET('/api/v1/print-queue', { params: { query: { status, limit: LIMIT } } })),
    select: (data) => data.items,
  });
}

/** Said when a tab lists as many letters as it asked for: there may be more than it shows. */
function MoreNote({ status }: { status: Status }) {
  const query = usePrintQueue(status);
  if ((query.data?.length ?? 0) < LIMIT) return null;
  return (
    <Text size="sm" fw={600} mb="sm">
      {status === 'queued'
        ? `Showing the oldest ${LIMIT} letters; mark these posted to see more.`
        : `Showing the newest ${LIMIT} letters; older ones are on each complaint’s timeline.`}
    </Text>
  );
}

/** Words for a refusal to mark a letter posted: most often someone else got there first. */
function explainPosting(error: unknown): { title: string; detail: string } {
  if (error instanceof ProblemError) {
    if (error.code === 'conflict') {
      return {
        title: 'This letter was already marked posted',
        detail:
          'Someone else marked it posted first, so it has left the queue. You will find it under Posted.',
      };
    }
    if (error.code === 'not-allowed-now') {
      return { title: 'Nothing to post', detail: 'This letter went to the customer by email, not by post.' };
    }
    if (error.status === 404) {
      return { title: 'Letter not found', detail: 'The queue has been refreshed: check it and try again.' };
    }
  }
  return explain(error);
}

/** The letter: its title, large print, and the date it bears and its length (what staff check when printing). */
function LetterCell({ item }: { item: Item }) {
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {item.title}
        </Text>
        {item.largePrint && (
          <Badge color="blue.9" variant="filled">
            Large print
          </Badge>
        )}
      </Group>
      <Text size="sm">
        Dated {formatDay(item.issuedOn, { short: true })} · {item.pages} {item.pages === 1 ? 'page' : 'pages'}
      </Text>
    </Stack>
  );
}

function DownloadLink({ item }: { item: Item }) {
  return (
    <Anchor href={letterHref('staff', item.reference, item.id)} download size="sm">
      Download PDF
      <VisuallyHidden>
        {' '}
        of “{item.title}” for {item.customerName}
      </VisuallyHidden>
    </Anchor>
  );
}

/** The complaint's reference, linked, and the customer the letter goes to. */
function ComplaintCell({ item }: { item: Item }) {
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/staff/complaints/${item.reference}`} size="sm">
        {item.reference}
      </Anchor>
      <Text size="sm" className="user-text">
        {item.customerName}
      </Text>
    </Stack>
  );
}

function ConfirmPosted({
  item,
  onClose,
  onPosted,
  onRefused,
}: {
  item: Item | null;
  onClose: () => void;
  onPosted: (item: Item) => void;
  onRefused: (error: unknown) => void;
}) {
  const mutation = useMutation({
    mutationFn: (letter: Item) =>
      unwrap(api.POST('/api/v1/print-queue/{id}/posted', { params: { path: { id: letter.id } } })),
  });
  // Cancelling returns the focus to the row's button; once the letter is posted (or was already), the row is
  // gone and the page's message takes the focus instead.
  const [returnFocus, setReturnFocus] = useState(true);
  useEffect(() => {
    if (item) setReturnFocus(true);
  }, [item]);
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      returnFocus={returnFocus}
      title="Mark this letter posted?"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {item && (
        <Stack gap="md">
          <Text size="sm">
            <strong>{item.title}</strong> to <span className="user-text">{item.customerName}</span> (complaint{' '}
            {item.reference}), dated {formatDay(item.issuedOn)}.
          </Text>
          <Text size="sm">
            Only mark it posted once it is printed and in the post. It leaves the queue and goes on the
            complaint’s timeline with your name.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              loading={mutation.isPending}
              onClick={() =>
                mutation.mutate(item, {
                  onSuccess: () => {
                    setReturnFocus(false);
                    onPosted(item);
                  },
                  onError: (error) => {
                    setReturnFocus(false);
                    onRefused(error);
                  },
                })
              }
            >
              Mark posted
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function QueuedTable({ onMark }: { onMark: (item: Item) => void }) {
  const query = usePrintQueue('queued');
  if (query.isPending) return <Loading label="Loading the print queue" />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <Empty title="Nothing to post">
        Letters for customers who prefer post, or who have no email address, appear here when they are issued.
      </Empty>
    );
  }
  return (
    <Table striped verticalSpacing="sm" aria-label="Letters to post, oldest first">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Complaint and customer</Table.Th>
          <Table.Th>Letter</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {query.data.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              <ComplaintCell item={item} />
            </Table.Td>
            <Table.Td>
              <LetterCell item={item} />
            </Table.Td>
            <Table.Td>
              <Group gap="sm" justify="flex-end">
                <DownloadLink item={item} />
                <Button size="xs" variant="default" onClick={() => onMark(item)}>
                  Mark posted
                  <VisuallyHidden>
                    {' '}
                    the letter “{item.title}” to {item.customerName}
                  </VisuallyHidden>
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PostedTable() {
  const query = usePrintQueue('posted');
  const staff = useStaff();
  const name = (id: string | null) =>
    (id && staff.data?.find((u) => u.id === id)?.name) || (id ? 'a former member of staff' : 'unknown');
  if (query.isPending) return <Loading label="Loading the letters posted" />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0) {
    return <Empty title="No letters posted yet">Letters appear here once they are marked posted.</Empty>;
  }
  return (
    <Table striped verticalSpacing="sm" aria-label="Letters posted, newest first">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Complaint and customer</Table.Th>
          <Table.Th>Letter</Table.Th>
          <Table.Th>Posted</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {query.data.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              <ComplaintCell item={item} />
            </Table.Td>
            <Table.Td>
              <Stack gap={2} align="flex-start">
                <LetterCell item={item} />
                <DownloadLink item={item} />
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.postedAt ? formatDateTime(item.postedAt) : 'Date not recorded'}</Text>
              <Text size="sm">by {name(item.postedBy)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Outcome = { kind: 'posted'; item: Item } | { kind: 'refused'; error: unknown };
/** Numbered, so the same outcome twice still moves the focus to it and is announced again. */
type Message = Outcome & { n: number };

export function PrintQueuePage() {
  const [params, setParams] = useSearchParams();
  const status: Status = params.get('status') === 'posted' ? 'posted' : 'queued';
  const queryClient = useQueryClient();
  const [marking, setMarking] = useState<Item | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);
  const say = (outcome: Outcome) => setMessage((old) => ({ ...outcome, n: (old?.n ?? 0) + 1 }));

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['print-queue'] });
  const posted = (item: Item) => {
    queryClient.setQueryData(printQueueKey('queued'), (data: { items: Item[] } | undefined) =>
      data ? { ...data, items: data.items.filter((i) => i.id !== item.id) } : data,
    );
    setMarking(null);
    refresh();
    say({ kind: 'posted', item });
  };
  const refused = (error: unknown) => {
    setMarking(null);
    refresh();
    say({ kind: 'refused', error });
  };

  const explained = message?.kind === 'refused' ? explainPosting(message.error) : null;
  return (
    <Stack>
      <PageHeading title="Print queue" />
      <Text c="dimmed">
        Letters for customers who prefer post or have no email address. Download each one, print it and post
        it, then mark it posted: that goes on the complaint’s timeline.
      </Text>
      {message && (
        <Alert
          key={message.n}
          ref={messageRef}
          tabIndex={-1}
          variant="light"
          color={message.kind === 'posted' ? 'blue' : 'red'}
          title={message.kind === 'posted' ? 'Marked posted' : explained?.title}
          role={message.kind === 'posted' ? 'status' : 'alert'}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setMessage(null)}
        >
          {message.kind === 'posted' ? (
            <>
              The letter “{message.item.title}” to{' '}
              <span className="user-text">{message.item.customerName}</span> ({message.item.reference}) is now
              under Posted.
            </>
          ) : (
            explained?.detail
          )}
        </Alert>
      )}
      <Tabs
        value={status}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (value === 'posted') next.set('status', 'posted');
          else next.delete('status');
          setParams(next);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label="Letters">
          <Tabs.Tab value="queued">To post</Tabs.Tab>
          <Tabs.Tab value="posted">Posted</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queued" pt="md">
          <MoreNote status="queued" />
          <QueuedTable onMark={setMarking} />
        </Tabs.Panel>
        <Tabs.Panel value="posted" pt="md">
          <MoreNote status="posted" />
          <PostedTable />
        </Tabs.Panel>
      </Tabs>
      <ConfirmPosted item={marking} onClose={() => setMarking(null)} onPosted={posted} onRefused={refused} />
    </Stack>
  );
}
