/**
 * Files a customer attaches (a photo of a bill, a screenshot): a labelled native file input, the files
 * chosen listed with a way to remove each, and the same rules as the server (src/domain/attachments.ts:
 * types, names, 5 MB each) checked before anything is sent — the server still reads the bytes and decides.
 */
import { Box, Button, Group, Input, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import {
  ATTACHMENT_EXTENSIONS,
  claimedKind,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  sizeInWords,
} from '../../../src/domain/attachments.ts';
import type { Schemas } from '../api/client.ts';

/** Why the chosen files cannot be sent, one message each, or none. */
export function fileProblems(files: readonly File[]): string[] {
  const problems = files.flatMap((f) => {
    const claim = claimedKind({ filename: f.name, contentType: f.type, sizeBytes: f.size });
    return claim.ok ? [] : [`${f.name} ${claim.reason}`];
  });
  if (files.length > MAX_ATTACHMENTS) problems.push(`You can send at most ${MAX_ATTACHMENTS} files at once`);
  return problems;
}

/** The files as the API takes them: their bytes in base64. */
export async function uploadsOf(files: readonly File[]): Promise<Schemas['UploadInput'][]> {
  return Promise.all(
    files.map(
      (file) =>
        new Promise<Schemas['UploadInput']>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => {
            const url = String(reader.result);
            resolve({
              filename: file.name,
              contentType: file.type,
              content: url.slice(url.indexOf(',') + 1),
            });
          };
          reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
          reader.readAsDataURL(file);
        }),
    ),
  );
}

export function FileField({
  id,
  label,
  files,
  onChange,
  error,
}: {
  id: string;
  label: string;
  files: File[];
  onChange: (files: File[]) => void;
  error?: string | undefined;
}) {
  const input = useRef<HTMLInputElement>(null);
  const hint =
    `PDF, photos (JPEG, PNG, GIF, WebP, HEIC), plain text or office documents: up to ` +
    `${sizeInWords(MAX_ATTACHMENT_BYTES)} each.`;
  return (
    <Input.Wrapper
      id={id}
      label={label}
      description={hint}
      error={error}
      inputWrapperOrder={['label', 'description', 'error', 'input']}
    >
      <Stack gap="xs" mt={4}>
        <Box
          component="input"
          ref={input}
          id={id}
          type="file"
          multiple
          accept={ATTACHMENT_EXTENSIONS.join(',')}
          aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
            onChange([...files, ...Array.from(e.currentTarget.files ?? [])]);
            // Cleared, so that choosing the same file again after removing it still counts as a change.
            e.currentTarget.value = '';
          }}
        />
        {files.length > 0 && (
          <Stack
            gap={4}
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label="Files to send"
          >
            {files.map((file, i) => (
              <Group
                component="li"
                key={`${file.name}|${file.size}|${file.lastModified}`}
                gap="sm"
                wrap="nowrap"
              >
                <Text size="sm" className="user-text">
                  {file.name} ({sizeInWords(file.size)})
                </Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => onChange(files.filter((_, j) => j !== i))}
                  aria-label={`Remove ${file.name}`}
                >
                  Remove
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
