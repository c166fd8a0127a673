/**
 * The complaint's letters, each downloadable exactly as issued (PDF) or as plain text, and the ombudsman
 * case file. Letters are plain links: the staff session cookie authenticates them, and the server names the
 * file. The case file takes a while to build, so it is fetched instead: the page says it is building, saves
 * it under the server's name, shows a refusal in words, and then shows the export on the timeline.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchFile, letterHref, saveFile } from '../../api/files.ts';
import { formatDay, formatSize } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/states.tsx';
import { type Complaint, complaintKey, type Letter } from './api.ts';
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
          <Anchor href={letterHref('staff', reference, letter.id)} download size="sm">
            Download PDF<VisuallyHidden> of “{letter.title}”</VisuallyHidden>
          </Anchor>
          <Anchor href={letterHref('staff', reference, letter.id, 'text')} download size="sm">
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

/** Fetches the case file and saves it; the export is on the timeline, so the complaint is refetched. */
function useCaseFileDownload(reference: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchFile(`/api/v1/complaints/${encodeURIComponent(reference)}/case-file`),
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename ?? `${reference}-case-file.zip`);
      queryClient.invalidateQueries({ queryKey: complaintKey(reference) });
    },
  });
}

export function CaseFileSection({ complaint }: { complaint: Complaint }) {
  const download = useCaseFileDownload(complaint.reference);
  const building = download.isPending;
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
        <Group gap="sm" wrap="wrap">
          {/* aria-disabled rather than disabled (Mantine's `loading`): a disabled button drops the focus. */}
          <Button
            variant="default"
            aria-disabled={building}
            leftSection={building ? <Loader size="xs" aria-hidden="true" /> : undefined}
            onClick={() => {
              if (!building) download.mutate();
            }}
          >
            Download case file (ZIP)
          </Button>
          {/* Always in the page, so screen readers hear the words when they appear. */}
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {building ? 'Building the case file…' : ''}
          </Text>
        </Group>
        {/* No retry button of its own: the download button just above is the way to try again. */}
        {download.isError && <ProblemAlert error={download.error} />}
      </Stack>
    </Paper>
  );
}
