/**
 * On a complaint's page: the improvement items that list it, and "Raise an improvement" with the complaint
 * linked (reviewers and directors); and the same from the ombudsman's decision, with the decision as source.
 */
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../ui/states.tsx';
import { hasRole, useMe } from '../session.ts';
import { type ImprovementSource, useComplaintImprovements } from './api.ts';
import { DueDate, StatusBadge } from './parts.tsx';
import { RaiseImprovementDialog } from './RaiseImprovementDialog.tsx';

function useIsManager() {
  const me = useMe();
  return hasRole(me.data, 'reviewer') || hasRole(me.data, 'director');
}

/** The button and its dialog; says what was raised, with a link to it. */
export function RaiseImprovementButton(props: {
  complaint: string;
  source: ImprovementSource;
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const [raised, setRaised] = useState<string | null>(null);
  return (
    <Stack gap={4} align="flex-start">
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <div role="status">
        {raised && (
          <Text size="sm" fw={700}>
            Raised{' '}
            <Anchor component={Link} to={`/staff/improvements/${raised}`} size="sm">
              {raised}
            </Anchor>
            .
          </Text>
        )}
      </div>
      {open && (
        <RaiseImprovementDialog
          source={props.source}
          complaint={props.complaint}
          onClose={() => setOpen(false)}
          onRaised={(item) => setRaised(item.reference)}
        />
      )}
    </Stack>
  );
}

export function ComplaintImprovements({ reference }: { reference: string }) {
  const items = useComplaintImprovements(reference);
  const manager = useIsManager();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="complaint-improvements">
      <Title order={2} size="h4" id="complaint-improvements" mb="xs">
        Improvements
      </Title>
      {items.isError && <ProblemAlert error={items.error} onRetry={() => items.refetch()} />}
      {items.data?.length === 0 && (
        <Text size="sm" c="dimmed" mb="xs">
          No improvement item lists this complaint.
        </Text>
      )}
      {items.data && items.data.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: '0 0 0.5rem' }}>
          {items.data.map((item) => (
            <li key={item.reference}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/staff/improvements/${item.reference}`} size="sm" fw={700}>
                  {item.reference}
                </Anchor>
                <Text size="sm" className="user-text">
                  {item.title}
                </Text>
                <StatusBadge status={item.status} />
              </Group>
              <DueDate item={item} prefix={`${item.owner.name} · due by `} />
            </li>
          ))}
        </Stack>
      )}
      {manager && (
        <RaiseImprovementButton complaint={reference} source="complaint" label="Raise an improvement" />
      )}
    </Paper>
  );
}

/** Beside an ombudsman's decision: an improvement raised from it (reviewers and directors). */
export function RaiseFromDecision({ reference }: { reference: string }) {
  const manager = useIsManager();
  if (!manager) return null;
  return (
    <RaiseImprovementButton
      complaint={reference}
      source="ombudsman-decision"
      label="Raise an improvement from this decision"
    />
  );
}
