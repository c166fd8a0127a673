/**
 * Your sessions (`/staff/account/sessions`): every browser signed in as you, when it signed in and was last
 * used, from which device and address; end one, or sign out everywhere. API tokens are not sessions: they
 * stay valid, and the page says where to revoke them.
 */
import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { ConfirmModal } from '../admin/shared.tsx';

type Session = Schemas['Session'];

export function SessionsPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/auth/sessions'))).items,
  });
  const [ended, setEnded] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const end = useMutation({
    mutationFn: (session: Session) =>
      unwrap(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id: session.id } } })),
    onSuccess: async (_data, session) => {
      setEnded(session.device);
      await queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const everywhere = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/sign-out-everywhere')),
    onSuccess: () => {
      queryClient.clear();
      navigate('/staff/sign-in', { replace: true });
    },
  });

  return (
    <Stack>
      <PageHeading title="Your sessions" />
      <Text>
        Each browser signed in as you. A session ends after a while without use, and in any case some hours
        after signing in. If you see one you do not recognise, end it and change your password.
      </Text>
      <Alert variant="light" color="blue" title="API tokens are not sessions">
        <Text size="sm">
          Ending sessions, or signing out everywhere, does not revoke your API tokens: they keep working until
          you revoke them on the{' '}
          <Anchor component={Link} to="/staff/admin/tokens">
            API tokens
          </Anchor>{' '}
          page.
        </Text>
      </Alert>
      <div role="status" aria-live="polite">
        {ended && (
          <Alert color="teal" variant="outline">
            <Text size="sm">The session on {ended} has ended.</Text>
          </Alert>
        )}
      </div>
      {end.isError && <ProblemAlert error={end.error} />}
      <Title order={2} size="h3" id="sessions-heading">
        Signed in now
      </Title>
      {sessions.isPending ? (
        <Loading label="Loading your sessions" />
      ) : sessions.isError ? (
        <ProblemAlert error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <Empty title="No sessions">You are using an API token, not a browser session.</Empty>
      ) : (
        <ScrollTable label="Sessions table" minWidth={720}>
          <Table striped aria-labelledby="sessions-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Device</Table.Th>
                <Table.Th scope="col">Address</Table.Th>
                <Table.Th scope="col">Signed in</Table.Th>
                <Table.Th scope="col">Last used</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Th scope="row" fw={500}>
                    <Group gap="xs">
                      {session.device}
                      {session.current && (
                        <Text size="sm" fw={700} component="span">
                          (this browser)
                        </Text>
                      )}
                    </Group>
                  </Table.Th>
                  <Table.Td>{session.ip ?? 'Not recorded'}</Table.Td>
                  <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
                  <Table.Td>
                    {!session.current && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={end.isPending && end.variables?.id === session.id}
                        aria-label={`End the session on ${session.device}, signed in ${formatDateTime(session.createdAt)}`}
                        onClick={() => end.mutate(session)}
                      >
                        End session
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Group>
        <Button color="red" variant="outline" onClick={() => setConfirmAll(true)}>
          Sign out everywhere
        </Button>
      </Group>
      <ConfirmModal
        opened={confirmAll}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        danger
        loading={everywhere.isPending}
        onClose={() => setConfirmAll(false)}
        onConfirm={() => everywhere.mutate()}
      >
        {everywhere.isError && <ProblemAlert error={everywhere.error} />}
        <Text size="sm">
          Every browser signed in as you is signed out, this one included: you will sign in again. Your API
          tokens are not affected.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
