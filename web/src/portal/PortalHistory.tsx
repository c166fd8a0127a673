/** The customer's letters and the timeline of what was said between us (internal notes never reach here). */
import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useProcedure } from '../procedure.ts';
import { formatDateTime, formatDay } from '../ui/format.ts';
import { Empty } from '../ui/states.tsx';
import type { PortalComplaint } from './PortalActions.tsx';
import { contactWords } from './words.ts';

export function PortalLetters({ letters }: { letters: PortalComplaint['adrLetters'] }) {
  const scheme = useProcedure().data?.procedure.adrScheme;
  return (
    <Stack gap="sm" component="section" aria-labelledby="letters-heading">
      <Title order={2} size="h3" id="letters-heading">
        Your letters
      </Title>
      {letters.length === 0 ? (
        <Text>We have not sent you any letters about taking your complaint further.</Text>
      ) : (
        <List spacing="sm">
          {letters.map((letter) => (
            <List.Item key={`${letter.trigger}:${letter.issuedOn}`}>
              <Text fw={600}>
                {letter.trigger === 'deadlock'
                  ? 'Our final response (deadlock letter)'
                  : 'Letter: you can now go to the ombudsman'}
                , sent {formatDay(letter.issuedOn)}
              </Text>
              <Text size="sm">
                You can take your complaint to {scheme?.nameInText ?? 'the independent ombudsman'}, free of
                charge, until {formatDay(letter.windowEndsOn)}.
                {scheme && (
                  <>
                    {' '}
                    <Anchor href={scheme.website} target="_blank" rel="noreferrer">
                      {scheme.name} website (opens in a new tab)
                    </Anchor>
                  </>
                )}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

const WHO: Record<PortalComplaint['timeline'][number]['kind'], { label: string; color: string }> = {
  'from-you': { label: 'You told us', color: 'blue' },
  'from-us': { label: 'We told you', color: 'grape' },
  update: { label: 'Update', color: 'gray' },
};

export function PortalTimeline({ timeline }: { timeline: PortalComplaint['timeline'] }) {
  const newestFirst = [...timeline].reverse();
  return (
    <Stack gap="sm" component="section" aria-labelledby="timeline-heading">
      <Title order={2} size="h3" id="timeline-heading">
        What has happened
      </Title>
      {newestFirst.length === 0 ? (
        <Empty title="Nothing yet" />
      ) : (
        <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {newestFirst.map((entry) => {
            const words =
              entry.kind === 'update' ? { how: null, text: entry.text } : contactWords(entry.text);
            return (
              <li key={`${entry.at}:${entry.kind}:${entry.text}`}>
                <Group gap="xs" mb={2}>
                  <Badge color={WHO[entry.kind].color} variant="light" radius="sm">
                    {WHO[entry.kind].label}
                  </Badge>
                  <Text size="sm" c="dimmed" component="span">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                    {words.how && ` · ${words.how}`}
                  </Text>
                </Group>
                <Text className={entry.kind === 'from-you' ? 'user-text' : undefined}>{words.text}</Text>
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
