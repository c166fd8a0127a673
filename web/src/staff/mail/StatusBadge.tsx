/** A message's status in words and as a badge that keeps its words whole and readable. */
import { Badge } from '@mantine/core';
import type { Schemas } from '../../api/client.ts';

export type MailSummary = Schemas['MailSummary'];
export type Status = MailSummary['status'];
export type Direction = MailSummary['direction'];

export const STATUS_WORDS: Record<Status, string> = {
  queued: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
  received: 'Received',
  ignored: 'Ignored',
  rejected: 'Refused',
};
/**
 * Filled badges in the darkest shades: white on them passes WCAG AA (4.5:1) at badge size, where the light
 * variant's tinted text on a tint (and on a striped row) did not.
 */
const STATUS_COLOUR: Record<Status, string> = {
  queued: 'gray.8',
  sent: 'teal.9',
  failed: 'red.9',
  received: 'blue.9',
  ignored: 'gray.8',
  rejected: 'red.9',
};

export function StatusBadge({ status }: { status: Status }) {
  return (
    // A table squeezes its columns to their narrowest; at its own width the badge is never cut to "SE…".
    <Badge color={STATUS_COLOUR[status]} variant="filled" miw="max-content">
      {STATUS_WORDS[status]}
    </Badge>
  );
}
