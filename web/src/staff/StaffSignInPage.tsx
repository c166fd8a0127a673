/**
 * Staff sign in: with single sign-on when it is configured, with email and password unless passwords are
 * turned off (LOCAL_PASSWORDS=off); the session is an HttpOnly cookie. A refused single sign-on comes back
 * here with `?sso=<why>`, said in words. With 2-step verification on, the password is followed by a code from
 * the authenticator app (or a recovery code) on the same page.
 */
import {
  Alert,
  Button,
  Container,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ProblemError, unwrap } from '../api/client.ts';
import { ErrorSummary, type FormError, formErrors } from '../ui/ErrorSummary.tsx';
import { fieldProps } from '../ui/fields.ts';
import { PageHeading } from '../ui/page.tsx';
import { Loading } from '../ui/states.tsx';
import { CodeInput, missingCode } from './account/SecondFactorSetUp.tsx';
import { useSignInOptions } from './session.ts';

/** What a refused single sign-on means, by the `sso` the callback sends back. */
const SSO_REFUSALS: Record<string, string> = {
  'no-role':
    'Your single sign-on account is not in any group that gives access to Redress. Ask whoever manages your groups to add you.',
  inactive: 'Your Redress account is deactivated. Ask a Redress administrator to reactivate it.',
  'no-email':
    'The identity provider did not send an email address that can be used for you. Ask a Redress administrator.',
  'email-unverified':
    'Your identity provider has not verified your email address, so it cannot be tied to your existing Redress account. Verify it with your provider, or ask a Redress administrator.',
  failed: 'Single sign-on did not complete (it may have taken too long). Please try again.',
};

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
  const [ticket, setTicket] = useState<string | null>(null);
  // Why the second step ended without signing in (its ticket ran out): said on the password form.
  const [restarted, setRestarted] = useState<string | null>(null);
  const restart = (why: string | null) => {
    setTicket(null);
    setRestarted(why);
  };
  const options = useSignInOptions();
  const refusal = params.get('sso');
  const signedIn = async () => {
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    navigate(safeNext(params.get('next')), { replace: true });
  };
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: async (data) => {
      if ('secondStep' in data) {
        setPassword('');
        setRestarted(null);
        setTicket(data.secondStep.ticket);
      } else await signedIn();
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
  const passwordForm = (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary errors={errors} />
        <TextInput
          {...fieldProps(errors, 'email', 'Email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordInput
          {...fieldProps(errors, 'password', 'Password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={signIn.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
  if (options.isPending) return <Loading label="Loading the sign-in page" />;
  if (ticket)
    return (
      <Container size={420} py={80} component="main" id="main">
        <Paper withBorder p="lg" radius="md">
          <SecondStep ticket={ticket} onSignedIn={signedIn} onRestart={restart} />
        </Paper>
      </Container>
    );
  const sso = options.data?.sso ?? null;
  const passwords = options.data?.passwords ?? true;
  const ssoStart = sso && `${sso.start}?next=${encodeURIComponent(safeNext(params.get('next')))}`;
  return (
    <Container size={420} py={80} component="main" id="main">
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <PageHeading title="Staff sign in" />
          <Text size="sm" c="dimmed">
            The workspace for handling complaints.
          </Text>
          {restarted && (
            <Alert color="red" variant="light" role="alert" title="You are not signed in">
              <Text size="sm">{restarted}</Text>
            </Alert>
          )}
          {refusal && (
            <Alert color="red" variant="light" role="alert" title="You are not signed in">
              <Text size="sm">{SSO_REFUSALS[refusal] ?? SSO_REFUSALS.failed}</Text>
            </Alert>
          )}
          {ssoStart && (
            <Button component="a" href={ssoStart} variant={passwords ? 'default' : 'filled'}>
              {sso.label}
            </Button>
          )}
          {ssoStart && passwords && <Divider label="or with your password" labelPosition="center" />}
          {passwords && passwordForm}
        </Stack>
      </Paper>
    </Container>
  );
}

/** The second step: a code from the authenticator app, or a recovery code, for the ticket the password gave. */
function SecondStep(props: {
  ticket: string;
  onSignedIn: () => Promise<void>;
  /** Back to the password, saying why when the ticket ended. */
  onRestart: (why: string | null) => void;
}) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const finish = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/auth/login/second-step', { body: { ticket: props.ticket, code } })),
    onSuccess: props.onSignedIn,
    onError: (error) => {
      // The ticket ended (five minutes, three codes, or an admin's reset): the password again, and why.
      if (error instanceof ProblemError && error.status === 401)
        props.onRestart(
          'That sign-in has ended (after five minutes, or three wrong codes): start again. Enter your password, then a new code.',
        );
      else setErrors(formErrors(error, { 'body.code': 'code' }, { 'body.code': 'Code' }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = missingCode(code, 'code');
    setErrors(found);
    if (!found.length) finish.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeading title="2-step verification" />
        <Text size="sm">
          Open your authenticator app and enter the code it shows for Redress. No phone? Use one of your
          recovery codes.
        </Text>
        <ErrorSummary errors={errors} />
        <CodeInput id="code" value={code} onChange={setCode} errors={errors} recovery />
        <Button type="submit" loading={finish.isPending}>
          Verify and sign in
        </Button>
        <Button variant="subtle" onClick={() => props.onRestart(null)}>
          Start again
        </Button>
      </Stack>
    </form>
  );
}
