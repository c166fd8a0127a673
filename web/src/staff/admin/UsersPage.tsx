/**
 * Users and roles (admins): the staff list, adding someone, changing their name and roles, resetting a
 * password, deactivating and reactivating, lifting a lockout after failed sign-ins, and resetting someone's
 * 2-step verification. Others see the list and a note, with no controls.
 */
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { hasRole, type User, useMe, useStaff } from '../session.ts';
import { ConfirmModal, DoneStatus, RoleBadges } from './shared.tsx';
import { PasswordModal, UserFormModal } from './UserForms.tsx';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; user: User }
  | { kind: 'password'; user: User }
  | { kind: 'active'; user: User }
  | { kind: 'two-step'; user: User };

export function UsersPage() {
  const me = useMe();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const isAdmin = hasRole(me.data, 'admin');

  const finished = async (message: string) => {
    setDialog(null);
    setDone(message);
    await queryClient.invalidateQueries({ queryKey: ['staff'] });
    await queryClient.invalidateQueries({ queryKey: ['me'] });
  };
  const toggleActive = useMutation({
    mutationFn: (user: User) =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: { active: !user.active },
        }),
      ),
    onSuccess: (user) =>
      finished(user.active ? `${user.name} can sign in again.` : `${user.name} is deactivated.`),
  });
  const unlock = useMutation({
    mutationFn: (user: User) =>
      unwrap(api.POST('/api/v1/users/{id}/unlock', { params: { path: { id: user.id } } })).then(() => user),
    onSuccess: (user) => finished(`${user.name} can sign in again: their failed sign-ins are forgotten.`),
  });
  const resetTwoStep = useMutation({
    mutationFn: (user: User) =>
      unwrap(api.POST('/api/v1/users/{id}/second-factor/reset', { params: { path: { id: user.id } } })).then(
        () => user,
      ),
    onSuccess: (user) =>
      finished(`${user.name}’s 2-step verification was reset; they were signed out everywhere.`),
  });
  const closeDialog = () => {
    toggleActive.reset();
    resetTwoStep.reset();
    setDialog(null);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeading title="Users and roles" />
        {isAdmin && (
          <Button
            onClick={() => {
              setDone(null);
              setDialog({ kind: 'add' });
            }}
          >
            Add a member of staff
          </Button>
        )}
      </Group>
      {me.data && !isAdmin && (
        <Alert color="blue" title="Only administrators can manage users">
          <Text size="sm">
            You can see who works here; ask an administrator to add someone or change roles.
          </Text>
        </Alert>
      )}
      <DoneStatus done={done} onDismiss={() => setDone(null)} />
      {unlock.isError && <ProblemAlert error={unlock.error} />}
      {staff.isPending ? (
        <Loading label="Loading staff" />
      ) : staff.isError ? (
        <ProblemAlert error={staff.error} onRetry={() => staff.refetch()} />
      ) : staff.data.length === 0 ? (
        <Empty title="No staff yet" />
      ) : (
        <Table.ScrollContainer
          minWidth={isAdmin ? 860 : 600}
          type="native"
          // Focusable so that keyboard users can scroll it sideways on a narrow screen.
          tabIndex={0}
          role="region"
          aria-label="Staff table"
        >
          <Table striped highlightOnHover>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {staff.data.length} member{staff.data.length === 1 ? '' : 's'} of staff
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Roles</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Added</Table.Th>
                {isAdmin && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {staff.data.map((user) => {
                const self = user.id === me.data?.id;
                return (
                  <Table.Tr key={user.id}>
                    <Table.Th scope="row" fw={500}>
                      {user.name}
                      {self && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          (you)
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
                    <Table.Td>
                      <RoleBadges roles={user.roles} />
                    </Table.Td>
                    <Table.Td>
                      {user.lockedUntil ? (
                        <Badge color="red.9" variant="filled" style={{ minWidth: 'max-content' }}>
                          Locked until {formatDateTime(user.lockedUntil)}
                        </Badge>
                      ) : user.active ? (
                        <Badge color="teal.9" variant="filled" style={{ minWidth: 'max-content' }}>
                          Active
                        </Badge>
                      ) : (
                        <Badge color="gray" c="gray.9" variant="light" style={{ minWidth: 'max-content' }}>
                          Deactivated
                        </Badge>
                      )}
                      {user.twoStep !== null && (
                        <Text size="xs" mt={4} style={{ whiteSpace: 'nowrap' }}>
                          2-step: {user.twoStep ? 'on' : 'off'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDateTime(user.createdAt)}</Table.Td>
                    {isAdmin && (
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Edit ${user.name}`}
                            onClick={() => setDialog({ kind: 'edit', user })}
                          >
                            Edit
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Reset password for ${user.name}`}
                            onClick={() => setDialog({ kind: 'password', user })}
                          >
                            Reset password
                          </Button>
                          {user.lockedUntil && (
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={`Unlock ${user.name}`}
                              loading={unlock.isPending && unlock.variables?.id === user.id}
                              onClick={() => unlock.mutate(user)}
                            >
                              Unlock
                            </Button>
                          )}
                          {user.twoStep && (
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={`Reset 2-step verification for ${user.name}`}
                              onClick={() => setDialog({ kind: 'two-step', user })}
                            >
                              Reset 2-step
                            </Button>
                          )}
                          {!self && (
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${user.name}`}
                              onClick={() => setDialog({ kind: 'active', user })}
                            >
                              {user.active ? 'Deactivate' : 'Reactivate'}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isAdmin && (
        <>
          <UserFormModal
            opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
            user={dialog?.kind === 'edit' ? dialog.user : undefined}
            isSelf={dialog?.kind === 'edit' && dialog.user.id === me.data?.id}
            onClose={closeDialog}
            onSaved={(user, added) =>
              finished(added ? `${user.name} was added.` : `${user.name} was updated.`)
            }
          />
          <PasswordModal
            user={dialog?.kind === 'password' ? dialog.user : undefined}
            onClose={closeDialog}
            onSaved={(user) =>
              finished(`${user.name}’s password was changed; they were signed out everywhere.`)
            }
          />
          <ConfirmModal
            opened={dialog?.kind === 'active'}
            title={
              dialog?.kind === 'active'
                ? `${dialog.user.active ? 'Deactivate' : 'Reactivate'} ${dialog.user.name}?`
                : ''
            }
            confirmLabel={dialog?.kind === 'active' && !dialog.user.active ? 'Reactivate' : 'Deactivate'}
            danger={dialog?.kind === 'active' && dialog.user.active}
            loading={toggleActive.isPending}
            onClose={closeDialog}
            onConfirm={() => dialog?.kind === 'active' && toggleActive.mutate(dialog.user)}
          >
            {toggleActive.isError && <ProblemAlert error={toggleActive.error} />}
            <Text size="sm">
              {dialog?.kind === 'active' && dialog.user.active
                ? 'They are signed out at once and can no longer sign in or use their API tokens. Complaints they own stay with them until reassigned.'
                : 'They can sign in again with their password, and any API tokens they still hold work again.'}
            </Text>
          </ConfirmModal>
          <ConfirmModal
            opened={dialog?.kind === 'two-step'}
            title={dialog?.kind === 'two-step' ? `Reset 2-step verification for ${dialog.user.name}?` : ''}
            confirmLabel="Reset 2-step"
            danger
            loading={resetTwoStep.isPending}
            onClose={closeDialog}
            onConfirm={() => dialog?.kind === 'two-step' && resetTwoStep.mutate(dialog.user)}
          >
            {resetTwoStep.isError && <ProblemAlert error={resetTwoStep.error} />}
            <Text size="sm">
              For someone who lost their phone and their recovery codes. Their authenticator and recovery
              codes are deleted and they are signed out everywhere; they sign in with their password alone
              until they set it up again (at once, if their role requires it). Check who is asking first.
            </Text>
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
