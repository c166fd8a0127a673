/**
 * A queue of complaints (`/staff/queues/:queue`): its name, description and count (from `GET /queues`),
 * filters and search held in the address, a table with keyboard selection, and "Load more" for the next page.
 */
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { useQueues } from '../StaffLayout.tsx';
import { useStaff } from '../session.ts';
import { BulkAssign } from './BulkAssign.tsx';
import { ComplaintTable, rowLinkId } from './ComplaintTable.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { type QueueId, type QueueView, type Sort, useQueueView } from './queueParams.ts';
import { useListKeys } from './useListKeys.ts';

const PAGE_SIZE = 50;

export function QueuePage() {
  const { queue = '' } = useParams();
  const queues = useQueues();
  // The server's list of queues says which exist. Until it arrives the list is asked for anyway (the server
  // refuses a queue it does not have, and the page shows that), so the two load side by side.
  if (queues.data && !queues.data.some((q) => q.id === queue)) return <UnknownQueue />;
  // A new queue starts afresh: its own search box, selection and pages.
  return <Queue key={queue} queue={queue as QueueId} />;
}

function UnknownQueue() {
  return (
    <Stack gap="sm">
      <PageHeading title="Queue not found" />
      <Text>There is no queue at this address. Check the link, or choose a queue from the menu.</Text>
      <Anchor component={Link} to="/staff/queues/mine">
        Go to My complaints
      </Anchor>
    </Stack>
  );
}

function Queue({ queue }: { queue: QueueId }) {
  const navigate = useNavigate();
  const queues = useQueues();
  const staff = useStaff();
  const { view, update } = useQueueView(queue);
  const search = useRef<HTMLInputElement>(null);
  const info = queues.data?.find((q) => q.id === queue);

  const list = useInfiniteQuery({
    queryKey: ['complaints', 'list', queue, view.stage, view.category, view.q, view.sort, view.order],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/complaints', {
          params: {
            query: {
              queue,
              stage: view.stage || undefined,
              category: view.category || undefined,
              q: view.q || undefined,
              // None chosen: the server applies the queue's own order.
              sort: view.sort ?? undefined,
              order: view.order ?? undefined,
              limit: PAGE_SIZE,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const names = useMemo(() => new Map(staff.data?.map((u) => [u.id, u.name])), [staff.data]);
  const ownerName = useCallback(
    (id: string | null) => (id === null ? 'Unassigned' : (names.get(id) ?? 'Someone else')),
    [names],
  );
  const rowLink = useCallback((index: number) => document.getElementById(rowLinkId(index)), []);
  const open = useCallback(
    (index: number) => {
      const row = rows[index];
      if (row) navigate(`/staff/complaints/${row.reference}`);
    },
    [rows, navigate],
  );
  const { selected, setSelected, onKeyDown } = useListKeys({ count: rows.length, rowLink, open, search });
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const onCheck = (references: string[], tick: boolean) =>
    setChecked((now) => {
      const next = new Set(now);
      for (const reference of references) {
        if (tick) next.add(reference);
        else next.delete(reference);
      }
      return next;
    });
  // x ticks the selected row, as in a mail program's list.
  const onTableKey = (event: KeyboardEvent<HTMLElement>) => {
    const row = rows[selected];
    if (event.key === 'x' && row && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      onCheck([row.reference], !checked.has(row.reference));
      return;
    }
    onKeyDown(event);
  };

  const onSort = (column: Sort) => {
    if (column === view.sort) update({ order: view.order === 'asc' ? 'desc' : 'asc' });
    // The order follows from the sort (firstOrder), and is sent with it.
    else update({ sort: column, order: null });
  };

  const filtered = Boolean(view.stage || view.category || view.q);
  const title = info?.name ?? 'Complaints';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <PageHeading title={title} id="queue-heading" />
          {info && (
            <Text c="dimmed">
              {info.description}
              {info.count !== null && ` · ${info.count} ${info.count === 1 ? 'complaint' : 'complaints'}`}
            </Text>
          )}
        </div>
        {/* Every complaint the filters below list, not just the pages loaded. */}
        <Button component="a" variant="default" href={exportHref(view)} download>
          Download CSV
        </Button>
      </Group>
      <QueueFilters view={view} update={update} search={search} />
      {/* Outside the list: its result stays in view when the assigned complaints leave the queue. */}
      <BulkAssign
        references={[...checked]}
        staff={staff.data ?? []}
        onDone={(assigned) => onCheck(assigned, false)}
      />
      {list.isError && list.data && (
        <ProblemAlert
          error={list.error}
          onRetry={() => (list.isFetchNextPageError ? list.fetchNextPage() : list.refetch())}
        />
      )}
      {list.isPending ? (
        <Loading label="Loading complaints" />
      ) : list.isError && !list.data ? (
        <ProblemAlert error={list.error} onRetry={() => list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty title="No complaints in this queue">
          {filtered ? 'None match the search or filters. Try clearing them.' : undefined}
        </Empty>
      ) : (
        <>
          <ComplaintTable
            rows={rows}
            checked={checked}
            onCheck={onCheck}
            ownerName={ownerName}
            sort={view.sort}
            order={view.order}
            onSort={onSort}
            selected={selected}
            onSelect={setSelected}
            onKeyDown={onTableKey}
            labelledBy="queue-heading"
          />
          <Group justify="space-between" align="center">
            <Text size="sm" c="dimmed" role="status">
              {list.isFetching && !list.isFetchingNextPage
                ? 'Updating…'
                : `Showing ${rows.length} ${rows.length === 1 ? 'complaint' : 'complaints'}${list.hasNextPage ? '; there are more' : ''}`}
            </Text>
            {list.hasNextPage && (
              <Button
                variant="default"
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                Load more
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

/**
 * The whole list as CSV, with the filters, search and sort on screen (the server streams every page of it).
 * A link, so the browser saves the file itself, with the session cookie.
 */
function exportHref(view: QueueView): string {
  const query = new URLSearchParams({ queue: view.queue });
  for (const key of ['stage', 'category', 'q', 'sort', 'order'] as const) {
    const value = view[key];
    if (value) query.set(key, value);
  }
  return `/api/v1/complaints/export.csv?${query}`;
}
