/**
 * Choose a template to start a reply or a proposal from. For the reply and proposal dialogs:
 *
 *   <TemplatePicker purpose="reply" stage={complaint.stage} reference={complaint.reference}
 *     onFill={({ subject, body }) => { if (subject !== null) setSubject(subject); setBody(body); }} />
 *
 * It lists the templates offered for `purpose` at `stage`; choosing one fetches it filled for the complaint
 * (`GET /complaints/{reference}/templates/{id}/filled`) and hands the text to `onFill`, which decides what to
 * replace. Nothing is sent: staff edit the text before they send it.
 */
import { NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ProblemAlert } from '../../ui/states.tsx';
import { type FilledTemplate, TEMPLATE_STAGES, type TemplatePurpose, useTemplates } from './templates.ts';

export interface TemplatePickerProps {
  purpose: TemplatePurpose;
  /** The complaint's stage (any stage: at one with no templates, the picker says so). */
  stage: string;
  /** The complaint's CRN. */
  reference: string;
  /** Called with the filled template; `subject` is null for a proposal template. */
  onFill: (filled: FilledTemplate) => void;
  label?: string;
  /** The hint under the label; by default, that choosing replaces the text. */
  description?: string;
  /** The select's id, for a form's error summary. */
  id?: string;
}

/** Fetches a template filled for a complaint; `mutate(templateId)`. */
export function useFillTemplate(reference: string, onFill: (filled: FilledTemplate) => void) {
  return useMutation({
    mutationFn: (templateId: string) =>
      unwrap(
        api.GET('/api/v1/complaints/{reference}/templates/{id}/filled', {
          params: { path: { reference, id: templateId } },
        }),
      ),
    onSuccess: onFill,
  });
}

export function TemplatePicker({
  purpose,
  stage,
  reference,
  onFill,
  label,
  description,
  id,
}: TemplatePickerProps) {
  const ownId = useId();
  const selectId = id ?? `template-${ownId}`;
  const templates = useTemplates({ purpose, stage });
  const [chosen, setChosen] = useState('');
  const [filledName, setFilledName] = useState<string | null>(null);
  const fill = useFillTemplate(reference, (filled) => {
    setFilledName(filled.name);
    onFill(filled);
  });
  const items = templates.data ?? [];
  // No stage but those of TEMPLATE_STAGES has templates (initiation flows straight into attempt 1).
  const offeredHere = TEMPLATE_STAGES.some((s) => s === stage);
  const none = !offeredHere || (templates.isSuccess && items.length === 0);
  return (
    <Stack gap={4}>
      <NativeSelect
        id={selectId}
        label={label ?? 'Start from a template'}
        description={
          none
            ? 'There are no templates for this stage.'
            : (description ?? 'Choosing one replaces the text below; you can edit it before sending.')
        }
        disabled={!templates.isSuccess || none || fill.isPending}
        value={chosen}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setChosen(value);
          setFilledName(null);
          if (value) fill.mutate(value);
        }}
        data={[
          { value: '', label: templates.isPending && !none ? 'Loading templates…' : 'Choose a template' },
          ...items.map((t) => ({ value: t.id, label: t.name })),
        ]}
      />
      <div role="status" aria-live="polite">
        {filledName && (
          <Text size="sm" c="dimmed">
            Filled in from “{filledName}”.
          </Text>
        )}
      </div>
      {templates.isError && <ProblemAlert error={templates.error} onRetry={() => templates.refetch()} />}
      {fill.isError && <ProblemAlert error={fill.error} onRetry={() => chosen && fill.mutate(chosen)} />}
    </Stack>
  );
}
