/**
 * Response templates (admins): the templates offered, filtered by purpose and stage, adding one, editing one
 * with its live preview, and archiving with a confirmation; and trying a template on a real complaint. Others
 * see the list and a note, with no controls.
 */
import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { hasRole, useMe } from '../session.ts';
import {
  PURPOSE_WORDS,
  type ResponseTemplate,
  TEMPLATE_STAGES,
  type TemplatePurpose,
  useStageNames,
  useTemplates,
} from '../templates/templates.ts';
import { ConfirmModal, DoneStatus } from './shared.tsx';
import { TemplateFormModal } from './TemplateForm.tsx';
import { TryTemplate } from './TryTemplate.tsx';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; template: ResponseTemplate }
  | { kind: 'archive'; template: ResponseTemplate };

export function TemplatesPage() {
  const me = useMe();
  const isAdmin = hasRole(me.data, 'admin');
  const stageName = useStageNames();
  const queryClient = useQueryClient();
  const [purpose, setPurpose] = useState<TemplatePurpose | ''>('');
  const [stage, setStage] = useState('');
  const templates = useTemplates({ purpose: purpose || undefined, stage: stage || undefined });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const finished = async (message: string) => {
    setDialog(null);
    setDone(message);
    await queryClient.invalidateQueries({ queryKey: ['templates'] });
  };
  const archive = useMutation({
    mutationFn: (template: ResponseTemplate) =>
      unwrap(api.POST('/api/v1/templates/{id}/archive', { params: { path: { id: template.id } } })),
    onSuccess: (template) => finished(`“${template.name}” is archived: it is no longer offered.`),
  });
  const closeDialog = () => {
    archive.reset();
    setDialog(null);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeading title="Templates" />
        {isAdmin && (
          <Button
            onClick={() => {
              setDone(null);
              setDialog({ kind: 'add' });
            }}
          >
            Add a template
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" maw="70ch">
        Staff start a reply to the customer, or a proposal’s summary, from these. Placeholders such as{' '}
        {'{{customer.name}}'} are filled in from the complaint when a template is chosen.
      </Text>
      {me.data && !isAdmin && (
        <Alert color="blue" title="Only administrators can change templates">
          <Text size="sm">
            You can see the templates on offer; ask an administrator to add or change one.
          </Text>
        </Alert>
      )}
      <DoneStatus done={done} onDismiss={() => setDone(null)} />
      <Group gap="md" align="flex-end">
        <NativeSelect
          label="Purpose"
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value as TemplatePurpose | '')}
          data={[
            { value: '', label: 'Replies and proposals' },
            ...(Object.keys(PURPOSE_WORDS) as TemplatePurpose[]).map((p) => ({
              value: p,
              label: PURPOSE_WORDS[p].label,
            })),
          ]}
        />
        <NativeSelect
          label="Offered at"
          value={stage}
          onChange={(e) => setStage(e.currentTarget.value)}
          data={[
            { value: '', label: 'Any stage' },
            ...TEMPLATE_STAGES.map((s) => ({ value: s, label: stageName(s) })),
          ]}
        />
      </Group>
      {templates.isPending ? (
        <Loading label="Loading templates" />
      ) : templates.isError ? (
        <ProblemAlert error={templates.error} onRetry={() => templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <Empty title="No templates here">
          {purpose || stage ? 'Try another purpose or stage.' : 'Add one to get started.'}
        </Empty>
      ) : (
        <ScrollTable label="Templates table" minWidth={isAdmin ? 860 : 640}>
          <Table striped highlightOnHover>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {templates.data.length} template{templates.data.length === 1 ? '' : 's'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Purpose</Table.Th>
                <Table.Th scope="col">Offered at</Table.Th>
                <Table.Th scope="col">Subject</Table.Th>
                <Table.Th scope="col">Changed</Table.Th>
                {isAdmin && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.map((template) => (
                <Table.Tr key={template.id}>
                  <Table.Th scope="row" fw={500}>
                    {template.name}
                  </Table.Th>
                  <Table.Td>{PURPOSE_WORDS[template.purpose].label}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      {template.stages.length === 0 ? (
                        <Text size="sm">Every stage</Text>
                      ) : (
                        template.stages.map((s) => (
                          <Badge key={s} variant="light" color="blue" c="blue.9" size="sm" tt="none">
                            {stageName(s)}
                          </Badge>
                        ))
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {template.subject ?? (
                      <Text span c="dimmed" size="sm">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(template.updatedAt)}</Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Edit ${template.name}`}
                          onClick={() => {
                            setDone(null);
                            setDialog({ kind: 'edit', template });
                          }}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Archive ${template.name}`}
                          onClick={() => {
                            setDone(null);
                            setDialog({ kind: 'archive', template });
                          }}
                        >
                          Archive
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <TryTemplate />
      {isAdmin && (
        <>
          <TemplateFormModal
            opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
            template={dialog?.kind === 'edit' ? dialog.template : undefined}
            onClose={closeDialog}
            onSaved={(template, added) =>
              finished(added ? `“${template.name}” was added.` : `“${template.name}” was updated.`)
            }
          />
          <ConfirmModal
            opened={dialog?.kind === 'archive'}
            title={dialog?.kind === 'archive' ? `Archive “${dialog.template.name}”?` : ''}
            confirmLabel="Archive"
            danger
            loading={archive.isPending}
            onClose={closeDialog}
            onConfirm={() => dialog?.kind === 'archive' && archive.mutate(dialog.template)}
          >
            {archive.isError && <ProblemAlert error={archive.error} />}
            <Text size="sm">
              Staff will no longer be offered it. Replies and proposals already written from it are not
              changed.
            </Text>
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
