/**
 * What the improvement review reads off a complaint (issue 12): the remedies offered and ordered, by type and
 * amount, and the customer's answer to the satisfaction survey.
 */
import { List, Text, Title } from '@mantine/core';
import { formatDateTime, formatPence } from '../../ui/format.ts';
import type { Complaint } from './api.ts';

export const REMEDY_WORDS: Record<Complaint['remedies'][number]['type'], string> = {
  apology: 'Apology',
  explanation: 'Explanation',
  'practical-action': 'Practical action',
  'credit-refund': 'Credit or refund',
  goodwill: 'Goodwill payment',
};

export const SATISFACTION_WORDS: Record<number, string> = {
  1: 'Very dissatisfied',
  2: 'Dissatisfied',
  3: 'Neither satisfied nor dissatisfied',
  4: 'Satisfied',
  5: 'Very satisfied',
};

export function Remedies({ complaint }: { complaint: Complaint }) {
  if (complaint.remedies.length === 0) return null;
  return (
    <>
      <Title order={3} size="h5">
        Remedies
      </Title>
      <List size="sm" spacing={2}>
        {complaint.remedies.map((r) => (
          <List.Item key={r.id}>
            {REMEDY_WORDS[r.type]}
            {r.amountPence !== null && `: ${formatPence(r.amountPence)}`} —{' '}
            {r.source === 'proposal' ? `proposed at attempt ${r.attemptNumber}` : 'ordered by the ombudsman'}
            {r.acceptedAt ? `, accepted ${formatDateTime(r.acceptedAt)}` : ', not accepted'}
          </List.Item>
        ))}
      </List>
    </>
  );
}

export function Satisfaction({ complaint }: { complaint: Complaint }) {
  const survey = complaint.satisfaction;
  if (!survey) return null;
  return (
    <>
      <Title order={3} size="h5">
        Customer satisfaction
      </Title>
      {survey.score === null ? (
        <Text size="sm">Survey sent {formatDateTime(survey.sentAt)}; no answer yet.</Text>
      ) : (
        <Text size="sm">
          {survey.score} of 5: {SATISFACTION_WORDS[survey.score]} (answered{' '}
          {survey.answeredAt ? formatDateTime(survey.answeredAt) : ''}).
          {survey.comment && (
            <>
              {' '}
              Comment: <span className="user-text">{survey.comment}</span>
            </>
          )}
        </Text>
      )}
    </>
  );
}
