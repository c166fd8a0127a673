/**
 * Setting up 2-step verification: a QR code for the authenticator app (and its secret as text, for an app
 * that cannot scan), confirmed with a code the app shows; then the ten recovery codes, shown once, with Copy
 * and Download. Used by the 2-step verification page and, for someone whose role requires it, instead of the
 * whole workspace.
 */
import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Image,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { ProblemAlert } from '../../ui/states.tsx';

/** The secret in groups of four, as authenticator apps show and take it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * One code from the authenticator app, with its label and errors: a numeric field (the phone's number pad,
 * the code offered from a text message or the app by `one-time-code`). Where `recovery` allows, "Use a
 * recovery code instead" switches to a text field for one of the recovery codes, and back.
 */
export function CodeInput(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  errors: FormError[];
  recovery?: boolean;
}) {
  const [byRecoveryCode, setByRecoveryCode] = useState(false);
  const switchTo = (recovery: boolean) => {
    setByRecoveryCode(recovery);
    props.onChange('');
    // The field is replaced: keep the keyboard where the person is typing.
    requestAnimationFrame(() => document.getElementById(props.id)?.focus());
  };
  const field = byRecoveryCode ? (
    <TextInput
      key="recovery"
      id={props.id}
      label="Recovery code"
      description="One of the ten codes you kept when you set up 2-step verification, like ABCDE-FGHJK-MNPQR"
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      required
      maw="20rem"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={errorFor(props.errors, props.id)}
    />
  ) : (
    <TextInput
      key="app"
      id={props.id}
      label="Code from your authenticator app"
      description="The 6 digits it shows now"
      autoComplete="one-time-code"
      inputMode="numeric"
      autoCapitalize="off"
      spellCheck={false}
      required
      maw="20rem"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={errorFor(props.errors, props.id)}
    />
  );
  if (!props.recovery) return field;
  return (
    <Stack gap={4}>
      {field}
      <Anchor component="button" type="button" size="sm" ta="left" onClick={() => switchTo(!byRecoveryCode)}>
        {byRecoveryCode ? 'Use a code from your authenticator app instead' : 'Use a recovery code instead'}
      </Anchor>
    </Stack>
  );
}

/** A code is needed: the message for the form's error summary, or none. */
export function missingCode(value: string, inputId: string): FormError[] {
  return value.trim() ? [] : [{ inputId, message: 'Enter the code' }];
}

/** The recovery codes just made: shown this once, to copy, download or write down. */
export function RecoveryCodes(props: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = `Redress recovery codes — each works once, instead of a code from your authenticator app\n\n${props.codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'redress-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Text fw={700} id="recovery-codes-heading">
          Your recovery codes
        </Text>
        <Text size="sm">
          Keep these somewhere safe, apart from your phone (a password manager, or on paper). Each lets you
          sign in once if you do not have your authenticator app. They are shown only now.
        </Text>
        <List aria-labelledby="recovery-codes-heading" listStyleType="none" spacing={4}>
          {props.codes.map((code) => (
            <List.Item key={code}>
              <Code fz="md">{code}</Code>
            </List.Item>
          ))}
        </List>
        <Group>
          <Button
            variant="default"
            onClick={async () => {
              await navigator.clipboard.writeText(text);
              setCopied(true);
            }}
          >
            Copy codes
          </Button>
          <Button variant="default" onClick={download}>
            Download codes
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {copied && <Text size="sm">Copied to the clipboard.</Text>}
        </div>
      </Stack>
    </Paper>
  );
}

/** Starts setting up, shows the QR code, and confirms with a code; `onConfirmed` gets the recovery codes. */
export function SecondFactorSetUp(props: { onConfirmed: (codes: string[]) => void }) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const setUp = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/auth/second-factor/setup')) });
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/second-factor/confirm', { body: { code } })),
    onSuccess: (data) => props.onConfirmed(data.recoveryCodes),
    onError: (error) => setErrors(formErrors(error, { 'body.code': 'setup-code' }, { 'body.code': 'Code' })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = missingCode(code, 'setup-code');
    setErrors(found);
    if (!found.length) confirm.mutate();
  };
  if (!setUp.data)
    return (
      <Stack align="flex-start">
        {setUp.isError && <ProblemAlert error={setUp.error} />}
        <Button onClick={() => setUp.mutate()} loading={setUp.isPending}>
          Set up 2-step verification
        </Button>
      </Stack>
    );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary errors={errors} />
        <Text>
          1. Open an authenticator app on your phone (Google Authenticator, Microsoft Authenticator,
          1Password, Aegis, …) and scan this QR code.
        </Text>
        <Image
          src={setUp.data.qrCode}
          alt="QR code to scan with your authenticator app"
          w={200}
          h={200}
          bg="white"
        />
        <Text size="sm">
          Cannot scan it? Enter this key in the app instead (time-based):{' '}
          <Code fz="sm" data-testid="totp-secret">
            {grouped(setUp.data.secret)}
          </Code>
        </Text>
        <Text>2. Enter the code the app shows, to check it works.</Text>
        <CodeInput id="setup-code" value={code} onChange={setCode} errors={errors} />
        <Group>
          <Button type="submit" loading={confirm.isPending}>
            Turn on 2-step verification
          </Button>
        </Group>
        {confirm.isError && errors.length === 0 && (
          <Alert color="red" role="alert">
            {confirm.error.message}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
