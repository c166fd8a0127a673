/**
 * The staff complaint page (/staff/complaints/:reference): who and where, the next step in the procedure's
 * own words with a form for each command the user may issue now (and only those), the attempts, and one
 * timeline of everything that happened.
 */
import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Ref } from 'react';
import { Link, useParams } from 'react-router';
import { useProcedure } from '../../procedure.ts';
import { formatDateTime, formatDay, humanize } from '../../ui/format.ts';
import { usePageTitle } from '../../ui/page.tsx';
import { Loading } from '../../ui/states.tsx';
import { hasRole, type User, useMe, useStaff } from '../session.ts';
import { CommandContext, type DoneMessage, useCommandReports } from './ActionDialog.tsx';
import { AttemptDetails } from './AttemptDetails.tsx';
import { type Complaint, useComplaint } from './api.ts';
import { allowedForms, COMMAND_FORMS, TIMELINE_FORMS } from './forms/commandForms.ts';
import { CaseFileSection, LettersSection } from './Letters.tsx';
import { ComplaintHeader, ComplaintLoadError, DoneStatus, RaceMessage } from './parts.tsx';
import { ReferralDetails } from './Referral.tsx';
import { Timeline } from './Timeline.tsx';
import { CHANNEL_WORDS, CLOSURE_WORDS } from './words.ts';

export function ComplaintPage() {
  const { reference = '' } = useParams();
  // A fresh page per complaint: no message, draft or confirmation carries over to another complaint.
  return <ComplaintView key={reference} reference={reference} />;
}

function ComplaintView({ reference }: { reference: string }) {
  const query = useComplaint(reference);
  const me = useMe();
  const staff = useStaff();
  const { reports, race, dismissRace, done, headingRef } = useCommandReports();
  usePageTitle(query.data ? `Complaint ${query.data.reference}` : `Complaint ${reference}`);

  if (query.isPending) return <Loading label="Loading the complaint" />;
  if (query.isError)
    return <ComplaintLoadError reference={reference} error={query.error} onRetry={() => query.refetch()} />;
  const complaint = query.data;
  const people = staff.data ?? [];
  const isDirector = hasRole(me.data, 'director');

  return (
    <CommandContext.Provider value={reports}>
      <Stack gap="lg">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            Complaint reference
          </Text>
          <Title
            order={1}
            size="h1"
            style={{ fontSize: 'clamp(1.6rem, 7.5vw, 2.125rem)', overflowWrap: 'anywhere' }}
          >
            {complaint.reference}
          </Title>
        </Stack>
        <ComplaintHeader
          complaint={complaint}
          staff={people}
          canAssign={complaint.nextActions.includes('assign')}
        />
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <NextStepPanel
                complaint={complaint}
                staff={people}
                isDirector={isDirector}
                race={race}
                onDismissRace={dismissRace}
                done={done?.keepFocus ? null : done}
                headingRef={headingRef}
              />
              <CurrentAttempt complaint={complaint} />
              <LettersSection complaint={complaint} />
              <CaseFileSection complaint={complaint} />
              <TheComplaint complaint={complaint} />
              <EarlierAttempts complaint={complaint} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="timeline-heading">
              <Group justify="space-between" align="center" mb="sm" wrap="wrap">
                <Title order={2} size="h3" id="timeline-heading">
                  Timeline
                </Title>
                <Text size="sm" c="dimmed">
                  Newest first · UK time
                </Text>
              </Group>
              <Group gap="xs" mb="sm">
                {allowedForms(TIMELINE_FORMS, complaint.nextActions).map(([command, Form]) => (
                  <Form key={command} complaint={complaint} staff={people} />
                ))}
              </Group>
              <DoneStatus done={done?.keepFocus ? done : null} />
              <Text size="xs" c="dimmed" mb="sm">
                Notes are internal: the customer never sees them.
              </Text>
              <Timeline complaint={complaint} staff={people} />
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
    </CommandContext.Provider>
  );
}

function NextStepPanel({
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
  const atDirectorReview = complaint.stage === 'attempt-3';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="next-step-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="next-step-heading" ref={headingRef} tabIndex={-1}>
          Next step
        </Title>
        <DoneStatus done={done} />
        <RaceMessage race={race} onDismiss={onDismissRace} />
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
        {complaint.nextActions.includes('complete-step') && (
          <Text size="sm">
            Mark each step of the agreed proposal done as it is completed (under Current attempt).
          </Text>
        )}
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
          !complaint.nextActions.includes('complete-step') && (
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

function CurrentAttempt({ complaint }: { complaint: Complaint }) {
  const attempt = complaint.attempts[complaint.attempts.length - 1];
  if (!attempt) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="current-attempt-heading">
      <Title order={2} size="h3" id="current-attempt-heading" mb="sm">
        Current attempt: Resolution Attempt {attempt.number}
      </Title>
      <AttemptDetails
        complaint={complaint}
        attempt={attempt}
        headingOrder={2}
        showTitle={false}
        canComplete={complaint.nextActions.includes('complete-step')}
      />
      <DeadlockAndReferral complaint={complaint} />
    </Paper>
  );
}

function DeadlockAndReferral({ complaint }: { complaint: Complaint }) {
  const { referral, closure } = complaint;
  if (!referral && !closure) return null;
  return (
    <Stack gap="xs" mt="md">
      {referral && <ReferralDetails complaint={complaint} referral={referral} />}
      {closure && (
        <>
          <Title order={3} size="h5">
            Closure
          </Title>
          <Text size="sm">
            Closed {formatDateTime(closure.closedAt)}:{' '}
            {CLOSURE_WORDS[closure.reason] ?? humanize(closure.reason)}.
          </Text>
          {closure.rootCause && (
            <Text size="sm">
              Root cause: <span className="user-text">{closure.rootCause}</span>
            </Text>
          )}
          {closure.lessons && (
            <Text size="sm">
              Lessons: <span className="user-text">{closure.lessons}</span>
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function TheComplaint({ complaint }: { complaint: Complaint }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="complaint-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="complaint-heading">
          The complaint
        </Title>
        <Text size="sm">
          {humanize(complaint.category)} · received by {CHANNEL_WORDS[complaint.channel].toLowerCase()} on{' '}
          {formatDateTime(complaint.receivedAt)}
          {complaint.formal ? ' · the customer asked for a formal complaint' : ''}
        </Text>
        <Text size="sm">First expressed {formatDateTime(complaint.firstExpressedAt)}</Text>
        <Text size="sm">Acknowledge by {formatDay(complaint.acknowledgeBy)}</Text>
        <Title order={3} size="h5">
          What happened (the customer’s words)
        </Title>
        <Text size="sm" className="user-text">
          {complaint.description}
        </Text>
        {complaint.desiredOutcome && (
          <>
            <Title order={3} size="h5">
              What the customer wants
            </Title>
            <Text size="sm" className="user-text">
              {complaint.desiredOutcome}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function EarlierAttempts({ complaint }: { complaint: Complaint }) {
  const earlier = complaint.attempts.slice(0, -1);
  if (earlier.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="earlier-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="earlier-heading">
          Earlier attempts
        </Title>
        {earlier.map((a) => (
          <AttemptDetails key={a.number} complaint={complaint} attempt={a} headingOrder={3} />
        ))}
      </Stack>
    </Paper>
  );
}
