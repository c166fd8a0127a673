/** The customer's letters and the timeline of what was said between us (internal notes never reach here). */
import { Anchor, Badge, Group, List, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { letterHref } from '../api/files.ts';
import { useProcedure } from '../procedure.ts';
import { formatDateTime, formatDay, formatSize } from '../ui/format.ts';
import { Empty } from '../ui/states.tsx';
import type { PortalComplaint } from './PortalActions.tsx';
import { contactWords } from './words.ts';

/** Every letter we sent, to download again; and, once an ADR letter is out, how to go to the ombudsman. */
export function PortalLetters({ complaint }: { complaint: PortalComplaint }) {
  const scheme = useProcedure().data?.procedure.adrScheme;
  const { reference, letters, adrLetters } = complaint;
  const adrLetter = adrLetters[adrLetters.length - 1];
  return (
    <Stack gap="sm" component="section" aria-labelledby="letters-heading">
      <Title order={2} size="h3" id="letters-heading">
        Your letters
      </Title>
      {letters.length === 0 ? (
        <Text>We have not sent you any letters about this complaint yet.</Text>
      ) : (
        <>
          <Text>
            Every letter we have sent you about this complaint. You can save each one as a PDF, or read it as
            plain text (easier with a screen reader).
          </Text>
          <List spacing="md" listStyleType="none" withPadding={false}>
            {letters.map((letter) => (
              <List.Item key={letter.id}>
                <Text fw={600}>{letter.title}</Text>
                <Text size="sm">
                  Sent {formatDay(letter.issuedOn)} · {letter.pages} {letter.pages === 1 ? 'page' : 'pages'}
                  {letter.largePrint ? ' · large print' : ''} · PDF, {formatSize(letter.sizeBytes)}
                </Text>
                <Group gap="md" mt={4} wrap="wrap">
                  <Anchor href={letterHref('portal', reference, letter.id)} download>
                    Download PDF<VisuallyHidden> of “{letter.title}”</VisuallyHidden>
                  </Anchor>
                  <Anchor href={letterHref('portal', reference, letter.id, 'text')} download>
                    Plain text version<VisuallyHidden> of “{letter.title}”</VisuallyHidden>
                  </Anchor>
                </Group>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {adrLetter && (
        <Text>
          You can take your complaint to {scheme?.nameInText ?? 'the independent ombudsman'}, free of charge,
          until {formatDay(adrLetter.windowEndsOn)}.
          {scheme && (
            <>
              {' '}
              <Anchor href={scheme.website} target="_blank" rel="noreferrer">
                {scheme.name} website (opens in a new tab)
              </Anchor>
            </>
          )}
        </Text>
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
