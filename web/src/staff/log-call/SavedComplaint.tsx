/**
 * After saving: the Complaint Reference Number, large and in groups to read out to a caller (or to write down
 * for someone in front of you), how the written acknowledgement reaches the customer, and what to do next.
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/page.tsx';

const PHONETIC: Record<string, string> = {
  A: 'Alpha',
  B: 'Bravo',
  C: 'Charlie',
  D: 'Delta',
  E: 'Echo',
  F: 'Foxtrot',
  G: 'Golf',
  H: 'Hotel',
  I: 'India',
  J: 'Juliet',
  K: 'Kilo',
  L: 'Lima',
  M: 'Mike',
  N: 'November',
  O: 'Oscar',
  P: 'Papa',
  Q: 'Quebec',
  R: 'Romeo',
  S: 'Sierra',
  T: 'Tango',
  U: 'Uniform',
  V: 'Victor',
  W: 'Whiskey',
  X: 'X-ray',
  Y: 'Yankee',
  Z: 'Zulu',
};

/** "MISO-26-000012-X" → ["MISO", "26", "000 012", "X"]: short groups a caller can write down. */
export function readOutGroups(reference: string): string[] {
  return reference
    .split('-')
    .filter(Boolean)
    .map((part) =>
      /^\d{4,}$/.test(part) ? (part.match(/\d{1,3}(?=(\d{3})*$)/g) ?? [part]).join(' ') : part,
    );
}

/** The lone letters of a reference, spelled out: "X as in X-ray". */
function spellings(reference: string): string[] {
  return reference
    .split('-')
    .filter((part) => /^[A-Z]$/i.test(part))
    .map((letter) => `${letter.toUpperCase()} as in ${PHONETIC[letter.toUpperCase()] ?? letter}`);
}

export function SavedComplaint(props: {
  reference: string;
  replayed: boolean;
  channel: string;
  onAnother: () => void;
}) {
  const { reference, replayed, channel, onAnother } = props;
  const spoken = channel === 'phone' || channel === 'textphone' || channel === 'in-person';
  // Move the screen reader and keyboard to the news: the heading, then the reference below it.
  useEffect(() => document.getElementById('saved-heading')?.focus(), []);
  const groups = readOutGroups(reference);
  const letters = spellings(reference);

  return (
    <Stack gap="md">
      <PageHeading title="Complaint saved" id="saved-heading" tabIndex={-1} />
      <div>
        <Text fw={600}>Complaint reference (CRN)</Text>
        <section aria-label="Complaint reference">
          <Title
            order={2}
            fz="2.5rem"
            ff="monospace"
            style={{ letterSpacing: '0.12em', overflowWrap: 'anywhere' }}
          >
            {reference}
          </Title>
        </section>
      </div>
      {spoken && (
        <Text id="read-it-out">
          <strong>Read it out</strong> in groups, pausing at each dash: {groups.join(' – ')}
          {letters.length ? ` (${letters.join('; ')})` : ''}. Ask the customer to read it back.
        </Text>
      )}
      <Text>
        {replayed
          ? 'This complaint had already been saved; nothing was recorded twice. '
          : 'The complaint is recorded and Resolution Attempt 1 has started. '}
        An acknowledgement with this reference is on its way to the customer: by email when we have their
        address, otherwise as a letter in the print queue (also when they prefer letters). The complaint page
        shows it under Letters once it is sent.
      </Text>
      <Group gap="sm">
        <Button component={Link} to={`/staff/complaints/${reference}`}>
          Open the complaint
        </Button>
        <Button variant="default" onClick={onAnother}>
          Log another complaint
        </Button>
      </Group>
    </Stack>
  );
}
