/**
 * The improvement log (/staff/improvements): the items still to be worked by default, or any status, mine or
 * everyone's, overdue only; newest first. Reviewers and directors raise items here too. Filters live in the
 * address, so a link to "overdue items" stays one.
 */
import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { hasRole, useMe } from '../session.ts';
import {
  IMPROVEMENTS_KEY,
  type ImprovementListItem,
  type ImprovementListQuery,
  STATUS_WORDS,
} from './api.ts';
import { DueDate, StatusBadge } from './parts.tsx';
import { RaiseImprovementDialog } from './RaiseImprovementDialog.tsx';

/** The status choices: the two still to be worked together first (the default), then each, then all. */
const SHOW: Record<string, { label: string; status?: string }> = {
  '': { label: 'Still to be worked', status: 'open,in-progress' },
  ...Object.fromEntries(
    Object.entries(STATUS_WORDS).map(([value, label]) => [value, { label, status: value }]),
  ),
  all: { label: 'Any status' },
};

export function ImprovementsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [raising, setRaising] = useState(false);
  const show = params.get('show') ?? '';
  const mine = params.get('owner') === 'me';
  const overdue = params.get('overdue') === 'true';
  const query: ImprovementListQuery = {
    status: SHOW[show]?.status,
    ...(mine ? { owner: 'me' } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
  };
  const list = useInfiniteQuery({
    queryKey: [...IMPROVEMENTS_KEY, 'list', query],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/improvements', {
          params: { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) } },
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
  const canRaise = hasRole(me.data, 'reviewer') || hasRole(me.data, 'director');

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeading title="Improvements" />
        {canRaise && <Button onClick={() => setRaising(true)}>Raise an improvement</Button>}
      </Group>
      <Text c="dimmed">
        What the complaints taught us about our procedures, who is fixing it and by when. Newest first.
      </Text>
      <Group align="flex-end">
        <NativeSelect
          id="improvements-show"
          label="Status"
          value={show}
          onChange={(e) => set('show', e.currentTarget.value)}
          data={Object.entries(SHOW).map(([value, { label }]) => ({ value, label }))}
        />
        <Checkbox
          id="improvements-mine"
          label="Only mine"
          checked={mine}
          onChange={(e) => set('owner', e.currentTarget.checked ? 'me' : '')}
        />
        <Checkbox
          id="improvements-overdue"
          label="Only overdue"
          checked={overdue}
          onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : '')}
        />
      </Group>
      {list.isPending && <Loading label="Loading the improvement log" />}
      {list.isError && <ProblemAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Empty title="No improvement items">Nothing matches these filters.</Empty>
      )}
      {items.length > 0 && (
        <>
          <ImprovementTable items={items} />
          <ImprovementCards items={items} />
        </>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      {raising && (
        <RaiseImprovementDialog
          onClose={() => setRaising(false)}
          onRaised={(item) => navigate(`/staff/improvements/${item.reference}`)}
        />
      )}
    </Stack>
  );
}

function ItemLink({ item }: { item: ImprovementListItem }) {
  return (
    <Anchor component={Link} to={`/staff/improvements/${item.reference}`} fw={700}>
      {item.reference}
    </Anchor>
  );
}

const complaintsWords = (n: number) => (n === 1 ? '1 complaint' : `${n} complaints`);

function ImprovementTable({ items }: { items: ImprovementListItem[] }) {
  return (
    <Table striped withTableBorder visibleFrom="sm">
      <Table.Caption>Improvement items</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Item</Table.Th>
          <Table.Th scope="col">Title</Table.Th>
          <Table.Th scope="col">Owner</Table.Th>
          <Table.Th scope="col">Due by</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Complaints</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.reference}>
            <Table.Td>
              <ItemLink item={item} />
            </Table.Td>
            <Table.Td className="user-text">{item.title}</Table.Td>
            <Table.Td>{item.owner.name}</Table.Td>
            <Table.Td>
              <DueDate item={item} />
            </Table.Td>
            <Table.Td>
              <StatusBadge status={item.status} />
            </Table.Td>
            <Table.Td>{item.complaintCount}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ImprovementCards({ items }: { items: ImprovementListItem[] }) {
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} hiddenFrom="sm">
      {items.map((item) => (
        <Paper key={item.reference} component="li" withBorder p="sm">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <ItemLink item={item} />
              <StatusBadge status={item.status} />
            </Group>
            <Text size="sm" className="user-text">
              {item.title}
            </Text>
            <Text size="sm">
              {item.owner.name} · {complaintsWords(item.complaintCount)}
            </Text>
            <DueDate item={item} prefix="Due by " />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
