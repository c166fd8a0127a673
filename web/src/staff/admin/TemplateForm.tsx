/**
 * Add or edit a response template: name, purpose, stages, subject (replies) and text, with the placeholders
 * listed (each one a button that inserts it where the cursor is) and a live preview filled with example
 * values by the server, which also names any placeholder that does not exist before the admin saves.
 */
import {
  Alert,
  Button,
  Checkbox,
  Code,
  Fieldset,
  Grid,
  Group,
  Modal,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import {
  PURPOSE_WORDS,
  type ResponseTemplate,
  TEMPLATE_STAGES,
  type TemplatePurpose,
  type TemplateStage,
  useStageNames,
} from '../templates/templates.ts';
import { ERROR_TEXT, WARNING_STYLES } from './shared.tsx';

const FIELDS = {
  'body.name': 'template-name',
  'body.purpose': 'template-purpose',
  'body.stages': 'template-stages',
  'body.subject': 'template-subject',
  'body.body': 'template-body',
};
const LABELS = {
  'body.name': 'Name',
  'body.purpose': 'Purpose',
  'body.stages': 'Stages',
  'body.subject': 'Subject',
  'body.body': 'Text',
};

function usePlaceholders() {
  return useQuery({
    queryKey: ['template-placeholders'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/templates/placeholders'))).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The text filled with example values, asked for a moment after the admin stops typing. */
function usePreview(subject: string | null, body: string) {
  const [debounced] = useDebouncedValue({ subject, body }, 300);
  return useQuery({
    queryKey: ['template-preview', debounced.subject, debounced.body],
    queryFn: () => unwrap(api.POST('/api/v1/templates/preview', { body: debounced })),
    placeholderData: keepPreviousData,
  });
}

export function TemplateFormModal({
  opened,
  template,
  onClose,
  onSaved,
}: {
  opened: boolean;
  /** The template to edit; none to add one. */
  template: ResponseTemplate | undefined;
  onClose: () => void;
  onSaved: (template: ResponseTemplate, added: boolean) => void;
}) {
  const stageName = useStageNames();
  const placeholders = usePlaceholders();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState<TemplatePurpose>('reply');
  const [stages, setStages] = useState<TemplateStage[]>([]);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!opened) return;
    setName(template?.name ?? '');
    setPurpose(template?.purpose ?? 'reply');
    setStages(template ? [...template.stages] : []);
    setSubject(template?.subject ?? '');
    setBody(template?.body ?? '');
    setErrors([]);
  }, [opened, template]);

  const isReply = purpose === 'reply';
  const subjectValue = isReply && subject.trim() ? subject : null;
  const preview = usePreview(subjectValue, body);
  const unknown = preview.data?.unknownPlaceholders ?? [];

  const save = useMutation({
    mutationFn: () => {
      const fields = { name, purpose, stages, subject: subjectValue, body };
      return template
        ? unwrap(api.PATCH('/api/v1/templates/{id}', { params: { path: { id: template.id } }, body: fields }))
        : unwrap(api.POST('/api/v1/templates', { body: fields }));
    },
    onSuccess: (saved) => onSaved(saved, !template),
    onError: (error) => setErrors(formErrors(error, FIELDS, LABELS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!name.trim()) found.push({ inputId: 'template-name', message: 'Enter a name staff will recognise' });
    if (!body.trim()) found.push({ inputId: 'template-body', message: 'Enter the text of the template' });
    setErrors(found);
    if (!found.length) save.mutate();
  };
  const close = () => {
    save.reset();
    onClose();
  };

  /** Puts a placeholder where the cursor is in the text (at the end when the text was never focused). */
  const insert = (written: string) => {
    const area = bodyRef.current;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + written + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + written.length, start + written.length);
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={template ? `Edit “${template.name}”` : 'Add a template'}
      size="90rem"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Grid gutter="xl">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              <ErrorSummary errors={errors} />
              <TextInput
                id="template-name"
                label="Name"
                description="What staff see when they choose a template."
                required
                autoComplete="off"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errorFor(errors, 'template-name')}
                errorProps={ERROR_TEXT}
              />
              <Radio.Group
                id="template-purpose"
                label="Purpose"
                value={purpose}
                onChange={(value) => setPurpose(value as TemplatePurpose)}
                error={errorFor(errors, 'template-purpose')}
                errorProps={ERROR_TEXT}
              >
                <Group mt={4}>
                  {(Object.keys(PURPOSE_WORDS) as TemplatePurpose[]).map((p) => (
                    <Radio
                      key={p}
                      value={p}
                      label={PURPOSE_WORDS[p].label}
                      description={PURPOSE_WORDS[p].description}
                    />
                  ))}
                </Group>
              </Radio.Group>
              <Fieldset legend="Offered at" variant="unstyled">
                <Text size="sm" c="dimmed" mb="xs">
                  Leave every box empty to offer it at every stage.
                </Text>
                <Group gap="md">
                  {TEMPLATE_STAGES.map((stage, i) => (
                    <Checkbox
                      key={stage}
                      id={i === 0 ? 'template-stages' : `template-stages-${stage}`}
                      label={stageName(stage)}
                      checked={stages.includes(stage)}
                      onChange={(e) =>
                        setStages(
                          e.currentTarget.checked ? [...stages, stage] : stages.filter((s) => s !== stage),
                        )
                      }
                    />
                  ))}
                </Group>
                {errorFor(errors, 'template-stages') && (
                  <Text size="sm" c="red.9" mt={4}>
                    {errorFor(errors, 'template-stages')}
                  </Text>
                )}
              </Fieldset>
              {isReply && (
                <TextInput
                  id="template-subject"
                  label="Subject (optional)"
                  description="The email subject. Placeholders work here too."
                  autoComplete="off"
                  value={subject}
                  onChange={(e) => setSubject(e.currentTarget.value)}
                  error={errorFor(errors, 'template-subject')}
                  errorProps={ERROR_TEXT}
                />
              )}
              <Textarea
                id="template-body"
                ref={bodyRef}
                label="Text"
                description="The message itself, in plain words: a reply is sent with “Dear {name},” above it and signed with the sender’s name and role."
                required
                autosize
                minRows={8}
                maxRows={20}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                error={errorFor(errors, 'template-body')}
                errorProps={ERROR_TEXT}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {template ? 'Save changes' : 'Add template'}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
              <section aria-labelledby="template-preview-heading">
                <Title order={2} size="h4" id="template-preview-heading" mb="xs">
                  Preview
                </Title>
                <Text size="sm" c="dimmed" mb="xs">
                  Filled with example values, as a customer would read it.
                </Text>
                <div aria-live="polite">
                  {unknown.length > 0 && (
                    <Alert color="yellow" styles={WARNING_STYLES} title="These are not placeholders" mb="xs">
                      <Text size="sm">
                        {unknown.map((u) => `{{${u}}}`).join(', ')}: check the spelling against the list
                        below. A template with them cannot be saved.
                      </Text>
                    </Alert>
                  )}
                </div>
                <Paper withBorder p="sm" data-testid="template-preview">
                  {isReply && preview.data?.subject && (
                    <Text fw={600} mb="xs">
                      {preview.data.subject}
                    </Text>
                  )}
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {body.trim() ? (preview.data?.body ?? '') : 'The text will appear here as you type.'}
                  </Text>
                </Paper>
              </section>
              <section aria-labelledby="template-placeholders-heading">
                <Title order={2} size="h4" id="template-placeholders-heading" mb="xs">
                  Placeholders
                </Title>
                <Text size="sm" c="dimmed" mb="xs">
                  Choose one to put it in the text where the cursor is.
                </Text>
                <ScrollTable label="Placeholders table" minWidth={360}>
                  <Table verticalSpacing={4}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Placeholder</Table.Th>
                        <Table.Th scope="col">Becomes</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {placeholders.data?.map((p) => (
                        <Table.Tr key={p.name}>
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              variant="default"
                              aria-label={`Insert ${p.written}: ${p.description}`}
                              onClick={() => insert(p.written)}
                            >
                              <Code>{p.written}</Code>
                            </Button>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs">{p.description}</Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </section>
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </Modal>
  );
}
