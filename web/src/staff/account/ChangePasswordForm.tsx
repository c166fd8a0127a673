/**
 * Changing one's own password: the current one, then the new one twice. Used by the Change password page and,
 * for someone signed in with a password someone else chose, instead of the whole workspace.
 */
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorSummary, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { fieldProps } from '../../ui/fields.ts';

const MIN_PASSWORD = 12;
const FIELDS = {
  'body.currentPassword': 'current-password',
  'body.newPassword': 'new-password',
};
const LABELS = { 'body.currentPassword': 'Current password', 'body.newPassword': 'New password' };

export function ChangePasswordForm(props: { email: string; onChanged?: () => void }) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const change = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/auth/password', { body: { currentPassword: current, newPassword: fresh } })),
    onSuccess: async () => {
      setCurrent('');
      setFresh('');
      setRepeat('');
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      props.onChanged?.();
    },
    onError: (error) => setErrors(formErrors(error, FIELDS, LABELS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!current) found.push({ inputId: 'current-password', message: 'Enter your current password' });
    if (fresh.length < MIN_PASSWORD)
      found.push({
        inputId: 'new-password',
        message: `The new password must be at least ${MIN_PASSWORD} characters`,
      });
    else if (fresh.trim().toLowerCase() === props.email.toLowerCase())
      found.push({ inputId: 'new-password', message: 'The new password must not be your email address' });
    if (repeat !== fresh)
      found.push({ inputId: 'repeat-password', message: 'The two new passwords do not match' });
    setErrors(found);
    if (!found.length) change.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw="28rem">
        <ErrorSummary errors={errors} />
        {change.isSuccess && (
          <Alert color="green" title="Password changed" role="status">
            Your other sessions have been signed out.
          </Alert>
        )}
        {/* For password managers: the account the password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={props.email} readOnly hidden />
        <PasswordInput
          {...fieldProps(errors, 'current-password', 'Current password')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
        />
        <PasswordInput
          {...fieldProps(errors, 'new-password', 'New password')}
          description={`At least ${MIN_PASSWORD} characters, not easy to guess, and without your name or email address in it. A few unrelated words are easy to remember.`}
          autoComplete="new-password"
          required
          value={fresh}
          onChange={(e) => setFresh(e.currentTarget.value)}
        />
        <PasswordInput
          {...fieldProps(errors, 'repeat-password', 'New password again')}
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
        />
        <Text size="sm" c="dimmed">
          Changing it signs you out everywhere else.
        </Text>
        <div>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </div>
      </Stack>
    </form>
  );
}
