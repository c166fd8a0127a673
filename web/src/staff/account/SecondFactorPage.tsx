/**
 * 2-step verification (`/staff/account/2-step`): whether it is on, setting it up, new recovery codes, and
 * turning it off (refused while one's role requires it). Only for those who sign in with a password: single
 * sign-on's identity provider does its own.
 */
import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { PageHeading } from '../../ui/page.tsx';
import { Loading, ProblemAlert } from '../../ui/states.tsx';
import { CodeInput, missingCode, RecoveryCodes, SecondFactorSetUp } from './SecondFactorSetUp.tsx';

const STATUS = ['second-factor'];

export function SecondFactorPage() {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: STATUS,
    queryFn: () => unwrap(api.GET('/api/v1/auth/second-factor')),
  });
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: STATUS });
  const shown = (fresh: string[]) => {
    setCodes(fresh);
    void refresh();
  };
  return (
    <Stack maw="44rem">
      <PageHeading title="2-step verification" />
      <Text>
        With 2-step verification on, signing in with your password also asks for a code from an authenticator
        app on your phone, so a stolen password alone does not let anyone in.
      </Text>
      {status.isPending ? (
        <Loading label="Loading your 2-step verification" />
      ) : status.isError ? (
        <ProblemAlert error={status.error} onRetry={() => status.refetch()} />
      ) : (
        <>
          <Alert
            role="status"
            color="blue"
            title={status.data.enabled ? '2-step verification is on' : '2-step verification is off'}
          >
            {status.data.enabled
              ? `Recovery codes left: ${status.data.recoveryCodesLeft} of 10.`
              : status.data.required
                ? 'Your role requires it: set it up to use the workspace.'
                : 'Set it up below.'}
          </Alert>
          {codes && <RecoveryCodes codes={codes} />}
          {!status.data.enabled && <SecondFactorSetUp onConfirmed={shown} />}
          {status.data.enabled && <NewRecoveryCodes onMade={shown} />}
          {status.data.enabled && (
            <TurnOff
              required={status.data.required}
              onOff={() => {
                setCodes(null);
                void refresh();
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function NewRecoveryCodes(props: { onMade: (codes: string[]) => void }) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const make = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/second-factor/recovery-codes', { body: { code } })),
    onSuccess: (data) => {
      setCode('');
      props.onMade(data.recoveryCodes);
    },
    onError: (error) =>
      setErrors(formErrors(error, { 'body.code': 'new-codes-code' }, { 'body.code': 'Code' })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = missingCode(code, 'new-codes-code');
    setErrors(found);
    if (!found.length) make.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-codes-heading">
      <Stack>
        <Title order={2} size="h3" id="new-codes-heading">
          New recovery codes
        </Title>
        <Text size="sm">Makes ten new codes; the ones you have stop working.</Text>
        <ErrorSummary errors={errors} />
        <CodeInput id="new-codes-code" value={code} onChange={setCode} errors={errors} />
        <Button type="submit" variant="default" w="fit-content" loading={make.isPending}>
          Make new recovery codes
        </Button>
      </Stack>
    </form>
  );
}

function TurnOff(props: { required: boolean; onOff: () => void }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const turnOff = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/second-factor/turn-off', { body: { password, code } })),
    onSuccess: props.onOff,
    onError: (error) =>
      setErrors(
        formErrors(
          error,
          { 'body.password': 'turn-off-password', 'body.code': 'turn-off-code' },
          { 'body.password': 'Password', 'body.code': 'Code' },
        ),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = [...missingCode(code, 'turn-off-code')];
    if (!password) found.unshift({ inputId: 'turn-off-password', message: 'Enter your password' });
    setErrors(found);
    if (!found.length) turnOff.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="turn-off-heading">
      <Stack>
        <Title order={2} size="h3" id="turn-off-heading">
          Turn off 2-step verification
        </Title>
        {props.required ? (
          <Text size="sm">
            Your role requires 2-step verification, so it cannot be turned off. If you lose your phone and
            your recovery codes, ask an administrator to reset it.
          </Text>
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <PasswordInput
              id="turn-off-password"
              label="Your password"
              autoComplete="current-password"
              required
              maw="20rem"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errorFor(errors, 'turn-off-password')}
            />
            <CodeInput id="turn-off-code" value={code} onChange={setCode} errors={errors} recovery />
            <Button type="submit" color="red" variant="outline" w="fit-content" loading={turnOff.isPending}>
              Turn off
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}
