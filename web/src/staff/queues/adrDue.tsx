/** The ADR due date with the days left, in words and colour (never colour alone). */
import { Text } from '@mantine/core';
import { formatDay, londonToday } from '../../ui/format.ts';

/** Days from today (London) to a London date: negative when it has passed. */
export function daysUntil(day: string, today: string = londonToday()): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** How close the ADR date is, in words; `urgent` when it is at most a week away or past. */
export function adrDueWords(days: number): { words: string; urgent: boolean } {
  const plural = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  if (days < 0) return { words: `Overdue by ${plural(-days)}`, urgent: true };
  if (days === 0) return { words: 'Due today', urgent: true };
  return { words: `Due in ${plural(days)}`, urgent: days <= 7 };
}

export function AdrDue({
  day,
  counting,
  letterIssuedOn,
}: {
  day: string;
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
  const { words, urgent } = adrDueWords(daysUntil(day));
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
