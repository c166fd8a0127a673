/**
 * The customer's rights under UK GDPR, for admins: download everything held about them (subject access),
 * and erase it (an erasure request), which the API refuses with the reason while the law still needs it.
 * Both are recorded on the audit trail.
 */
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fetchFile, saveFile } from '../../api/files.ts';
import { ProblemAlert } from '../../ui/states.tsx';
import type { Customer } from './api.ts';

function useExport(customer: Customer) {
  return useMutation({
    mutationFn: () => fetchFile(`/api/v1/customers/${encodeURIComponent(customer.id)}/personal-data`),
    onSuccess: ({ blob, filename }) => saveFile(blob, filename ?? `personal-data-${customer.id}.zip`),
  });
}

function Erasure({ customer }: { customer: Customer }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const erase = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/customers/{id}/erase', { params: { path: { id: customer.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['customers', customer.id] }),
  });
  if (erase.isSuccess) {
    return (
      <Alert color="green" title="Personal data erased">
        {erase.data.complaints.length} complaint(s) anonymised; the record keeps no name or contact details.
      </Alert>
    );
  }
  return (
    <Stack gap="xs" align="flex-start">
      {!confirming ? (
        <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
          Erase personal data…
        </Button>
      ) : (
        <Alert color="red" title="Erase this customer’s personal data?">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Their name, contact details and the words of every complaint, email and letter are removed for
              good. The figures stay. It is refused while a complaint is open or within 12 months of an ADR
              letter.
            </Text>
            <Group gap="sm">
              <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()}>
                Erase
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {erase.isError && <ProblemAlert error={erase.error} />}
    </Stack>
  );
}

export function PersonalData({ customer }: { customer: Customer }) {
  const download = useExport(customer);
  const building = download.isPending;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="personal-data-heading" maw="40rem">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h3" id="personal-data-heading">
          Personal data
        </Title>
        <Text size="sm">
          Everything we hold about this customer, for a subject access request: the record, every complaint
          with its timeline, contacts, emails, letters, attachments, surveys and portal sign-ins. Each export
          is recorded on the audit trail.
        </Text>
        <Group gap="sm" wrap="wrap">
          <Button
            variant="default"
            aria-disabled={building}
            leftSection={building ? <Loader size="xs" aria-hidden="true" /> : undefined}
            onClick={() => {
              if (!building) download.mutate();
            }}
          >
            Export personal data (ZIP)
          </Button>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {building ? 'Gathering the personal data…' : ''}
          </Text>
        </Group>
        {download.isError && <ProblemAlert error={download.error} />}
        {customer.merged === null && <Erasure customer={customer} />}
      </Stack>
    </Paper>
  );
}
