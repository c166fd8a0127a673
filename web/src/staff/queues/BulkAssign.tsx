/**
 * Assigning the ticked complaints of a queue at once: to a person, or back to their stage queues. The server
 * assigns each through the procedure's own command and says which could not go (their role does not fit the
 * stage, or the complaint closed meanwhile); those stay ticked, with the reason.
 */
import { Alert, Button, Group, List, NativeSelect, Paper, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ProblemAlert } from '../../ui/states.tsx';
import type { User } from '../session.ts';

const BACK_TO_QUEUE = 'queue';

export function BulkAssign({
  references,
  staff,
  onDone,
}: {
  references: string[];
  staff: User[];
  /** The references assigned: untick them. */
  onDone: (assigned: string[]) => void;
}) {
  const queryClient = useQueryClient();
  const [to, setTo] = useState('');
  const [missing, setMissing] = useState(false);
  const assign = useMutation({
    mutationFn: (ownerId: string | null) =>
      unwrap(api.POST('/api/v1/complaints/assign', { body: { references, ownerId } })),
    onSuccess: (result) => {
      onDone(result.results.filter((r) => r.ok).map((r) => r.reference));
      queryClient.invalidateQueries({ queryKey: ['complaints'] });
      queryClient.invalidateQueries({ queryKey: ['queues'] });
      queryClient.invalidateQueries({ queryKey: ['workload'] });
    },
  });
  const refused = assign.data?.results.filter((r) => !r.ok) ?? [];
  const done = assign.data?.results.filter((r) => r.ok).length ?? 0;
  if (references.length === 0 && !assign.data) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="bulk-assign-heading">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!to) {
            setMissing(true);
            return;
          }
          setMissing(false);
          assign.mutate(to === BACK_TO_QUEUE ? null : to);
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Text fw={700} id="bulk-assign-heading">
            {references.length} ticked
          </Text>
          <NativeSelect
            id="bulk-assign-to"
            label="Assign them to"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={missing ? 'Choose who takes them' : undefined}
            data={[
              { value: '', label: 'Choose a person' },
              { value: BACK_TO_QUEUE, label: 'Nobody: back to their stage queue' },
              ...staff.filter((u) => u.active !== false).map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
          <Button type="submit" loading={assign.isPending} disabled={references.length === 0}>
            Assign
          </Button>
        </Group>
      </form>
      {assign.error && <ProblemAlert error={assign.error} />}
      {assign.data && (
        <Alert mt="sm" color={refused.length ? 'yellow' : 'teal'} variant="light" role="status">
          <Text size="sm">
            {done} assigned.
            {refused.length > 0 && ` ${refused.length} could not be, and stay ticked:`}
          </Text>
          {refused.length > 0 && (
            <List size="sm">
              {refused.map((r) => (
                <List.Item key={r.reference}>
                  {r.reference}: {r.problem?.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Paper>
  );
}
