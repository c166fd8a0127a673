/**
 * The director-level review (Resolution Attempt 3, /staff/complaints/:reference/director-review): what every
 * earlier attempt found and proposed, side by side, and the director's final proposal or deadlock decision.
 */
import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useProcedure } from '../../procedure.ts';
import { usePageTitle } from '../../ui/page.tsx';
import { Loading } from '../../ui/states.tsx';
import { hasRole, useMe, useStaff } from '../session.ts';
import { CommandContext, useCommandReports } from './ActionDialog.tsx';
import { AttemptDetails } from './AttemptDetails.tsx';
import { useComplaint } from './api.ts';
import { ProposeForm } from './forms/ProposeForm.tsx';
import { DeclareDeadlockForm, RecordReviewForm } from './forms/TextForms.tsx';
import { ComplaintHeader, ComplaintLoadError, DoneStatus, RaceMessage } from './parts.tsx';

export function DirectorReviewPage() {
  const { reference = '' } = useParams();
  // A fresh page per complaint: no message or draft carries over to another complaint.
  return <DirectorReview key={reference} reference={reference} />;
}

function DirectorReview({ reference }: { reference: string }) {
  const query = useComplaint(reference);
  const me = useMe();
  const staff = useStaff();
  const procedure = useProcedure();
  const { reports, race, dismissRace, done, headingRef } = useCommandReports();
  usePageTitle(`Director review ${query.data?.reference ?? reference}`);

  if (query.isPending || me.isPending) return <Loading label="Loading the complaint" />;
  if (query.isError)
    return <ComplaintLoadError reference={reference} error={query.error} onRetry={() => query.refetch()} />;
  const complaint = query.data;
  const isDirector = hasRole(me.data, 'director');
  const stage = procedure.data?.procedure.stages['attempt-3'];
  const actions = isDirector ? complaint.nextActions : [];
  const back = (
    <Anchor component={Link} to={`/staff/complaints/${complaint.reference}`} size="sm">
      Back to complaint {complaint.reference}
    </Anchor>
  );

  return (
    <CommandContext.Provider value={reports}>
      <Stack gap="lg">
        {back}
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {complaint.reference}
          </Text>
          <Title order={1} size="h2">
            Director review: {stage?.name ?? 'Resolution Attempt 3'}
          </Title>
        </Stack>
        {!isDirector ? (
          <Alert color="blue" variant="light" title="Director-level review" role="note">
            <Text size="sm">Only a director can carry out Resolution Attempt 3.</Text>
          </Alert>
        ) : (
          <>
            <ComplaintHeader complaint={complaint} staff={staff.data ?? []} canAssign={false} />
            <Paper withBorder p="md" component="section" aria-labelledby="decision-heading">
              <Stack gap="sm">
                <Title order={2} size="h3" id="decision-heading" ref={headingRef} tabIndex={-1}>
                  Decision
                </Title>
                <DoneStatus done={done} />
                <RaceMessage race={race} onDismiss={dismissRace} />
                {stage?.description && <Text size="sm">{stage.description}</Text>}
                {complaint.stage !== 'attempt-3' && (
                  <Text size="sm">
                    This complaint is not at Resolution Attempt 3 (it is at {complaint.stageName}), so there
                    is no director-level decision to make now.
                  </Text>
                )}
                {complaint.stage === 'attempt-3' &&
                  !actions.some(
                    (a) => a === 'record-review' || a === 'propose' || a === 'declare-deadlock',
                  ) && (
                    <Text size="sm" c="dimmed">
                      There is nothing for you to decide at this point.
                    </Text>
                  )}
                <Group gap="sm" wrap="wrap">
                  {actions.includes('record-review') && (
                    <RecordReviewForm complaint={complaint} staff={staff.data ?? []} />
                  )}
                  {actions.includes('propose') && (
                    <ProposeForm complaint={complaint} staff={staff.data ?? []} />
                  )}
                  {actions.includes('declare-deadlock') && (
                    <DeclareDeadlockForm complaint={complaint} staff={staff.data ?? []} />
                  )}
                </Group>
              </Stack>
            </Paper>
            <section aria-labelledby="attempts-heading">
              <Title order={2} size="h3" id="attempts-heading" mb="sm">
                The attempts side by side
              </Title>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
                {[1, 2, 3].map((n) => {
                  const attempt = complaint.attempts.find((a) => a.number === n);
                  return (
                    <Paper key={n} withBorder p="md">
                      {attempt ? (
                        <AttemptDetails attempt={attempt} headingOrder={3} />
                      ) : (
                        <Stack gap="xs">
                          <Title order={3} size="h4">
                            Resolution Attempt {n}
                          </Title>
                          <Text size="sm" c="dimmed">
                            Not reached.
                          </Text>
                        </Stack>
                      )}
                    </Paper>
                  );
                })}
              </SimpleGrid>
            </section>
          </>
        )}
      </Stack>
    </CommandContext.Provider>
  );
}
