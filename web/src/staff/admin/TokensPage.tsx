/**
 * Personal API tokens: what exists (everyone's for an admin, your own otherwise), creating one whose secret
 * is shown exactly once, and revoking with a confirmation.
 */
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { hasRole, useMe, useStaff } from '../session.ts';
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
          isAdmin={isAdmin}
          meId={me.data?.id}
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
        <Table.ScrollContainer
          minWidth={720}
          type="native"
          tabIndex={0}
          role="region"
          aria-label="Tokens table"
        >
          <Table striped aria-labelledby="tokens-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Label</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
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
                  <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
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
        </Table.ScrollContainer>
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

function CreateTokenForm({
  isAdmin,
  meId,
  onCreated,
}: {
  isAdmin: boolean;
  meId: string | undefined;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const staff = useStaff();
  const [name, setName] = useState('');
  const [userId, setUserId] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/tokens', {
          body: { name, ...(isAdmin && userId && userId !== meId ? { userId } : {}) },
        }),
      ),
    onSuccess: (token) => {
      setName('');
      setErrors([]);
      onCreated(token);
    },
    onError: (error) =>
      setErrors(
        formErrors(
          error,
          { 'body.name': 'token-name', 'body.userId': 'token-owner', userId: 'token-owner' },
          { 'body.name': 'Label', 'body.userId': 'For', userId: 'For' },
        ),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = name.trim()
      ? []
      : [{ inputId: 'token-name', message: 'Enter a label saying what the token is for' }];
    setErrors(found);
    if (!found.length) create.mutate();
  };
  const active = (staff.data ?? []).filter((u) => u.active);
  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend="Create a token" maw={560}>
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
          {isAdmin && (
            <NativeSelect
              id="token-owner"
              label="For"
              description="The token acts as this person, with their roles."
              value={userId || meId || ''}
              onChange={(e) => setUserId(e.currentTarget.value)}
              error={errorFor(errors, 'token-owner')}
              errorProps={ERROR_TEXT}
              data={active.map((u) => ({ value: u.id, label: u.id === meId ? `${u.name} (you)` : u.name }))}
            />
          )}
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
    <Alert
      ref={ref}
      tabIndex={-1}
      color="teal"
      variant="outline"
      title={`Token “${token.name}” created for ${token.ownerName}`}
    >
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
