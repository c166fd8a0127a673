/**
 * Personal API tokens: what exists (everyone's for an admin, your own otherwise) with what each may do, until
 * when and when it was last used; creating one of your own (optionally read-only or held to named commands,
 * and expiring) whose secret is shown exactly once; and revoking with a confirmation. Nobody creates a token for someone
 * else here: a token acts as its holder.
 */
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Fieldset,
  Group,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { addDays, isLocalDate, startOfLondonDay } from '../../../../src/domain/time.ts';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { hasRole, useMe } from '../session.ts';
import { ConfirmModal, ERROR_TEXT } from './shared.tsx';

type ApiToken = Schemas['ApiToken'];
type CreatedApiToken = Schemas['CreatedApiToken'];

function useTokens() {
  return useQuery({
    queryKey: ['tokens'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/tokens'))).items,
  });
}

export function TokensPage() {
  const me = useMe();
  const tokens = useTokens();
  const isAdmin = hasRole(me.data, 'admin');
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revokedName, setRevokedName] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (token: ApiToken) =>
      unwrap(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id: token.id } } })),
    onSuccess: async (_data, token) => {
      setRevoking(null);
      setRevokedName(token.name);
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });

  return (
    <Stack>
      <PageHeading title="API tokens" />
      <Text>
        A token lets another system use the Redress API as the person who holds it, with their roles. Send it
        as <Code>Authorization: Bearer</Code> followed by the token. Revoke a token as soon as it is no longer
        needed or may have leaked.
      </Text>
      {created ? (
        <NewToken token={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm
          onCreated={async (token) => {
            setRevokedName(null);
            setCreated(token);
            await queryClient.invalidateQueries({ queryKey: ['tokens'] });
          }}
        />
      )}
      <Title order={2} size="h3" id="tokens-heading">
        {isAdmin ? 'Tokens in use' : 'Your tokens'}
      </Title>
      <div role="status" aria-live="polite">
        {revokedName && (
          <Alert color="teal" variant="outline">
            <Text size="sm">The token “{revokedName}” is revoked: it no longer works.</Text>
          </Alert>
        )}
      </div>
      {tokens.isPending ? (
        <Loading label="Loading tokens" />
      ) : tokens.isError ? (
        <ProblemAlert error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <Empty title="No tokens">
          {isAdmin
            ? 'Nobody can reach the API with a token until one is created.'
            : 'You have no tokens. Create one above if a system needs to act as you.'}
        </Empty>
      ) : (
        <ScrollTable label="Tokens table" minWidth={900}>
          <Table striped aria-labelledby="tokens-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Label</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">May do</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                <Table.Th scope="col">Last used</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {token.name}
                  </Table.Th>
                  <Table.Td>
                    {token.ownerName}
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {token.ownerEmail}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{scopeWords(token.scope)}</Table.Td>
                  <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                  <Table.Td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</Table.Td>
                  <Table.Td>
                    {token.lastUsedAt ? (
                      formatDateTime(token.lastUsedAt)
                    ) : (
                      <Text c="dimmed" size="sm">
                        Not recorded
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Revoke ${token.name} (${token.ownerName})`}
                      onClick={() => {
                        revoke.reset();
                        setRevoking(token);
                      }}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={revoking ? `Revoke “${revoking.name}”?` : 'Revoke token?'}
        confirmLabel="Revoke token"
        danger
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        {revoke.isError && <ProblemAlert error={revoke.error} />}
        <Text size="sm">
          Anything using this token (held by {revoking?.ownerName}) stops working at once. This cannot be
          undone; create a new token if it is needed again.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}

/** A token's scope in words. */
function scopeWords(scope: string): string {
  if (scope === 'full') return 'Everything its holder may';
  if (scope === 'read') return 'Read only';
  return `Read, and ${scope
    .replace(/^commands:/, '')
    .split(',')
    .join(', ')}`;
}

type ScopeChoice = 'full' | 'read' | 'commands';

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const [name, setName] = useState('');
  const [choice, setChoice] = useState<ScopeChoice>('full');
  const [commands, setCommands] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/tokens', {
          body: {
            name,
            scope: choice === 'commands' ? `commands:${commands.replace(/\s+/g, '')}` : choice,
            // Works to the end of the London day chosen (shown as 23:59 of it, not midnight of the next).
            ...(expiresOn
              ? {
                  expiresAt: new Date(
                    startOfLondonDay(addDays(expiresOn, 1)).getTime() - 60_000,
                  ).toISOString(),
                }
              : {}),
          },
        }),
      ),
    onSuccess: (token) => {
      setName('');
      setCommands('');
      setExpiresOn('');
      setChoice('full');
      setErrors([]);
      onCreated(token);
    },
    onError: (error) =>
      setErrors(
        formErrors(
          error,
          { 'body.name': 'token-name', scope: 'token-commands', expiresAt: 'token-expires' },
          { 'body.name': 'Label', scope: 'Commands', expiresAt: 'Expires on' },
        ),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!name.trim())
      found.push({ inputId: 'token-name', message: 'Enter a label saying what the token is for' });
    if (choice === 'commands' && !commands.trim()) {
      found.push({ inputId: 'token-commands', message: 'Name at least one command, e.g. log-contact' });
    }
    if (expiresOn && !isLocalDate(expiresOn)) {
      found.push({ inputId: 'token-expires', message: 'Enter a date, or leave it empty for no expiry' });
    }
    setErrors(found);
    if (!found.length) create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend="Create a token for yourself" maw={560}>
        <Stack>
          <ErrorSummary errors={errors} />
          <TextInput
            id="token-name"
            label="Label"
            description="What it is for, so it can be recognised and revoked later (for example “Billing system”)."
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorFor(errors, 'token-name')}
            errorProps={ERROR_TEXT}
          />
          <Radio.Group
            label="What it may do"
            value={choice}
            onChange={(value) => setChoice(value as ScopeChoice)}
          >
            <Stack gap={6} mt={6}>
              <Radio value="full" label="Everything you may do" />
              <Radio value="read" label="Read only" />
              <Radio value="commands" label="Read, and only the procedure commands named below" />
            </Stack>
          </Radio.Group>
          {choice === 'commands' && (
            <TextInput
              id="token-commands"
              label="Commands"
              description="Their names in the API, separated by commas (for example log-contact, add-note)."
              value={commands}
              onChange={(e) => setCommands(e.currentTarget.value)}
              error={errorFor(errors, 'token-commands')}
              errorProps={ERROR_TEXT}
            />
          )}
          <TextInput
            id="token-expires"
            type="date"
            label="Expires on (optional)"
            description="It works until the end of that day (UK time); leave empty for no expiry."
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errorFor(errors, 'token-expires')}
            errorProps={ERROR_TEXT}
          />
          <Text size="sm" c="dimmed">
            The token acts as you, with your roles. A token for someone else is created by an operator with{' '}
            <Code>redress token create</Code>.
          </Text>
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create token
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}

/** The new token, once: focus moves here so that a screen reader announces it. */
function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert ref={ref} tabIndex={-1} color="teal" variant="outline" title={`Token “${token.name}” created`}>
      <Stack gap="sm">
        <Text size="sm" fw={700}>
          Copy it now; it won’t be shown again. Redress keeps only a fingerprint of it.
        </Text>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            id="new-token"
            label="Your new token"
            readOnly
            value={token.token}
            onFocus={(e) => e.currentTarget.select()}
            styles={{ input: { fontFamily: 'monospace' } }}
            style={{ flex: '1 1 20rem' }}
          />
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <>
                <Button
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'teal.9' : undefined}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy token'}
                </Button>
                <VisuallyHidden role="status">{copied ? 'Token copied to the clipboard' : ''}</VisuallyHidden>
              </>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button variant="default" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
