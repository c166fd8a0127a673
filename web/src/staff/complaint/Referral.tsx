/**
 * The ombudsman referral as staff track it: where it stands, the scheme's case reference and dates, the case
 * fee, the decision and its remedy, and when the remedy is due — overdue in words and colour while an
 * accepted remedy is late and not yet carried out.
 */
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { daysUntil, formatDay, formatPence } from '../../ui/format.ts';
import { RaiseFromDecision } from '../improvements/ComplaintImprovements.tsx';
import type { Complaint, Referral } from './api.ts';
import { OMBUDSMAN_WORDS, REFERRAL_STATUS_WORDS } from './words.ts';

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span fw={700} size="sm">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

function remedyWords(remedy: NonNullable<Referral['decision']>['remedy']): string {
  const parts = [
    remedy.apology && 'an apology',
    remedy.explanation && 'an explanation',
    remedy.awardPence > 0 && `an award of ${formatPence(remedy.awardPence)}`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.length ? parts.join(', ') : 'none';
}

function RemedyDue({ decision }: { decision: NonNullable<Referral['decision']> }) {
  if (!decision.remedyDueOn) return null;
  const left = daysUntil(decision.remedyDueOn);
  const pending = decision.customerAccepted === true && !decision.implementedOn;
  const overdue = pending && left < 0;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Line label="Remedy due by">{formatDay(decision.remedyDueOn)}</Line>
        {overdue && (
          <Badge color="red.9" variant="filled">
            Overdue
          </Badge>
        )}
      </Group>
      {pending && (
        <Text size="sm" fw={700} c={left <= 7 ? 'red.9' : undefined}>
          {overdue
            ? `Overdue by ${days(-left)}: carry out the remedy, then close the complaint as implemented.`
            : left === 0
              ? 'Due today.'
              : `${days(left)} left.`}
        </Text>
      )}
    </Stack>
  );
}

export function ReferralDetails({ complaint, referral }: { complaint: Complaint; referral: Referral }) {
  const { decision } = referral;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        Ombudsman referral
      </Title>
      <Text size="sm" fw={700}>
        {REFERRAL_STATUS_WORDS[referral.status]}.
      </Text>
      <Line label="Scheme">{complaint.adr.scheme}</Line>
      <Line label="Case reference">
        <span className="user-text">{referral.schemeCaseReference}</span>
      </Line>
      <Line label="Referred on">{formatDay(referral.referredOn)}</Line>
      <Line label="Case fee">
        {referral.caseFeePence === null ? 'not recorded yet' : formatPence(referral.caseFeePence)}
      </Line>
      {decision ? (
        <>
          <Line label="Decision">
            {OMBUDSMAN_WORDS[decision.outcome]}, on {formatDay(decision.decidedOn)}
          </Line>
          <Line label="Remedy">{remedyWords(decision.remedy)}</Line>
          {decision.remedy.action && (
            <Line label="Action required">
              <span className="user-text">{decision.remedy.action}</span>
            </Line>
          )}
          <Line label="The customer">
            {decision.customerAccepted === null
              ? 'has not yet said whether they accept the decision'
              : decision.customerAccepted
                ? 'accepted the decision'
                : 'did not accept the decision'}
          </Line>
          <RemedyDue decision={decision} />
          {decision.implementedOn && (
            <Line label="Remedy carried out on">{formatDay(decision.implementedOn)}</Line>
          )}
          <RaiseFromDecision reference={complaint.reference} />
        </>
      ) : (
        <Line label="Decision">not yet received</Line>
      )}
    </Stack>
  );
}
