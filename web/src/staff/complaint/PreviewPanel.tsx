/**
 * What the customer will get, shown before the confirming button: each email as its text, each letter as its
 * text with the PDF to open. Rendered by the server from the same code that sends them, so this is what goes.
 */
import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import type { CustomerFacingPreview } from './api.ts';

function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

function Shown({ label, text }: { label: string; text: string }) {
  return (
    <Paper
      withBorder
      p="sm"
      component="pre"
      aria-label={label}
      tabIndex={0}
      className="user-text"
      style={{
        whiteSpace: 'pre-wrap',
        fontFamily: 'inherit',
        maxHeight: '22rem',
        overflowY: 'auto',
        margin: 0,
      }}
    >
      {text}
    </Paper>
  );
}

function LetterPreview({ letter }: { letter: NonNullable<CustomerFacingPreview['letter']> }) {
  const url = useMemo(() => pdfUrl(letter.pdf), [letter.pdf]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Stack gap={4}>
      <Text size="sm">
        Letter: <strong>{letter.title}</strong> ({letter.pages} {letter.pages === 1 ? 'page' : 'pages'}) ·{' '}
        <Anchor href={url} target="_blank" rel="noopener">
          Open the letter as a PDF
        </Anchor>
      </Text>
      <Shown label={`The letter “${letter.title}” as the customer will read it`} text={letter.text} />
    </Stack>
  );
}

export function PreviewPanel({ items, stale }: { items: CustomerFacingPreview[]; stale: boolean }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="preview-heading">
      <Title order={3} size="h5" id="preview-heading">
        What the customer will get
      </Title>
      {stale && (
        <Alert color="yellow" variant="light" role="status">
          You have changed the form since this preview: preview it again before you confirm.
        </Alert>
      )}
      {items.length === 0 && <Text size="sm">This sends nothing to the customer.</Text>}
      {items.map((item) => (
        // One notification of each kind per command: the kind names it.
        <Stack key={item.kind} gap={6}>
          {item.email ? (
            <>
              <Text size="sm">
                Email: <strong>{item.email.subject}</strong>
                {item.letter ? ', with the letter below attached' : ''}
              </Text>
              <Shown
                label={`The email “${item.email.subject}” as the customer will read it`}
                text={item.email.text}
              />
            </>
          ) : (
            <Text size="sm">By post: the letter goes to the print queue (the customer takes no email).</Text>
          )}
          {item.letter && <LetterPreview letter={item.letter} />}
        </Stack>
      ))}
    </Stack>
  );
}
