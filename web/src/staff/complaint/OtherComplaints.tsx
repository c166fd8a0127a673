/**
 * The customer's other complaints (up to 20, newest first, from `customer.otherComplaints`), each linked, and
 * a link to the customer's record, where likely duplicate records can be merged.
 *
 * Mount it on the complaint page beside the customer's details: `<OtherComplaints customer={complaint.customer} />`.
 */
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format.ts';
import type { Complaint } from './api.ts';

export function OtherComplaints({ customer }: { customer: Complaint['customer'] }) {
  if (!customer) return null;
  const others = customer.otherComplaints;
  return (
    <section aria-labelledby="other-complaints-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="other-complaints-heading">
          Other complaints from this customer
        </Title>
        {others.length === 0 ? (
          <Text size="sm">None on this customer record.</Text>
        ) : (
          <List size="sm" spacing={4} listStyleType="none" aria-label="Other complaints, newest first">
            {others.map((c) => (
              <List.Item key={c.reference}>
                <Anchor component={Link} to={`/staff/complaints/${c.reference}`} ff="monospace">
                  {c.reference}
                </Anchor>{' '}
                — {c.stageName}, received {formatDateTime(c.receivedAt)}
              </List.Item>
            ))}
          </List>
        )}
        {others.length === 20 && (
          <Text size="sm" c="dimmed">
            Showing the 20 newest.
          </Text>
        )}
        <Anchor component={Link} to={`/staff/customers/${customer.id}`} size="sm">
          Open the customer record (and any likely duplicates)
        </Anchor>
      </Stack>
    </section>
  );
}
