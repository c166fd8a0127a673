/**
 * One improvement item (/staff/improvements/:reference): what went wrong, who owns it and by when, where it
 * came from, its progress and the action taken, and the complaints that showed the problem. Its owner and the
 * managers record progress; reviewers and directors edit it and link or unlink complaints.
 */
import { Anchor, Button, Grid, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { formatDateTime } from '../../ui/format.ts';
import { usePageTitle } from '../../ui/page.tsx';
import { Loading, ProblemAlert } from '../../ui/states.tsx';
import { hasRole, useMe } from '../session.ts';
import { IMPROVEMENTS_KEY, type ImprovementDetail, SOURCE_WORDS, useImprovement } from './api.ts';
import { EditImprovementDialog, LinkComplaintForm, ProgressForm } from './ImprovementForms.tsx';
import { DoneMessage, DueDate, StatusBadge } from './parts.tsx';

export function ImprovementPage() {
  const { reference = '' } = useParams();
  return <ImprovementView key={reference} reference={reference} />;
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="wrap" align="baseline">
      <Text span fw={700} size="sm">
        {label}:
      </Text>
      {typeof children === 'string' ? (
        <Text span size="sm">
          {children}
        </Text>
      ) : (
        children
      )}
    </Group>
  );
}

function ImprovementView({ reference }: { reference: string }) {
  const query = useImprovement(reference);
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<{ n: number; message: string } | null>(null);
  usePageTitle(query.data ? `${query.data.reference}: ${query.data.title}` : `Improvement ${reference}`);
  if (query.isPending) return <Loading label="Loading the improvement item" />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
  const item = query.data;
  const manager = hasRole(me.data, 'reviewer') || hasRole(me.data, 'director');
  const owner = me.data?.id === item.owner.id;
  const report = (message: string) => setDone((d) => ({ n: (d?.n ?? 0) + 1, message }));

  return (
    <Stack gap="lg">
      <Stack gap={0}>
        <Text size="sm" c="dimmed">
          Improvement item{' '}
          <Anchor component={Link} to="/staff/improvements" size="sm" underline="always">
            (all items)
          </Anchor>
        </Text>
        <Title order={1} size="h2" className="user-text">
          {item.reference}: {item.title}
        </Title>
      </Stack>
      <Group gap="sm">
        <StatusBadge status={item.status} />
        {manager && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )}
      </Group>
      <DoneMessage done={done} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Paper withBorder p="md" component="section" aria-labelledby="improvement-about">
              <Title order={2} size="h4" id="improvement-about" mb="sm">
                What went wrong
              </Title>
              <Text size="sm" className="user-text" style={{ whiteSpace: 'pre-wrap' }} mb="sm">
                {item.description}
              </Text>
              <Stack gap={4}>
                <Line label="Owner">{item.owner.name}</Line>
                <Line label="Due by">
                  <DueDate item={item} />
                </Line>
                <Line label="Root cause">{item.rootCause ?? 'not recorded'}</Line>
                <Line label="Raised from">
                  <Text span size="sm">
                    {SOURCE_WORDS[item.source]}
                    {item.sourceComplaint && (
                      <>
                        {' '}
                        <Anchor component={Link} to={`/staff/complaints/${item.sourceComplaint}`} size="sm">
                          {item.sourceComplaint}
                        </Anchor>
                      </>
                    )}
                  </Text>
                </Line>
                <Line label="Raised">{formatDateTime(item.createdAt)}</Line>
                {item.closedAt && <Line label="Closed">{formatDateTime(item.closedAt)}</Line>}
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="improvement-progress">
              <Title order={2} size="h4" id="improvement-progress" mb="sm">
                Progress
              </Title>
              {manager || owner ? (
                <ProgressForm key={item.updatedAt} item={item} onDone={report} />
              ) : (
                <Stack gap={4}>
                  <Line label="Action taken">{item.actionTaken ?? 'none recorded yet'}</Line>
                  <Text size="sm" c="dimmed">
                    Its owner, a reviewer or a director records progress.
                  </Text>
                </Stack>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Complaints item={item} manager={manager} onDone={report} />
        </Grid.Col>
      </Grid>
      {editing && <EditImprovementDialog item={item} onClose={() => setEditing(false)} onDone={report} />}
    </Stack>
  );
}

function Complaints(props: { item: ImprovementDetail; manager: boolean; onDone: (message: string) => void }) {
  const { item, manager, onDone } = props;
  const queryClient = useQueryClient();
  const unlink = useMutation({
    mutationFn: (complaint: string) =>
      unwrap(
        api.DELETE('/api/v1/improvements/{reference}/complaints/{complaintReference}', {
          params: { path: { reference: item.reference, complaintReference: complaint } },
        }),
      ),
    onSuccess: async (_, complaint) => {
      await queryClient.invalidateQueries({ queryKey: IMPROVEMENTS_KEY });
      onDone(`${complaint} is no longer linked`);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="improvement-complaints">
      <Title order={2} size="h4" id="improvement-complaints" mb="sm">
        Complaints that showed it
      </Title>
      {unlink.isError && <ProblemAlert error={unlink.error} />}
      {item.complaints.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          No complaints are linked.
        </Text>
      ) : (
        <Table mb="sm">
          <Table.Caption>Linked complaints, in the order they were linked</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Complaint</Table.Th>
              <Table.Th scope="col">Stage</Table.Th>
              {manager && (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.complaints.map((c) => (
              <Table.Tr key={c.reference}>
                <Table.Td>
                  <Anchor component={Link} to={`/staff/complaints/${c.reference}`} size="sm">
                    {c.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.stageName}</Text>
                </Table.Td>
                {manager && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="default"
                      aria-label={`Unlink ${c.reference}`}
                      onClick={() => unlink.mutate(c.reference)}
                      loading={unlink.isPending && unlink.variables === c.reference}
                    >
                      Unlink
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {manager && <LinkComplaintForm item={item} onDone={onDone} />}
    </Paper>
  );
}
