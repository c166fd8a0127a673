/**
 * The complaint's letters, each downloadable exactly as issued (PDF) or as plain text, and the ombudsman
 * case file. Downloads are plain links: the staff session cookie authenticates them, and the server names
 * the file.
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { formatDay, formatSize } from '../../ui/format.ts';
import { type Complaint, complaintKey, type Letter, letterHref } from './api.ts';
import { deliveryWords } from './words.ts';

const pages = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`;

function LetterItem({ reference, letter }: { reference: string; letter: Letter }) {
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} size="sm">
            {letter.title}
          </Text>
          {letter.largePrint && (
            <Badge color="blue.9" variant="filled">
              Large print
            </Badge>
          )}
        </Group>
        <Text size="sm">
          Dated {formatDay(letter.issuedOn)} · {pages(letter.pages)} · {formatSize(letter.sizeBytes)}
        </Text>
        <Text size="sm" fw={letter.printStatus === 'queued' ? 700 : undefined}>
          {deliveryWords(letter)}
          {letter.printStatus === 'queued' && ': print it from the print queue'}
        </Text>
        <Group gap="md" wrap="wrap">
          <Anchor href={letterHref(reference, letter.id)} download size="sm">
            Download PDF<VisuallyHidden> of “{letter.title}”</VisuallyHidden>
          </Anchor>
          <Anchor href={letterHref(reference, letter.id, 'text')} download size="sm">
            Plain text<VisuallyHidden> of “{letter.title}”</VisuallyHidden>
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

export function LettersSection({ complaint }: { complaint: Complaint }) {
  const letters = complaint.documents;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="letters-heading">
      <Group justify="space-between" align="center" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="letters-heading">
          Letters
        </Title>
        {letters.length > 0 && (
          <Text size="sm" c="dimmed">
            Oldest first
          </Text>
        )}
      </Group>
      {letters.length === 0 ? (
        <Text size="sm" c="dimmed">
          No letters yet. Each step the customer must hear of has a letter, issued when the step is recorded.
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-labelledby="letters-heading"
        >
          {letters.map((letter) => (
            <LetterItem key={letter.id} reference={complaint.reference} letter={letter} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function CaseFileSection({ complaint }: { complaint: Complaint }) {
  const queryClient = useQueryClient();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-file-heading">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h3" id="case-file-heading">
          Case file for the ombudsman
        </Title>
        <Text size="sm">
          One ZIP with everything the ADR scheme asks for: a summary of events and our position, every email
          and letter, the attachments, and a machine-readable copy. Each download is recorded on the timeline.
        </Text>
        <Button
          component="a"
          href={`/api/v1/complaints/${encodeURIComponent(complaint.reference)}/case-file`}
          download
          variant="default"
          // The export goes on the timeline: show it once the server has had time to build the file.
          onClick={() =>
            setTimeout(
              () => queryClient.invalidateQueries({ queryKey: complaintKey(complaint.reference) }),
              2000,
            )
          }
        >
          Download case file (ZIP)
        </Button>
      </Stack>
    </Paper>
  );
}
