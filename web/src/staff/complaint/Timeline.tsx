/**
 * One timeline of the complaint: contacts, internal notes, letters, emails and audit events, newest first, each
 * with its kind in words (an email that failed for good in red, with the word "failed"). Contact and note
 * events are shown once, as the contact or note itself. It can be narrowed to what people did or to what
 * Redress did by itself (the clocks, and the emails it sends), since the latter outnumber the former.
 */
import {
  Anchor,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { attachmentHref } from '../../api/files.ts';
import { formatDateTime } from '../../ui/format.ts';
import type { User } from '../session.ts';
import type { DoneMessage } from './ActionDialog.tsx';
import type { Complaint } from './api.ts';
import { allowedForms, TIMELINE_FORMS } from './forms/commandForms.ts';
import { DoneStatus } from './parts.tsx';
import { CHANNEL_WORDS, describeEmail, describeEvent, type StepRef } from './words.ts';

type Entry = Complaint['timeline'][number];

const HIDDEN = new Set(['contact-logged', 'note-added']);
/** Events about the complaint's documents: its letters and the case file. */
const DOCUMENT_EVENTS = new Set(['letter-issued', 'letter-posted', 'case-file-exported', 'file-uploaded']);

type Show = 'all' | 'people' | 'automatic';
const SHOW_WORDS: Record<Show, string> = { all: 'All', people: 'People', automatic: 'Automatic' };

/**
 * What Redress did by itself: the clocks' and the worker's events (actor `system`, or none recorded) and the
 * emails it sends. Everything else — contacts, notes, a person's command, a customer's email — is people's.
 */
function isAutomatic(entry: Entry): boolean {
  if (entry.kind === 'email') return entry.type === 'email-out';
  if (entry.kind === 'event') return entry.actor === null || entry.actor === 'system';
  return false;
}

/** The timeline's panel: its forms (log a contact, add a note), what they did, and the filtered timeline. */
export function TimelinePanel({
  complaint,
  staff,
  done,
}: {
  complaint: Complaint;
  staff: User[];
  done: DoneMessage | null;
}) {
  const [show, setShow] = useState<Show>('all');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-heading">
      <Group justify="space-between" align="center" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="timeline-heading">
          Timeline
        </Title>
        <Text size="sm" c="dimmed">
          Newest first · UK time
        </Text>
      </Group>
      <Group gap="xs" mb="sm">
        {allowedForms(TIMELINE_FORMS, complaint.nextActions).map(([command, Form]) => (
          <Form key={command} complaint={complaint} staff={staff} />
        ))}
      </Group>
      <DoneStatus done={done} />
      <Text size="xs" c="dimmed" mb="sm">
        Notes are internal: the customer never sees them.
      </Text>
      <Group gap="xs" mb="sm" align="center" wrap="wrap">
        <Text size="sm" fw={600} id="timeline-show">
          Show
        </Text>
        <SegmentedControl
          aria-labelledby="timeline-show"
          size="xs"
          value={show}
          onChange={(value) => setShow(value as Show)}
          data={(Object.keys(SHOW_WORDS) as Show[]).map((value) => ({ value, label: SHOW_WORDS[value] }))}
        />
      </Group>
      <Timeline complaint={complaint} staff={staff} show={show} />
    </Paper>
  );
}

