/**
 * The workload (/staff/workload, reviewers and up): open complaints per person and per stage, their overdue
 * steps and the nearest ADR limit among their complaints, nearest first — and the complaints nobody owns
 * yet, by stage, each count a link to the queue where they wait.
 */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { formatDay, humanize } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { Loading, ProblemAlert } from '../../ui/states.tsx';

/** The stage queues complaints wait in unassigned. */
const WAITING: Record<string, string> = {
  initiation: 'waiting-attempt-1',
  'attempt-1': 'waiting-attempt-1',
  'attempt-2': 'waiting-attempt-2',
  'attempt-3': 'waiting-attempt-3',
};

function AdrLimit({ day, daysLeft }: { day: string | null; daysLeft: number | null }) {
  if (day === null || daysLeft === null) return <Text size="sm">—</Text>;
  const urgent = daysLeft <= 7;
  return (
    <Text size="sm" fw={urgent ? 700 : undefined} c={urgent ? 'red.9' : undefined}>
      {formatDay(day, { short: true })} (
      {daysLeft < 0 ? `${-daysLeft} days late` : daysLeft === 0 ? 'today' : `${daysLeft} days`})
    </Text>
  );
}

export function WorkloadPage() {
  const workload = useQuery({
    queryKey: ['workload'],
    queryFn: () => unwrap(api.GET('/api/v1/workload')),
    refetchInterval: 60_000,
  });
  return (
    <>
      <PageHeading title="Workload" id="workload-heading" />
      <Text c="dimmed" mb="md">
        Open complaints per person and stage, nearest ADR limit first. A complaint nobody owns waits in its
        stage’s queue.
      </Text>
      {workload.isPending ? (
        <Loading label="Loading the workload" />
      ) : workload.isError ? (
        <ProblemAlert error={workload.error} onRetry={() => workload.refetch()} />
      ) : (
        <ScrollTable label="Workload table" minWidth={820}>
          <Table aria-labelledby="workload-heading" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                {workload.data.stages.map((s) => (
                  <Table.Th scope="col" key={s.id} ta="right">
                    {s.name}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  Open
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Overdue steps
                </Table.Th>
                <Table.Th scope="col">Nearest ADR limit</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workload.data.rows.map((row) => (
                <Table.Tr key={row.person?.id ?? 'unassigned'}>
                  <Table.Th scope="row" fw={row.person ? 500 : 700}>
                    {row.person ? (
                      <>
                        {row.person.name}{' '}
                        <Text span size="xs" c="dimmed">
                          {row.person.roles.map(humanize).join(', ')}
                        </Text>
                        {!row.person.active && (
                          <Badge ml="xs" size="sm" color="gray" variant="outline">
                            left
                          </Badge>
                        )}
                      </>
                    ) : (
                      'Nobody yet (in the stage queues)'
                    )}
                  </Table.Th>
                  {workload.data.stages.map((s) => {
                    const count = row.byStage[s.id];
                    const queue = WAITING[s.id];
                    return (
                      <Table.Td key={s.id} ta="right">
                        {row.person === null && count > 0 && queue ? (
                          <Anchor component={Link} to={`/staff/queues/${queue}`}>
                            {count}
                          </Anchor>
                        ) : (
                          count
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="right" fw={700}>
                    {row.open}
                  </Table.Td>
                  <Table.Td ta="right" c={row.overdueSteps > 0 ? 'red.9' : undefined}>
                    {row.overdueSteps}
                  </Table.Td>
                  <Table.Td>
                    <AdrLimit day={row.nextAdrDueOn} daysLeft={row.adrDaysLeft} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}
