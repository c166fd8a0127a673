/**
 * A customer record (`/staff/customers/:id`): the details, the record's likely duplicates, and merging one
 * into the other (reviewers, directors and admins: a merge cannot be undone). A record already merged says
 * where it went. Admins can export the personal data.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { mayMergeCustomers } from '../../../../src/domain/customer.ts';
import { api, unwrap } from '../../api/client.ts';
import { formatDateTime, humanize } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, Loading, ProblemAlert } from '../../ui/states.tsx';
import { hasRole, useMe } from '../session.ts';
import { type Customer, contactDetails, REASON_WORDS, useCustomer, useDuplicates } from './api.ts';
import { MergeDialog } from './MergeDialog.tsx';
import { PersonalData } from './PersonalData.tsx';

function CustomerDetails({ customer }: { customer: Customer }) {
  const needs = [
    customer.needs.largePrint && 'large print',
    customer.needs.braille && 'Braille',
    customer.needs.textRelay && 'text relay',
  ].filter(Boolean);
  const rows: [string, string][] = [
    ['Type', humanize(customer.type)],
    ['Email', customer.email ?? '—'],
    ['Phone', customer.phone ?? '—'],
    ['Address', [...customer.addressLines, customer.postcode].filter(Boolean).join(', ') || '—'],
    ['Format needs', needs.length ? needs.join(', ') : 'None recorded'],
    ['Prefers', customer.preferredChannel ? humanize(customer.preferredChannel) : 'No preference given'],
    ['Recorded', formatDateTime(customer.createdAt)],
  ];
  return (
    <Table variant="vertical" withTableBorder maw="40rem">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="12rem">{label}</Table.Th>
            <Table.Td className="user-text">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Whether the customer asked not to be contacted beyond what their complaint needs: no satisfaction survey
 * goes to them. Staff change it here; the change goes on the audit trail with who made it.
 */
function ContactPreference({ customer }: { customer: Customer }) {
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (contactOptOut: boolean) =>
      unwrap(
        api.PATCH('/api/v1/customers/{id}', {
          params: { path: { id: customer.id } },
          body: { contactOptOut },
        }),
      ),
    onSuccess: (updated) => client.setQueryData(['customers', customer.id], updated),
  });
  return (
    <Stack gap="xs" maw="40rem">
      <Checkbox
        id="customer-contact-opt-out"
        label="Asked not to be contacted beyond their complaint (no satisfaction survey)"
        checked={customer.contactOptOut}
        disabled={change.isPending || customer.merged !== null}
        onChange={(e) => change.mutate(e.currentTarget.checked)}
      />
      {change.isError && <ProblemAlert error={change.error} />}
    </Stack>
  );
}

function PossibleDuplicates({ customer }: { customer: Customer }) {
  const duplicates = useDuplicates(customer.id, customer.merged === null);
  const [merging, setMerging] = useState<Customer | null>(null);
  const mayMerge = mayMergeCustomers(useMe().data?.roles ?? []);
  return (
    <section aria-labelledby="duplicates-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="duplicates-heading">
          Possible duplicates
        </Title>
        {duplicates.isPending && <Loading label="Looking for likely duplicates" />}
        {duplicates.isError && <ProblemAlert error={duplicates.error} onRetry={() => duplicates.refetch()} />}
        {!mayMerge && duplicates.data !== undefined && duplicates.data.length > 0 && (
          <Text size="sm">
            A merge cannot be undone, so a reviewer, a director or an admin makes it: ask one if these are the
            same customer.
          </Text>
        )}
        {duplicates.data?.length === 0 && (
          <Empty title="No likely duplicates">
            No other record has the same email or phone number, or the same postcode and a similar name.
          </Empty>
        )}
        {duplicates.data?.map(({ customer: other, reasons }) => (
          <Paper key={other.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Anchor component={Link} to={`/staff/customers/${other.id}`} fw={700} className="user-text">
                  {other.name}
                </Anchor>
                <Text size="sm" className="user-text">
                  {contactDetails(other)}
                </Text>
                <Text size="sm">
                  {humanize(other.type)} customer, recorded {formatDateTime(other.createdAt)}
                </Text>
                <Group gap={4}>
                  {reasons.map((r) => (
                    <Badge key={r} variant="light" color="blue" c="blue.9" size="sm">
                      {REASON_WORDS[r]}
                    </Badge>
                  ))}
                </Group>
              </Stack>
              {mayMerge && (
                <Button variant="default" onClick={() => setMerging(other)}>
                  Merge {other.name}…
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {merging && <MergeDialog current={customer} other={merging} onClose={() => setMerging(null)} />}
    </section>
  );
}

export function CustomerPage() {
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  const me = useMe();
  if (customer.isPending) return <Loading label="Loading the customer" />;
  if (customer.isError) return <ProblemAlert error={customer.error} onRetry={() => customer.refetch()} />;
  const record = customer.data;
  return (
    <Stack gap="lg">
      <PageHeading title={record.name} className="user-text" />
      {record.merged && (
        <Alert color="blue" title="This record was merged into another">
          Its complaints, emails and portal sign-ins are now on the surviving record (merged{' '}
          {formatDateTime(record.merged.at)}).{' '}
          <Anchor component={Link} to={`/staff/customers/${record.merged.intoId}`}>
            Open the surviving record
          </Anchor>
        </Alert>
      )}
      <CustomerDetails customer={record} />
      <ContactPreference customer={record} />
      {!record.merged && <PossibleDuplicates customer={record} />}
      {hasRole(me.data, 'admin') && <PersonalData customer={record} />}
    </Stack>
  );
}
