/**
 * The staff list of the users page: a table on wider screens, and on a phone one card per person. The table
 * had six columns, and beside a "Locked until …" badge the roles were cut to "DIR…" and the emails broke
 * after every few letters; now name and email share a column, a badge never shrinks below its words, the
 * lockout's time sits under a short "Locked" badge, and the actions wrap instead of squeezing the rest.
 */
import { Badge, Box, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import type { useStaff } from '../session.ts';
import { RoleBadges } from './shared.tsx';

/** A member of staff as the staff list has them (with what only admins see, such as a lockout). */
type User = NonNullable<ReturnType<typeof useStaff>['data']>[number];

/** What an admin can do to a member of staff from the list. */
export interface UserListActions {
  edit(user: User): void;
  resetPassword(user: User): void;
  unlock(user: User): void;
  /** The user being unlocked now, if any (its button shows it is busy). */
  unlocking: string | undefined;
  toggleActive(user: User): void;
  resetTwoStep(user: User): void;
}

interface ListProps {
  users: User[];
  meId: string | undefined;
  /** Only admins get the actions. */
  actions: UserListActions | null;
}

const keepWhole = { minWidth: 'max-content' } as const;

/** Whether they can sign in: locked out after failed sign-ins (and until when), active, or deactivated. */
export function UserStatus({ user }: { user: User }) {
  if (user.lockedUntil)
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="red.9" variant="filled" style={keepWhole}>
          Locked
        </Badge>{' '}
        <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
          until {formatDateTime(user.lockedUntil)}
        </Text>
      </Stack>
    );
  return user.active ? (
    <Badge color="teal.9" variant="filled" style={keepWhole}>
      Active
    </Badge>
  ) : (
    <Badge color="gray" c="gray.9" variant="light" style={keepWhole}>
      Deactivated
    </Badge>
  );
}

/** Whether their password sign-in asks for a code too (admins only see it; null for everyone else). */
function TwoStep({ user }: { user: User }) {
  if (user.twoStep === null) return null;
  return (
    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
      2-step: {user.twoStep ? 'on' : 'off'}
    </Text>
  );
}

function Name({ user, self }: { user: User; self: boolean }) {
  return (
    <>
      {user.name}
      {self && (
        <Text span c="dimmed" size="sm" fw={400}>
          {' '}
          (you)
        </Text>
      )}
    </>
  );
}

/** An email breaks only where it must (a long one on a phone), never letter by letter in a narrow column. */
function Email({ user }: { user: User }) {
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {user.email}
    </Text>
  );
}

function Actions({ user, self, actions }: { user: User; self: boolean; actions: UserListActions }) {
  return (
    <Group gap={6} wrap="wrap">
      <Button size="xs" variant="default" aria-label={`Edit ${user.name}`} onClick={() => actions.edit(user)}>
        Edit
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={`Reset password for ${user.name}`}
        onClick={() => actions.resetPassword(user)}
      >
        Reset password
      </Button>
      {user.lockedUntil && (
        <Button
          size="xs"
          variant="default"
          aria-label={`Unlock ${user.name}`}
          loading={actions.unlocking === user.id}
          onClick={() => actions.unlock(user)}
        >
          Unlock
        </Button>
      )}
      {/* One's own is turned off on the account page, with the password and a code. */}
      {user.twoStep && !self && (
        <Button
          size="xs"
          variant="default"
          aria-label={`Reset 2-step verification for ${user.name}`}
          onClick={() => actions.resetTwoStep(user)}
        >
          Reset 2-step
        </Button>
      )}
      {!self && (
        <Button
          size="xs"
          variant="default"
          aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${user.name}`}
          onClick={() => actions.toggleActive(user)}
        >
          {user.active ? 'Deactivate' : 'Reactivate'}
        </Button>
      )}
    </Group>
  );
}

const count = (users: User[]) => `${users.length} member${users.length === 1 ? '' : 's'} of staff`;

export function UserTable({ users, meId, actions }: ListProps) {
  return (
    <Box visibleFrom="sm">
      <ScrollTable label="Staff table" minWidth={actions ? 720 : 520}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{count(users)}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name and email</Table.Th>
              <Table.Th scope="col">Roles</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Added</Table.Th>
              {actions && <Table.Th scope="col">Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => {
              const self = user.id === meId;
              return (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row" fw={500} miw={180}>
                    <Name user={user} self={self} />
                    <Email user={user} />
                  </Table.Th>
                  <Table.Td>
                    <RoleBadges roles={user.roles} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <UserStatus user={user} />
                      <TwoStep user={user} />
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(user.createdAt)}</Table.Td>
                  {actions && (
                    <Table.Td>
                      <Actions user={user} self={self} actions={actions} />
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Box>
  );
}

export function UserCards({ users, meId, actions }: ListProps) {
  return (
    <Stack gap="xs" hiddenFrom="sm">
      <Text size="sm" c="dimmed">
        {count(users)}
      </Text>
      <Stack gap="xs" component="ul" aria-label="Staff" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {users.map((user) => {
          const self = user.id === meId;
          return (
            <Paper key={user.id} component="li" withBorder p="sm">
              <Stack gap={6}>
                <Text fw={500}>
                  <Name user={user} self={self} />
                </Text>
                <Email user={user} />
                <Group gap="xs" align="flex-start" wrap="wrap">
                  <RoleBadges roles={user.roles} />
                  <UserStatus user={user} />
                  <TwoStep user={user} />
                </Group>
                <Text size="xs">Added {formatDateTime(user.createdAt)}</Text>
                {actions && <Actions user={user} self={self} actions={actions} />}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
