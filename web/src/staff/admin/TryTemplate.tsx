/**
 * "Try a template on a complaint": an admin enters a CRN, chooses a template offered at that complaint's
 * stage, and reads it filled with the complaint's own values — the same picker and the same text the reply
 * and proposal dialogs get.
 */
import { Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '../../ui/states.tsx';
import { useComplaint } from '../complaint/api.ts';
import { TemplatePicker } from '../templates/TemplatePicker.tsx';
import { type FilledTemplate, PURPOSE_WORDS, type TemplatePurpose } from '../templates/templates.ts';

function ComplaintTemplates({ reference }: { reference: string }) {
  const complaint = useComplaint(reference);
  const [purpose, setPurpose] = useState<TemplatePurpose>('reply');
  const [filled, setFilled] = useState<FilledTemplate | null>(null);
  if (complaint.isPending) return <Text size="sm">Looking up {reference}…</Text>;
  if (complaint.isError) return <ProblemAlert error={complaint.error} />;
  const { data } = complaint;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {data.reference} ({data.customer?.name ?? 'unknown customer'}) is at <strong>{data.stageName}</strong>
        .
      </Text>
      <Radio.Group
        label="Template for"
        value={purpose}
        onChange={(value) => {
          setPurpose(value as TemplatePurpose);
          setFilled(null);
        }}
      >
        <Group mt={4}>
          {(Object.keys(PURPOSE_WORDS) as TemplatePurpose[]).map((p) => (
            <Radio key={p} value={p} label={PURPOSE_WORDS[p].label} />
          ))}
        </Group>
      </Radio.Group>
      <TemplatePicker
        key={`${data.reference}-${purpose}`}
        purpose={purpose}
        stage={data.stage}
        reference={data.reference}
        onFill={setFilled}
        label="Template"
        description="Shown below filled with this complaint’s values; nothing is sent."
      />
      {filled && (
        <Paper withBorder p="sm" data-testid="filled-template">
          {filled.subject && (
            <Text fw={600} mb="xs">
              {filled.subject}
            </Text>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {filled.body}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

export function TryTemplate() {
  const [input, setInput] = useState('');
  const [reference, setReference] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReference(input.trim() || null);
  };
  return (
    <section aria-labelledby="try-template-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="try-template-heading">
          Try a template on a complaint
        </Title>
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              id="try-template-reference"
              label="Complaint Reference Number"
              placeholder="MISO-26-000123-C"
              autoComplete="off"
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
            />
            <Button type="submit" variant="default">
              Look up
            </Button>
          </Group>
        </form>
        {reference && <ComplaintTemplates key={reference} reference={reference} />}
      </Stack>
    </section>
  );
}
