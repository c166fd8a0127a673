/** Small pieces the improvement pages share: the status badge and the due date with "overdue" in words. */
import { Badge, Group, Text } from '@mantine/core';
import { formatDay } from '../../ui/format.ts';
import { type Improvement, STATUS_COLOURS, STATUS_WORDS } from './api.ts';

export function StatusBadge({ status }: { status: Improvement['status'] }) {
  return (
    // Black words on the light tint: the tint tells the statuses apart, the words pass 4.5:1 on every one.
    <Badge variant="light" color={STATUS_COLOURS[status]} c="black">
      {STATUS_WORDS[status]}
    </Badge>
  );
}

/** The due date, and "Overdue" in words and colour (red.9 passes 4.5:1) while it is. */
export function DueDate({
  item,
  prefix = '',
}: {
  item: Pick<Improvement, 'dueOn' | 'overdue'>;
  prefix?: string;
}) {
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" span>
        {prefix}
        {formatDay(item.dueOn, { short: true })}
      </Text>
      {item.overdue && (
        <Badge color="red.9" variant="filled" size="sm">
          Overdue
        </Badge>
      )}
    </Group>
  );
}

/** What the last change did, announced (a live region that is always there, so the message is read out). */
export function DoneMessage({ done }: { done: { n: number; message: string } | null }) {
  return (
    <div role="status">
      {done && (
        <Text key={done.n} size="sm" fw={700}>
          {done.message}.
        </Text>
      )}
    </div>
  );
}
