/**
 * The complaint page's sections below its header: the complaint itself (first, since every step answers
 * it), the current attempt with any referral and closure, and the earlier attempts.
 */

import { Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, formatDay, humanize } from '../../ui/format.ts';
import { AttemptDetails } from './AttemptDetails.tsx';
import type { Complaint } from './api.ts';
import { Remedies, Satisfaction } from './InsightRecords.tsx';
import { ReferralDetails } from './Referral.tsx';
import { CHANNEL_WORDS, CLOSURE_WORDS } from './words.ts';

/** Whether the acknowledgement has gone out: its letter is issued (emailed, or queued for post). */
function acknowledged(complaint: Complaint): boolean {
  return complaint.documents.some((d) => d.kind === 'acknowledgement');
}

export function TheComplaint({ complaint }: { complaint: Complaint }) {
  const customer = complaint.customer;
  const address = customer
    ? [...customer.addressLines, ...(customer.postcode ? [customer.postcode] : [])]
    : [];
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
        {!acknowledged(complaint) && complaint.open && (
          <Text size="sm" fw={700}>
            Acknowledge by {formatDay(complaint.acknowledgeBy)}
          </Text>
        )}
        <Title order={3} size="h5">
          {complaint.channel === 'web' || complaint.channel === 'email'
            ? 'What happened (the customer’s words)'
            : 'What happened (as recorded)'}
        </Title>
        <Text size="sm" className="user-text">
          {complaint.description}
        </Text>
        {complaint.customerWords && (
          <>
            <Title order={3} size="h5">
              In the customer’s words (quoted in letters)
            </Title>
            <Text size="sm" className="user-text">
              {complaint.customerWords}
            </Text>
          </>
        )}
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
        <Title order={3} size="h5">
          Postal address
        </Title>
        {address.length > 0 ? (
          // user-text keeps the line breaks; the address element is italic by default, which is hard to read.
          <Text size="sm" component="address" className="user-text" fs="normal">
            {address.join('\n')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Not recorded: letters cannot be posted to the customer.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function CurrentAttempt({ complaint }: { complaint: Complaint }) {
  const attempt = complaint.attempts[complaint.attempts.length - 1];
  if (!attempt) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="current-attempt-heading">
      <Title order={2} size="h3" id="current-attempt-heading" mb="sm">
        Current attempt: Resolution Attempt {attempt.number}
      </Title>
      <AttemptDetails attempt={attempt} headingOrder={2} showTitle={false} />
      <DeadlockAndReferral complaint={complaint} />
    </Paper>
  );
}

function DeadlockAndReferral({ complaint }: { complaint: Complaint }) {
  const { referral, closure } = complaint;
  if (!referral && !closure && complaint.remedies.length === 0) return null;
  return (
    <Stack gap="xs" mt="md">
      {referral && <ReferralDetails complaint={complaint} referral={referral} />}
      <Remedies complaint={complaint} />
      {closure && (
        <>
          <Title order={3} size="h5">
            Closure
          </Title>
          <Text size="sm">
            Closed {formatDateTime(closure.closedAt)}:{' '}
            {CLOSURE_WORDS[closure.reason] ?? humanize(closure.reason)}.
          </Text>
          <Text size="sm">
            Root cause:{' '}
            {closure.rootCauseLabel ?? (
              <strong>
                not recorded yet{complaint.rootCauseRequired ? ' (the procedure asks for one)' : ''}
              </strong>
            )}
          </Text>
          {closure.lessons && (
            <Text size="sm">
              Lessons: <span className="user-text">{closure.lessons}</span>
            </Text>
          )}
          <Satisfaction complaint={complaint} />
        </>
      )}
    </Stack>
  );
}

export function EarlierAttempts({ complaint }: { complaint: Complaint }) {
  const earlier = complaint.attempts.slice(0, -1);
  if (earlier.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="earlier-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="earlier-heading">
          Earlier attempts
        </Title>
        {earlier.map((a) => (
          <AttemptDetails key={a.number} attempt={a} headingOrder={3} />
        ))}
      </Stack>
    </Paper>
  );
}
