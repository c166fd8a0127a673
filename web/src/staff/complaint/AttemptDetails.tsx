/** One resolution attempt: the review, the proposal and its steps, the customer's response and the follow-up. */
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, formatDay } from '../../ui/format.ts';
import type { Attempt } from './api.ts';
import { FOLLOW_UP_WORDS, OUTCOME_WORDS, PHASE_WORDS, RESPONSE_WORDS } from './words.ts';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      {children}
    </div>
  );
}

function Nothing({ children }: { children: React.ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

export function StepList({ attempt }: { attempt: Attempt }) {
  const steps = attempt.proposal?.steps ?? [];
  return (
    <List
      listStyleType="none"
      spacing="sm"
      withPadding={false}
      aria-label={`Steps of attempt ${attempt.number}`}
    >
      {steps.map((step, i) => (
        <List.Item key={step.id}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Step {i + 1}
            </Text>
            <Text size="sm" className="user-text">
              {step.description}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">Owner: {step.owner ? step.owner.name : 'The customer'}</Text>
              <Text size="sm">· Due {formatDay(step.dueOn, { short: true })}</Text>
              {step.completedAt ? (
                <Text size="sm" fw={700}>
                  · Done {formatDateTime(step.completedAt)}
                </Text>
              ) : step.overdue ? (
                <Badge color="red.9" variant="filled">
                  Overdue
                </Badge>
              ) : attempt.response?.outcome === 'agreed' ? (
                <Badge color="gray" variant="light" c="dark.6">
                  Not done yet
                </Badge>
              ) : (
                <Text size="sm">
                  ·{' '}
                  {attempt.response
                    ? 'Not carried out (proposal declined)'
                    : 'Awaiting the customer’s agreement'}
                </Text>
              )}
            </Group>
            {step.note && (
              <Text size="sm" className="user-text">
                Note: {step.note}
              </Text>
            )}
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}

/** Everything an attempt holds. `headingOrder` is the level of the attempt's own heading. */
export function AttemptDetails({
  attempt,
  headingOrder = 3,
  showTitle = true,
}: {
  attempt: Attempt;
  headingOrder?: 2 | 3;
  showTitle?: boolean;
}) {
  const sub = (headingOrder + 1) as 3 | 4;
  return (
    <Stack gap="sm">
      {showTitle && (
        <Title order={headingOrder} size="h4">
          Resolution Attempt {attempt.number}
        </Title>
      )}
      <Text size="sm">
        Opened {formatDateTime(attempt.openedAt)}
        {attempt.handler ? ` · handled by ${attempt.handler.name}` : ''}
      </Text>
      <Text size="sm" fw={600}>
        {attempt.outcome ? `Outcome: ${OUTCOME_WORDS[attempt.outcome]}` : PHASE_WORDS[attempt.phase]}
      </Text>

      <Title order={sub} size="h5">
        Findings
      </Title>
      {attempt.review ? (
        <Stack gap={2}>
          <Text size="sm" className="user-text">
            {attempt.review.findings}
          </Text>
          <Text size="xs" c="dimmed">
            Recorded {formatDateTime(attempt.review.recordedAt)}
          </Text>
        </Stack>
      ) : (
        <Nothing>No review recorded.</Nothing>
      )}

      <Title order={sub} size="h5">
        Proposal
      </Title>
      {attempt.proposal ? (
        <Stack gap="xs">
          <Text size="sm" className="user-text">
            {attempt.proposal.summary}
          </Text>
          <Text size="xs" c="dimmed">
            Proposed {formatDateTime(attempt.proposal.proposedAt)}
          </Text>
          <StepList attempt={attempt} />
        </Stack>
      ) : (
        <Nothing>No proposal made.</Nothing>
      )}

      <Title order={sub} size="h5">
        Customer’s response
      </Title>
      {attempt.response ? (
        <Field label={RESPONSE_WORDS[attempt.response.outcome]}>
          {attempt.response.note && (
            <Text size="sm" className="user-text">
              {attempt.response.note}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Recorded {formatDateTime(attempt.response.recordedAt)}
          </Text>
        </Field>
      ) : (
        <Nothing>No response recorded.</Nothing>
      )}

      <Title order={sub} size="h5">
        Follow-up
      </Title>
      {attempt.followUp ? (
        <Field label={FOLLOW_UP_WORDS[attempt.followUp.outcome]}>
          {attempt.followUp.note && (
            <Text size="sm" className="user-text">
              {attempt.followUp.note}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Recorded {formatDateTime(attempt.followUp.recordedAt)}
          </Text>
        </Field>
      ) : attempt.followUpDueOn ? (
        <Nothing>Follow-up due {formatDay(attempt.followUpDueOn)}.</Nothing>
      ) : (
        <Nothing>No follow-up recorded.</Nothing>
      )}

      {attempt.escalationReason && (
        <>
          <Title order={sub} size="h5">
            {attempt.outcome === 'deadlock' ? 'Deadlock reason' : 'Escalation reason'}
          </Title>
          <Text size="sm" className="user-text">
            {attempt.escalationReason}
          </Text>
        </>
      )}
    </Stack>
  );
}
