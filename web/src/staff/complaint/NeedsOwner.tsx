/**
 * A complaint waiting in its stage's queue says so plainly — "Needs a reviewer" — and offers anyone with the
 * role to take it in one click. Taking it is the procedure's `take` command: if someone else took it first,
 * the page says so and shows who owns it now.
 */
import { Alert, Button, Text } from '@mantine/core';
import { useContext } from 'react';
import { ProblemAlert } from '../../ui/states.tsx';
import { CommandContext } from './ActionDialog.tsx';
import { type Complaint, isRace, useCommand } from './api.ts';
import { DONE_WORDS } from './words.ts';

const ROLE_WORDS: Record<NonNullable<Complaint['needs']>, string> = {
  agent: 'an agent',
  reviewer: 'a reviewer',
  director: 'a director',
  admin: 'an admin',
};

export function NeedsOwner({ complaint }: { complaint: Complaint }) {
  const take = useCommand(complaint.reference, 'take');
  const reports = useContext(CommandContext);
  if (!complaint.needs) return null;
  const canTake = complaint.nextActions.includes('take');
  const who = ROLE_WORDS[complaint.needs];
  return (
    <Alert
      color="orange"
      variant="light"
      title={`Needs ${who}`}
      role="note"
      // Orange on its light background is too faint for the title's text; the colour is the box's.
      styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}
    >
      <Text size="sm" mb={canTake ? 'xs' : 0}>
        Nobody owns this complaint at {complaint.stageName}: it waits in the queue for {who} to take it.
        {canTake ? '' : ` Only someone with that role can take it.`}
      </Text>
      {take.error && !isRace(take.error) && <ProblemAlert error={take.error} />}
      {canTake && (
        <Button
          loading={take.isPending}
          onClick={() =>
            take.mutateAsync({}).then(
              () => reports.done(DONE_WORDS.take),
              (error) => {
                if (isRace(error)) reports.race(error);
              },
            )
          }
        >
          Take it
        </Button>
      )}
    </Alert>
  );
}
