/** Staff sign in with email and password; the session is an HttpOnly cookie. */
import { Button, Container, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../ui/ErrorSummary.tsx';
import { PageHeading } from '../ui/page.tsx';

/** Only paths inside the workspace: never send someone to another site after signing in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/staff/') && !next.startsWith('//') ? next : '/staff';
}

export function StaffSignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) =>
      setErrors(
        formErrors(
          error,
          { 'body.email': 'email', 'body.password': 'password' },
          { 'body.email': 'Email', 'body.password': 'Password' },
        ),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!email.trim()) missing.push({ inputId: 'email', message: 'Enter your email address' });
    if (!password) missing.push({ inputId: 'password', message: 'Enter your password' });
    setErrors(missing);
    if (!missing.length) signIn.mutate();
  };
  return (
    <Container size={420} py={80} component="main" id="main">
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <PageHeading title="Staff sign in" />
            <Text size="sm" c="dimmed">
              The workspace for handling complaints.
            </Text>
            <ErrorSummary errors={errors} />
            <TextInput
              id="email"
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errorFor(errors, 'email')}
            />
            <PasswordInput
              id="password"
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errorFor(errors, 'password')}
            />
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
