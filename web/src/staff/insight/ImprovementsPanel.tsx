/**
 * The improvement log on the dashboard: how many items are still to be worked and how many are late (the
 * log's summary), and the first few overdue, soonest due first, each a link to its item.
 */
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { formatDay } from '../../ui/format.ts';
import { IMPROVEMENTS_KEY } from '../improvements/api.ts';

const SHOWN = 5;

export function ImprovementsPanel() {
  const summary = useQuery({
    queryKey: [...IMPROVEMENTS_KEY, 'summary'],
    queryFn: () => unwrap(api.GET('/api/v1/improvements/summary')),
  });
  const overdue = useQuery({
    queryKey: [...IMPROVEMENTS_KEY, 'overdue', SHOWN],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/improvements', {
          params: { query: { overdue: 'true', sort: 'due', limit: SHOWN } },
        }),
      ),
  });
  const counts = summary.data;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" id="insight-improvements">
        The improvement log
      </Title>
      {summary.isError ? (
        <Text size="sm">The improvement log could not be read.</Text>
      ) : (
        <Group gap="xl" my="xs">
          <Text>
            <Text span fw={700} fz={24}>
              {counts?.open ?? '…'}
            </Text>{' '}
            open
          </Text>
          <Text c={counts?.overdue ? 'red.9' : undefined}>
            <Text span fw={700} fz={24}>
              {counts?.overdue ?? '…'}
            </Text>{' '}
            overdue
          </Text>
          <Anchor component={Link} to="/staff/improvements" size="sm">
            All items
          </Anchor>
        </Group>
      )}
      {(overdue.data?.items.length ?? 0) > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {overdue.data?.items.map((item) => (
            <Text component="li" size="sm" key={item.reference}>
              <Anchor component={Link} to={`/staff/improvements/${item.reference}`}>
                {item.reference}
              </Anchor>{' '}
              <span className="user-text">{item.title}</span> — due {formatDay(item.dueOn, { short: true })},{' '}
              {item.owner.name}
            </Text>
          ))}
          {(counts?.overdue ?? 0) > SHOWN && (
            <Text component="li" size="sm">
              <Anchor component={Link} to="/staff/improvements?overdue=true">
                Every overdue item
              </Anchor>
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
