/**
 * Finding the caller among existing customers: search by name, email, phone or postcode and pick one; the
 * picked customer is shown with a way to change it.
 */
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { humanize } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/states.tsx';
import { type Customer, INPUT } from './callForm.ts';

function details(customer: Customer): string {
  return [customer.email, customer.phone, customer.postcode].filter(Boolean).join(' · ');
}

function needsWords(customer: Customer): string | null {
  const needs = [
    customer.needs.largePrint && 'large print',
    customer.needs.braille && 'Braille',
    customer.needs.textRelay && 'text relay',
  ].filter(Boolean);
  return needs.length ? `Format needs: ${needs.join(', ')}` : null;
}

export function ChosenCustomer({ customer, onChange }: { customer: Customer; onChange: () => void }) {
  return (
    <Paper withBorder p="sm" aria-labelledby="chosen-customer-name" role="group">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            Existing customer
          </Text>
          <Text fw={700} id="chosen-customer-name" className="user-text">
            {customer.name}
          </Text>
          {details(customer) && <Text size="sm">{details(customer)}</Text>}
          <Text size="sm">{humanize(customer.type)} customer</Text>
          {needsWords(customer) && <Text size="sm">{needsWords(customer)}</Text>}
          {customer.vulnerabilityNotes && (
            <Text size="sm" className="user-text">
              Support needs: {customer.vulnerabilityNotes}
            </Text>
          )}
        </Stack>
        <Button id={INPUT.chosen} variant="default" onClick={onChange}>
          Change customer
        </Button>
      </Group>
    </Paper>
  );
}

export function CustomerSearch({ onPick }: { onPick: (customer: Customer) => void }) {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const found = useQuery({
    queryKey: ['customers', 'search', debounced],
    queryFn: () => unwrap(api.GET('/api/v1/customers', { params: { query: { q: debounced, limit: 8 } } })),
    enabled: debounced.length >= 2,
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  const searching = debounced.length >= 2;

  return (
    <Stack gap="xs">
      <TextInput
        id={INPUT.search}
        type="search"
        label="Find an existing customer"
        description="Name, email, phone or postcode (at least 2 characters)"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autoComplete="off"
      />
      <Text size="sm" c="dimmed" role="status">
        {!searching
          ? ''
          : found.isFetching
            ? 'Searching…'
            : found.isSuccess
              ? items.length
                ? `${items.length} ${items.length === 1 ? 'customer' : 'customers'} found: choose one, or record a new customer below`
                : 'No customer found: record a new customer below'
              : ''}
      </Text>
      {found.isError && <ProblemAlert error={found.error} onRetry={() => found.refetch()} />}
      {searching && items.length > 0 && (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((customer) => (
            <li key={customer.id}>
              <Button
                variant="default"
                fullWidth
                justify="flex-start"
                h="auto"
                py={6}
                onClick={() => onPick(customer)}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left', display: 'block' } }}
              >
                <Text span fw={700}>
                  Choose {customer.name}
                </Text>
                {details(customer) && (
                  <Text span size="sm" fw={400}>
                    {' '}
                    · {details(customer)}
                  </Text>
                )}
              </Button>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