export function Timeline({ complaint, staff, show }: { complaint: Complaint; staff: User[]; show: Show }) {
  const name = (id: string | null): string => {
    if (!id) return 'Unknown';
    if (id === 'system') return 'Redress (automatic)';
    if (id.startsWith('customer:')) return 'The customer';
    return staff.find((u) => u.id === id)?.name ?? 'Former member of staff';
  };
  const steps = new Map<string, StepRef>();
  for (const attempt of complaint.attempts) {
    (attempt.proposal?.steps ?? []).forEach((s, i) => {
      steps.set(s.id, { attempt: attempt.number, number: i + 1, description: s.description });
    });
  }
  const step = (id: string) => steps.get(id);
  const seen = new Map<string, number>();
  const entries = complaint.timeline
    .filter((e) => !(e.kind === 'event' && HIDDEN.has(e.type)))
    .filter((e) => show === 'all' || isAutomatic(e) === (show === 'automatic'))
    .map((entry) => {
      const base = `${entry.at}|${entry.kind}|${entry.type}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { entry, key: `${base}|${n}` };
    })
    .reverse();
  if (entries.length === 0)
    return (
      <Text c="dimmed">
        {show === 'all' ? 'Nothing has happened yet.' : `Nothing to show under ${SHOW_WORDS[show]}.`}
      </Text>
    );
  return (
    <Stack
      gap="xs"
      component="ol"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label={`Timeline, newest first${show === 'all' ? '' : `: ${SHOW_WORDS[show].toLowerCase()} only`}`}
    >
      {entries.map(({ entry, key }) => (
        <TimelineItem key={key} entry={entry} name={name} step={step} />
      ))}
    </Stack>
  );
}

function TimelineItem({
  entry,
  name,
  step,
}: {
  entry: Entry;
  name: (id: string | null) => string;
  step: (id: string) => StepRef | undefined;
}) {
  let kind: string;
  let text = '';
  let userText = true;
  let tone: 'letter' | 'document' | 'note' | 'contact' | 'event' | 'email' | 'failed' = 'event';
  if (entry.kind === 'email') {
    const described = describeEmail(entry.type, entry.summary, (entry.details ?? {}) as object);
    kind = described.kind;
    text = described.text;
    userText = false;
    tone = described.failed ? 'failed' : 'email';
  } else if (entry.kind === 'contact') {
    const details = (entry.details ?? {}) as { channel?: keyof typeof CHANNEL_WORDS; direction?: string };
    const channel = details.channel ? CHANNEL_WORDS[details.channel] : 'Contact';
    kind = `${channel} contact ${details.direction === 'out' ? 'to' : 'from'} the customer`;
    text = entry.summary;
    tone = 'contact';
  } else if (entry.kind === 'note') {
    kind = 'Internal note (staff only)';
    text = entry.summary;
    tone = 'note';
  } else {
    const described = describeEvent(entry.type, (entry.details ?? {}) as Record<string, unknown>, name, step);
    kind = described.kind;
    text = described.text;
    userText = !!described.userText;
    if (entry.type === 'adr-letter-issued') tone = 'letter';
    else if (DOCUMENT_EVENTS.has(entry.type)) tone = 'document';
  }
  const badge = {
    letter: { label: 'Letter', color: 'red.9' },
    document: { label: 'Document', color: 'grape.9' },
    note: { label: 'Note', color: 'yellow.9' },
    contact: { label: 'Contact', color: 'blue.9' },
    event: { label: 'Event', color: 'gray.8' },
    email: { label: 'Email', color: 'teal.9' },
    failed: { label: 'Email failed', color: 'red.9' },
  }[tone];
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      style={
        tone === 'letter' || tone === 'failed'
          ? { borderLeft: '4px solid var(--mantine-color-red-9)' }
          : undefined
      }
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Badge color={badge.color} variant="filled" aria-hidden>
            {badge.label}
          </Badge>
          <Text fw={700} size="sm" c={tone === 'failed' ? 'red.9' : undefined}>
            {kind}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          {entry.actor ? ` · ${name(entry.actor)}` : ''}
        </Text>
      </Group>
      {text && (
        <Text size="sm" mt={4} className={userText ? 'user-text' : undefined}>
          {text}
        </Text>
      )}
      {entry.kind === 'event' && entry.type === 'file-uploaded' && <UploadLink details={entry.details} />}
    </Paper>
  );
}

/** The download of a file the customer uploaded, from its event on the trail. */
function UploadLink({ details }: { details: unknown }) {
  const { uploadId, filename } = (details ?? {}) as { uploadId?: string; filename?: string };
  if (!uploadId) return null;
  return (
    <Anchor href={attachmentHref(uploadId)} download size="sm">
      Download<VisuallyHidden> {filename}</VisuallyHidden>
    </Anchor>
  );
}
