/**
 * The mail log (/staff/mail): every message sent and received, newest first, with what went wrong and why
 * mail was ignored. Filters live in the address. Without SMTP_URL this is how staff read the dev mailbox.
 * The portal's sign-in links are left out unless asked for: one is sent per sign-in, and they buried the
 * mail staff come here to read.
 */
import { Button, Group, NativeSelect, Stack, Switch, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { MailDetail } from './MailDetail.tsx';
import { MailCards, MailTable } from './MailList.tsx';
import { type Direction, STATUS_WORDS, type Status } from './StatusBadge.tsx';

export function MailPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') || undefined) as Status | undefined;
  const direction = (params.get('direction') || undefined) as Direction | undefined;
  const kind = params.get('kind') || undefined;
  // Left out unless asked for, on the server, so that every page of the list is a full one.
  const signInLinks = params.get('signInLinks') === 'include' ? 'include' : 'exclude';
  const [open, setOpen] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['mail-log', status, direction, kind, signInLinks],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/mail', {
          params: {
            query: { status, direction, kind, signInLinks, ...(pageParam ? { cursor: pageParam } : {}) },
          },
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
        <Switch
          label="Show sign-in links"
          description="The portal’s one-time links"
          checked={signInLinks === 'include'}
          onChange={(e) => set('signInLinks', e.currentTarget.checked ? 'include' : '')}
        />
      </Group>
      {list.isPending && <Loading label="Loading the mail log" />}
      {list.isError && <ProblemAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Empty title="No mail yet">Nothing matches these filters.</Empty>
      )}
      {items.length > 0 && (
        <>
          <MailTable items={items} onOpen={setOpen} visibleFrom="sm" />
          <MailCards items={items} onOpen={setOpen} hiddenFrom="sm" />
        </>
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
