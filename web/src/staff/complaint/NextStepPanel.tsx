/**
 * The Next step panel: the stage in the procedure's own words, what to do now, and a button for each command
 * the user may issue now (and only those) — the agreed steps still to mark done among them, each named for
 * its step, so that a screen reader's list of buttons tells them apart.
 */
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Ref } from 'react';
import { Link } from 'react-router';
import { useProcedure } from '../../procedure.ts';
import { formatDay } from '../../ui/format.ts';
import type { User } from '../session.ts';
import type { DoneMessage } from './ActionDialog.tsx';
import type { Complaint } from './api.ts';
import { CompleteStepForm } from './forms/CompleteStepForm.tsx';
import { allowedForms, COMMAND_FORMS } from './forms/commandForms.ts';
import { NeedsOwner } from './NeedsOwner.tsx';
import { DoneStatus, RaceMessage } from './parts.tsx';

export function NextStepPanel({
  complaint,
  staff,
  isDirector,
  race,
  onDismissRace,
  done,
  headingRef,
}: {
  complaint: Complaint;
  staff: User[];
  isDirector: boolean;
  race: unknown;
  onDismissRace: () => void;
  done: DoneMessage | null;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const procedure = useProcedure();
  const stage = procedure.data?.procedure.stages[complaint.stage];
  const attempt = complaint.attempts[complaint.attempts.length - 1];
  const actions = allowedForms(COMMAND_FORMS, complaint.nextActions);
  const canComplete = complaint.nextActions.includes('complete-step');
  const atDirectorReview = complaint.stage === 'attempt-3';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="next-step-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="next-step-heading" ref={headingRef} tabIndex={-1}>
          Next step
        </Title>
        <DoneStatus done={done} />
        <RaceMessage race={race} onDismiss={onDismissRace} />
        <NeedsOwner complaint={complaint} />
        <Text fw={700}>{stage?.name ?? complaint.stageName}</Text>
        {stage?.description && <Text size="sm">{stage.description}</Text>}
        {attempt && complaint.open && (
          <Text size="sm">
            <Text span fw={700} size="sm">
              Now:{' '}
            </Text>
            {phaseLine(complaint)}
          </Text>
        )}
        {canComplete && <StepsToMarkDone complaint={complaint} />}
        {atDirectorReview && isDirector && (
          <Group>
            <Button
              component={Link}
              to={`/staff/complaints/${complaint.reference}/director-review`}
              variant="light"
            >
              Open director review
            </Button>
          </Group>
        )}
        {atDirectorReview && !isDirector && (
          <Alert color="blue" variant="light" title="Director-level review" role="note">
            <Text size="sm">Only a director can carry out Resolution Attempt 3.</Text>
          </Alert>
        )}
        {actions.length > 0 ? (
          <Group gap="sm" wrap="wrap">
            {actions.map(([command, Form]) => (
              <Form key={command} complaint={complaint} staff={staff} />
            ))}
          </Group>
        ) : (
          !canComplete && (
            <Text size="sm" c="dimmed">
              {complaint.open
                ? 'There is nothing for you to record at this point.'
                : 'The complaint is closed. You can still log a contact or add a note.'}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}

/** A button per agreed step not yet done, in the proposal's order. */
function StepsToMarkDone({ complaint }: { complaint: Complaint }) {
  const attempt = complaint.attempts[complaint.attempts.length - 1];
  const steps = (attempt?.proposal?.steps ?? []).map((step, index) => ({ step, index }));
  const open = steps.filter(({ step }) => !step.completedAt);
  if (open.length === 0) return null;
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm">Mark each agreed step done as it is completed:</Text>
      {open.map(({ step, index }) => (
        <CompleteStepForm key={step.id} complaint={complaint} step={step} index={index} />
      ))}
    </Stack>
  );
}

function phaseLine(complaint: Complaint): string {
  const attempt = complaint.attempts[complaint.attempts.length - 1];
  if (!attempt) return '';
  switch (attempt.phase) {
    case 'review':
      return attempt.number === 1
        ? 'Explore the complaint: put it right now if you can, or say immediate action is not practical.'
        : 'Review the complaint and record what the review found.';
    case 'reviewed':
      return 'The review is recorded: propose remedial action.';
    case 'awaiting-response':
      return 'Waiting for the customer to agree or decline the proposal.';
    case 'implementing':
      return 'Carry out the agreed steps.';
    case 'follow-up':
      return `All steps are done: follow up with the customer${attempt.followUpDueOn ? ` by ${formatDay(attempt.followUpDueOn)}` : ''}.`;
    case 'chasing':
      return 'The customer has not answered the follow-up: keep trying to reach them.';
    case 'ended':
      return complaint.stage === 'deadlock'
        ? 'Deadlock: the customer can take the complaint to the ADR scheme.'
        : 'The attempt has ended.';
  }
}
