/** Customers (`/staff/customers`): find a customer record by name, email, phone or postcode. */
import { Anchor, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { formatDateTime, humanize } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Empty, ProblemAlert } from '../../ui/states.tsx';
import { contactDetails } from './api.ts';

export function CustomersPage() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const found = useQuery({
    enabled: q.length >= 2,
    queryKey: ['customers', 'search', q],
    queryFn: () => unwrap(api.GET('/api/v1/customers', { params: { query: { q, limit: 50 } } })),
  });
  return (
    <Stack>
      <PageHeading title="Customers" />
      <Text c="dimmed">
        Find a customer record to see it and any likely duplicates of it (the web form makes a new record each
        time).
      </Text>
      <TextInput
        id="customer-search"
        label="Find a customer"
        description="Name, email, phone number or postcode (at least 2 characters)"
        maw="28rem"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {found.isError && <ProblemAlert error={found.error} onRetry={() => found.refetch()} />}
      {found.data &&
        (found.data.items.length === 0 ? (
          <Empty title="No customers found">Try part of the name, or the postcode.</Empty>
        ) : (
          <Table striped withTableBorder>
            <Table.Caption>Customers matching “{q}”, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Contact details</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Recorded</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/staff/customers/${c.id}`} className="user-text">
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="user-text">{contactDetails(c)}</Table.Td>
                  <Table.Td>{humanize(c.type)}</Table.Td>
                  <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
    </Stack>
  );
}
