/**
 * /track/complaints/:reference: the signed-in customer's complaint in plain words — where it stands, our
 * proposal, the question whether it is resolved, their letters and the timeline — and their answers.
 * Someone else's CRN is "not found", exactly like one that does not exist.
 */
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ProblemError, unwrap } from '../api/client.ts';
import { formatDateTime, formatDay } from '../ui/format.ts';
import { PageHeading } from '../ui/page.tsx';
import { Loading, ProblemAlert } from '../ui/states.tsx';
import { PortalActions, type PortalComplaint } from './PortalActions.tsx';
import { PortalLetters, PortalTimeline } from './PortalHistory.tsx';
import { SurveyQuestion } from './SurveyQuestion.tsx';

function usePortalComplaint(reference: string) {
  return useQuery({
    queryKey: ['portal-complaint', reference],
    queryFn: () =>
      unwrap(api.GET('/api/v1/portal/complaints/{reference}', { params: { path: { reference } } })),
  });
}

function CannotShow({
  error,
  reference,
  onRetry,
}: {
  error: unknown;
  reference: string;
  onRetry: () => void;
}) {
  const status = error instanceof ProblemError ? error.status : 0;
  if (status === 401) {
    return (
      <Stack gap="md" maw={560}>
        <PageHeading title="Please sign in" />
        <Text>
          To see your complaint, sign in with a link we send to the email address or phone number you gave us.
        </Text>
        <Anchor component={Link} to={`/track?reference=${encodeURIComponent(reference)}`}>
          Get a sign-in link
        </Anchor>
      </Stack>
    );
  }
  if (status === 404 || status === 400) {
    return (
      <Stack gap="md" maw={560}>
        <PageHeading title="We could not find that complaint for you" />
        <Text>Check the complaint reference number. You can only see complaints made in your name.</Text>
        <Anchor component={Link} to="/track">
          Track a different complaint
        </Anchor>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <PageHeading title="Your complaint" />
      <ProblemAlert error={error} onRetry={onRetry} />
    </Stack>
  );
}

function Proposal({ proposal }: { proposal: NonNullable<PortalComplaint['proposal']> }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="proposal-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="proposal-heading">
          What we propose
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{proposal.summary}</Text>
        {proposal.steps.length > 0 && (
          <>
            <Text fw={600}>The steps</Text>
            <List spacing="xs">
              {proposal.steps.map((step) => (
                <List.Item key={`${step.dueOn}:${step.description}`}>
                  {step.description} — {step.done ? 'done' : `by ${formatDay(step.dueOn)}`}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function PortalComplaintPage() {
  const reference = useParams().reference ?? '';
  const complaint = usePortalComplaint(reference);
  // Numbered, so that doing the same thing twice (adding information again, say) still changes the state:
  // the confirmation is rebuilt and takes focus again, and so is announced again.
  const [confirmed, setConfirmed] = useState<{ message: string; n: number } | null>(null);
  const confirm = (message: string) => setConfirmed((c) => ({ message, n: (c?.n ?? 0) + 1 }));
  const confirmRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (confirmed) confirmRef.current?.focus();
  }, [confirmed]);
  const signOut = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/portal/sign-out')),
    onSettled: () => {
      queryClient.removeQueries({ queryKey: ['portal-complaint'] });
      navigate('/track');
    },
  });

  if (complaint.isPending) return <Loading label="Loading your complaint" />;
  if (complaint.isError) {
    return <CannotShow error={complaint.error} reference={reference} onRetry={() => complaint.refetch()} />;
  }
  const view = complaint.data;
  return (
    <Stack gap="xl" maw={720}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <PageHeading title="Your complaint" />
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => signOut.mutate()}
            loading={signOut.isPending}
          >
            Sign out
          </Button>
        </Group>
        <Text>
          Reference <strong>{view.reference}</strong> · received {formatDateTime(view.receivedAt)}
        </Text>
      </Stack>

      {confirmed && (
        <Alert
          key={confirmed.n}
          ref={confirmRef}
          tabIndex={-1}
          color="blue"
          variant="light"
          title="Done"
          role="status"
        >
          {confirmed.message}
        </Alert>
      )}

      <Stack gap="xs" component="section" aria-labelledby="status-heading">
        <Title order={2} size="h3" id="status-heading">
          Where it stands
        </Title>
        <Text size="lg">{view.status}</Text>
        {view.open ? (
          <Text size="sm" c="dimmed">
            Stage: {view.stageName}
          </Text>
        ) : (
          <Text>
            If something new goes wrong, you can{' '}
            <Anchor component={Link} to="/complain">
              make a new complaint
            </Anchor>
            .
          </Text>
        )}
      </Stack>

      {view.nextStep && (
        <Stack gap="xs" component="section" aria-labelledby="next-heading">
          <Title order={2} size="h3" id="next-heading">
            What happens next
          </Title>
          <Text>{view.nextStep.text}</Text>
        </Stack>
      )}

      {view.adr && (
        <Stack gap="xs" component="section" aria-labelledby="adr-heading">
          <Title order={2} size="h3" id="adr-heading">
            Going to the ombudsman
          </Title>
          <Text>{view.adr.text}</Text>
          {view.adr.from && (
            <Text size="sm">
              The ombudsman is independent and free for you.{' '}
              <Anchor href="/complaints-procedure">Our Complaints Code</Anchor> says more.
            </Text>
          )}
        </Stack>
      )}

      {view.proposal && <Proposal proposal={view.proposal} />}
      <PortalActions complaint={view} onDone={confirm} />
      {view.satisfaction && (
        <Paper withBorder p="md">
          <SurveyQuestion
            survey={view.satisfaction}
            onAnswer={(score) =>
              unwrap(
                api.POST('/api/v1/portal/complaints/{reference}/satisfaction', {
                  params: { path: { reference: view.reference } },
                  body: { score },
                }),
              ).then((data) => queryClient.setQueryData(['portal-complaint', reference], data))
            }
            onComment={(comment) =>
              unwrap(
                api.POST('/api/v1/portal/complaints/{reference}/satisfaction/comment', {
                  params: { path: { reference: view.reference } },
                  body: { comment },
                }),
              ).then((data) => queryClient.setQueryData(['portal-complaint', reference], data))
            }
          />
        </Paper>
      )}
      <PortalLetters complaint={view} />

      <Stack gap="xs" component="section" aria-labelledby="told-us-heading">
        <Title order={2} size="h3" id="told-us-heading">
          What you told us
        </Title>
        <Text className="user-text">{view.description}</Text>
      </Stack>

      <PortalTimeline timeline={view.timeline} />
    </Stack>
  );
}
