/** The ADR due date with the days left, in words and colour (never colour alone). */
import { Text } from '@mantine/core';
import { formatDay } from '../../ui/format.ts';

/** How close the ADR date is, in words; `urgent` when it is at most a week away or past. */
export function adrDueWords(days: number): { words: string; urgent: boolean } {
  const plural = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  if (days < 0) return { words: `Overdue by ${plural(-days)}`, urgent: true };
  if (days === 0) return { words: 'Due today', urgent: true };
  return { words: `Due in ${plural(days)}`, urgent: days <= 7 };
}

export function AdrDue({
  day,
  daysLeft,
  counting,
  letterIssuedOn,
}: {
  day: string;
  /** London days from today to `day`, negative once past: the server's count, by its clock. */
  daysLeft: number;
  counting: boolean;
  letterIssuedOn: string | null;
}) {
  const date = formatDay(day, { short: true });
  if (letterIssuedOn) {
    return (
      <div>
        <Text size="sm">{date}</Text>
        <Text size="sm" c="dimmed">
          Letter sent {formatDay(letterIssuedOn, { short: true })}
        </Text>
      </div>
    );
  }
  if (!counting) return <Text size="sm">{date}</Text>;
  const { words, urgent } = adrDueWords(daysLeft);
  return (
    <div>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {date}
      </Text>
      <Text size="sm" c={urgent ? 'red.9' : 'dimmed'} fw={urgent ? 700 : undefined}>
        {words}
      </Text>
    </div>
  );
}
