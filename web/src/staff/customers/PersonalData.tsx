/**
 * The customer's rights under UK GDPR, for admins: download everything held about them (subject access).
 * The export is recorded on the audit trail.
 */
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { fetchFile, saveFile } from '../../api/files.ts';
import { ProblemAlert } from '../../ui/states.tsx';
import type { Customer } from './api.ts';

function useExport(customer: Customer) {
  return useMutation({
    mutationFn: () => fetchFile(`/api/v1/customers/${encodeURIComponent(customer.id)}/personal-data`),
    onSuccess: ({ blob, filename }) => saveFile(blob, filename ?? `personal-data-${customer.id}.zip`),
  });
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
      </Stack>
    </Paper>
  );
}
