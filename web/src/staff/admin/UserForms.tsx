/** The dialogs of the users page: add or edit a member of staff, and set a new password. */
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { EMAIL_ADDRESS } from '../../../../src/domain/contact-details.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import type { Role, User } from '../session.ts';
import { ERROR_TEXT, RolesFieldset, WARNING_STYLES } from './shared.tsx';

const MIN_PASSWORD = 12;

const USER_FIELDS = {
  'body.name': 'user-name',
  name: 'user-name',
  'body.email': 'user-email',
  email: 'user-email',
  'body.roles': 'user-roles',
  roles: 'user-roles',
  'body.password': 'user-password',
  password: 'user-password',
};
const USER_LABELS = {
  'body.name': 'Name',
  name: 'Name',
  'body.email': 'Email',
  email: 'Email',
  'body.roles': 'Roles',
  roles: 'Roles',
  'body.password': 'Initial password',
  password: 'Initial password',
};

/** Adds someone (no `user`) or changes the name and roles of `user`. */
export function UserFormModal({
  opened,
  user,
  isSelf,
  onClose,
  onSaved,
}: {
  opened: boolean;
  user: User | undefined;
  isSelf: boolean;
  onClose: () => void;
  onSaved: (user: User, added: boolean) => void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  useEffect(() => {
    if (!opened) return;
    setName(user?.name ?? '');
    setEmail(user?.email ?? '');
    setRoles(user ? [...user.roles] : ['agent']);
    setPassword('');
    setErrors([]);
  }, [opened, user]);

  const save = useMutation({
    mutationFn: () =>
      user
        ? unwrap(
            api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { name, roles } }),
          )
        : unwrap(
            api.POST('/api/v1/users', {
              body: { name, email, roles, ...(password ? { password } : {}) },
            }),
          ),
    onSuccess: (saved) => onSaved(saved, !user),
    onError: (error) => setErrors(formErrors(error, USER_FIELDS, USER_LABELS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!name.trim()) found.push({ inputId: 'user-name', message: 'Enter their name' });
    if (!user && !EMAIL_ADDRESS.test(email.trim()))
      found.push({ inputId: 'user-email', message: 'Enter an email address, like name@example.co.uk' });
    if (roles.length === 0) found.push({ inputId: 'user-roles', message: 'Choose at least one role' });
    if (!user && password && password.length < MIN_PASSWORD)
      found.push({
        inputId: 'user-password',
        message: `The password must be at least ${MIN_PASSWORD} characters`,
      });
    setErrors(found);
    if (!found.length) save.mutate();
  };
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={user ? `Edit ${user.name}` : 'Add a member of staff'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorSummary errors={errors} />
          <TextInput
            id="user-name"
            label="Name"
            required
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorFor(errors, 'user-name')}
            errorProps={ERROR_TEXT}
          />
          {user ? (
            <Text size="sm">
              Email: <strong>{user.email}</strong>{' '}
              <Text span c="dimmed" size="sm">
                (it is how they sign in, so it cannot be changed)
              </Text>
            </Text>
          ) : (
            <TextInput
              id="user-email"
              label="Email"
              type="email"
              required
              autoComplete="off"
              description="They sign in with this address."
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errorFor(errors, 'user-email')}
              errorProps={ERROR_TEXT}
            />
          )}
          <RolesFieldset
            idPrefix="user-roles"
            value={roles}
            onChange={setRoles}
            error={errorFor(errors, 'user-roles')}
          />
          {isSelf && !roles.includes('admin') && (
            <Alert color="yellow" styles={WARNING_STYLES} title="You are removing your own admin role">
              <Text size="sm">After saving you will no longer be able to manage users.</Text>
            </Alert>
          )}
          {!user && (
            <PasswordInput
              id="user-password"
              label="Initial password (optional)"
              description={`At least ${MIN_PASSWORD} characters, not easy to guess, without their name or email address in it. It works once: at first sign-in they choose their own. Leave it empty and they cannot sign in until you set one with “Reset password”. Redress does not make one up.`}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errorFor(errors, 'user-password')}
              errorProps={ERROR_TEXT}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {user ? 'Save changes' : 'Add member of staff'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Sets a new password for `user`; the API ends their sessions. */
export function PasswordModal({
  user,
  onClose,
  onSaved,
}: {
  user: User | undefined;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  useEffect(() => {
    if (user) {
      setPassword('');
      setErrors([]);
    }
  }, [user]);
  const save = useMutation({
    mutationFn: (target: User) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: target.id } }, body: { password } })),
    onSuccess: onSaved,
    onError: (error) =>
      setErrors(
        formErrors(
          error,
          { 'body.password': 'new-password', password: 'new-password' },
          { 'body.password': 'New password', password: 'New password' },
        ),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] =
      password.length < MIN_PASSWORD
        ? [{ inputId: 'new-password', message: `The password must be at least ${MIN_PASSWORD} characters` }]
        : [];
    setErrors(found);
    if (!found.length && user) save.mutate(user);
  };
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal
      opened={!!user}
      onClose={close}
      title={user ? `Reset password for ${user.name}` : 'Reset password'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorSummary errors={errors} />
          <Text size="sm">
            They are signed out everywhere. The password works once: at their next sign-in they must choose
            their own. Tell it to them in person or by phone, never in the same email as their address.
          </Text>
          <PasswordInput
            id="new-password"
            label="New password"
            description={`At least ${MIN_PASSWORD} characters.`}
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errorFor(errors, 'new-password')}
            errorProps={ERROR_TEXT}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Set new password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
