/**
 * Pieces both complaint pages use: the not-found and error states, the header facts, the ADR clock, and the
 * messages after a command (what was done; that the complaint moved on).
 */
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useContext, useEffect, useRef, useState } from 'react';
import { ProblemError } from '../../api/client.ts';
import { ErrorSummary, formErrors } from '../../ui/ErrorSummary.tsx';
import { formatDay } from '../../ui/format.ts';
import { usePageTitle } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/states.tsx';
import type { User } from '../session.ts';
import { CommandContext, type DoneMessage } from './ActionDialog.tsx';
import { type Complaint, isRace, useCommand } from './api.ts';
import { CHANNEL_WORDS, customerTypeWords, TRIGGER_WORDS } from './words.ts';

export function ComplaintLoadError({
  reference,
  error,
  onRetry,
}: {
  reference: string;
  error: unknown;
  onRetry: () => void;
}) {
  const notFound = error instanceof ProblemError && (error.status === 404 || error.status === 400);
  usePageTitle(notFound ? 'Complaint not found' : 'Complaint');
  return (
    <Stack>
      <Title order={1} size="h2">
        {notFound ? 'Complaint not found' : `Complaint ${reference}`}
      </Title>
      {notFound ? (
        <Text>No complaint with reference {reference}.</Text>
      ) : (
        <ProblemAlert error={error} onRetry={onRetry} />
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

export function AdrClock({ complaint }: { complaint: Complaint }) {
  const { adr } = complaint;
  if (!adr.eligible) {
    return <Text size="sm">Not eligible for ADR (large business customer)</Text>;
  }
  const letter = adr.letters[adr.letters.length - 1];
  if (letter) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          ADR letter issued on {formatDay(letter.issuedOn)} ({TRIGGER_WORDS[letter.trigger]})
        </Text>
        <Text size="sm">
          The customer can refer the complaint to {adr.scheme} until {formatDay(letter.windowEndsOn)}.
        </Text>
      </Stack>
    );
  }
  if (!complaint.open) return <Text size="sm">No ADR letter was needed.</Text>;
  const urgent = adr.daysLeft <= 7;
  const words =
    adr.daysLeft < 0
      ? `Overdue by ${-adr.daysLeft} ${-adr.daysLeft === 1 ? 'day' : 'days'}`
      : adr.daysLeft === 0
        ? 'Due today'
        : `${adr.daysLeft} ${adr.daysLeft === 1 ? 'day' : 'days'} left`;
  return (
    <Stack gap={2}>
      <Text size="sm">ADR letter due {formatDay(adr.dueOn)}</Text>
      <Text size="sm" fw={700} c={urgent ? 'red.9' : undefined}>
        {urgent && adr.daysLeft > 0 ? 'Due soon: ' : ''}
        {words}
      </Text>
    </Stack>
  );
}

/** What the last command did: a polite live region, always present so that what appears in it is announced. */
export function DoneStatus({ done }: { done: DoneMessage | null }) {
  return (
    <div role="status">
      {done && (
        <Text key={done.n} size="sm" fw={700}>
          {done.message}.
        </Text>
      )}
    </div>
  );
}

/** That the complaint moved on under a form, until dismissed or the next command succeeds. */
export function RaceMessage({ race, onDismiss }: { race: unknown; onDismiss: () => void }) {
  if (!race) return null;
  return (
    <Stack gap="xs">
      <ProblemAlert error={race} />
      <Group>
        <Button size="xs" variant="default" onClick={onDismiss}>
          Dismiss
        </Button>
      </Group>
    </Stack>
  );
}

export function AssignControl({ complaint, staff }: { complaint: Complaint; staff: User[] }) {
  const current = complaint.owner?.id ?? '';
  const [owner, setOwner] = useState(current);
  // The complaint's owner can change under the form (a command, a refetch): show who owns it now.
  useEffect(() => setOwner(current), [current]);
  const mutation = useCommand(complaint.reference, 'assign');
  const reports = useContext(CommandContext);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // The button is disabled while saving, which takes focus from it: give it back once it is enabled again.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && !mutation.isPending) {
      buttonRef.current?.focus();
      setRefocus(false);
    }
  }, [refocus, mutation.isPending]);
  const active = staff.filter((u) => u.active !== false || u.id === complaint.owner?.id);
  const errors =
    mutation.error && !isRace(mutation.error)
      ? formErrors(mutation.error, { 'body.ownerId': 'assign-owner' }, { 'body.ownerId': 'Assign to' })
      : [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate(
          { ownerId: owner || null },
          {
            onSuccess: () => {
              reports.clearRace();
              setRefocus(true);
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <ErrorSummary errors={errors} />
        {mutation.error && isRace(mutation.error) && <ProblemAlert error={mutation.error} />}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            id="assign-owner"
            label="Assign to"
            size="sm"
            data={[
              { value: '', label: 'Unassigned' },
              ...active.map((u) => ({ value: u.id, label: u.name })),
            ]}
            value={owner}
            onChange={(e) => setOwner(e.currentTarget.value)}
          />
          <Button ref={buttonRef} type="submit" size="sm" variant="default" loading={mutation.isPending}>
            Assign
          </Button>
        </Group>
        <div role="status">
          {mutation.isSuccess && (
            <Text size="sm">
              Saved: {mutation.data.owner ? `owned by ${mutation.data.owner.name}` : 'unassigned'}.
            </Text>
          )}
        </div>
      </Stack>
    </form>
  );
}

export function ComplaintHeader({
  complaint,
  staff,
  canAssign,
}: {
  complaint: Complaint;
  staff: User[];
  canAssign: boolean;
}) {
  const c = complaint.customer;
  const needs = c
    ? [
        c.needs.largePrint && 'Large print',
        c.needs.braille && 'Braille',
        c.needs.textRelay && 'Text relay',
      ].filter(Boolean)
    : [];
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="lg">
        <Fact label="Customer">
          {c ? (
            <Stack gap={2}>
              <Text fw={700} className="user-text">
                {c.name}
              </Text>
              <Text size="sm">{customerTypeWords(c.type)}</Text>
              {c.email && (
                <Text size="sm" className="user-text">
                  {c.email}
                </Text>
              )}
              {c.phone && (
                <Text size="sm" className="user-text">
                  {c.phone}
                </Text>
              )}
              {c.preferredChannel && <Text size="sm">Prefers: {CHANNEL_WORDS[c.preferredChannel]}</Text>}
              {needs.length > 0 && (
                <Text size="sm" fw={700}>
                  Format needs: {needs.join(', ')}
                </Text>
              )}
              {c.vulnerabilityNotes && (
                <Text size="sm">
                  <Text span fw={700} size="sm">
                    Vulnerability:{' '}
                  </Text>
                  <span className="user-text">{c.vulnerabilityNotes}</span>
                </Text>
              )}
            </Stack>
          ) : (
            <Text size="sm">Not recorded</Text>
          )}
        </Fact>
        <Fact label="Stage">
          <Group gap="xs">
            <Text fw={700}>{complaint.stageName}</Text>
          </Group>
        </Fact>
        <Fact label="Owner">
          <Text fw={700}>{complaint.owner?.name ?? 'Unassigned'}</Text>
          {canAssign && <AssignControl key={complaint.reference} complaint={complaint} staff={staff} />}
        </Fact>
        <Fact label="ADR clock">
          <AdrClock complaint={complaint} />
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
