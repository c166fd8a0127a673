/**
 * The files the customer sent on this complaint — uploaded in the portal or attached to an email — each a
 * plain download link (the staff session cookie authenticates it; the server names the file and serves it
 * as an attachment, never to be opened in the page).
 */
import { Anchor, Badge, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { attachmentHref } from '../../api/files.ts';
import { formatDateTime, formatSize } from '../../ui/format.ts';
import type { Complaint } from './api.ts';

type Attachment = Complaint['attachments'][number];

function AttachmentItem({ file }: { file: Attachment }) {
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2}>
          <Anchor href={attachmentHref(file.id)} download fw={700} size="sm" className="user-text">
            <VisuallyHidden>Download </VisuallyHidden>
            {file.filename}
          </Anchor>
          <Text size="sm">
            {file.contentType} · {formatSize(file.sizeBytes)} · {formatDateTime(file.receivedAt)}
          </Text>
        </Stack>
        <Badge color={SOURCE[file.source].color} variant="filled">
          {SOURCE[file.source].words}
        </Badge>
      </Group>
    </Paper>
  );
}

/** Mount on the complaint page (beside Letters): the customer's files, oldest first. */
const SOURCE: Record<Complaint['attachments'][number]['source'], { words: string; color: string }> = {
  upload: { words: 'Uploaded in the portal', color: 'blue.9' },
  email: { words: 'By email', color: 'teal.9' },
  sent: { words: 'Sent with our reply', color: 'grape.9' },
};

export function AttachmentsSection({ complaint }: { complaint: Complaint }) {
  const files = complaint.attachments;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="attachments-heading">
      <Title order={2} size="h3" id="attachments-heading" mb="sm">
        Files
      </Title>
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          No files yet. Files the customer uploads in the portal or attaches to an email, and files we send
          with a reply, appear here.
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-labelledby="attachments-heading"
        >
          {files.map((file) => (
            <AttachmentItem key={file.id} file={file} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
