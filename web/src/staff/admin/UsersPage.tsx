/**
 * Users and roles (admins): the staff list, adding someone, changing their name and roles, resetting a
 * password, deactivating and reactivating, lifting a lockout after failed sign-ins, and resetting someone's
 * 2-step verification. Others see the list and a note, with no controls.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { hasRole, type User, useMe, useStaff } from '../session.ts';
import { ConfirmModal, DoneStatus } from './shared.tsx';
import { PasswordModal, UserFormModal } from './UserForms.tsx';
import { UserCards, type UserListActions, UserTable } from './UserList.tsx';

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
  const actions: UserListActions | null = isAdmin
    ? {
        edit: (user) => setDialog({ kind: 'edit', user }),
        resetPassword: (user) => setDialog({ kind: 'password', user }),
        unlock: (user) => unlock.mutate(user),
        unlocking: unlock.isPending ? unlock.variables?.id : undefined,
        toggleActive: (user) => setDialog({ kind: 'active', user }),
        resetTwoStep: (user) => setDialog({ kind: 'two-step', user }),
      }
    : null;
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
        <>
          <UserTable users={staff.data} meId={me.data?.id} actions={actions} />
          <UserCards users={staff.data} meId={me.data?.id} actions={actions} />
        </>
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
