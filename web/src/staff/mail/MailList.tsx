/**
 * The mail log's rows: a table on wider screens, and on a phone one card per message (a five-column table
 * there had to scroll sideways, hiding the subject people look for).
 */
import { Anchor, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format.ts';
import { type MailSummary, StatusBadge } from './StatusBadge.tsx';

interface ListProps {
  items: MailSummary[];
  onOpen: (id: string) => void;
  visibleFrom?: 'sm';
  hiddenFrom?: 'sm';
}

function Subject({ mail, onOpen }: { mail: MailSummary; onOpen: (id: string) => void }) {
  return (
    <Anchor component="button" type="button" onClick={() => onOpen(mail.id)} className="user-text" ta="left">
      {mail.subject || '(no subject)'}
    </Anchor>
  );
}

const counterpart = (mail: MailSummary) => (mail.direction === 'out' ? `To ${mail.to}` : `From ${mail.from}`);

function ComplaintLink({ mail }: { mail: MailSummary }) {
  return mail.reference ? (
    <Anchor component={Link} to={`/staff/complaints/${mail.reference}`} style={{ whiteSpace: 'nowrap' }}>
      {mail.reference}
    </Anchor>
  ) : null;
}

export function MailTable({ items, onOpen, ...visibility }: ListProps) {
  return (
    <ScrollArea {...visibility}>
      <Table striped highlightOnHover miw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>From / to</Table.Th>
            <Table.Th>Complaint</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt)}</Table.Td>
              <Table.Td>
                <StatusBadge status={m.status} />
              </Table.Td>
              <Table.Td>
                <Subject mail={m} onOpen={onOpen} />
              </Table.Td>
              <Table.Td className="user-text">{counterpart(m)}</Table.Td>
              <Table.Td>{m.reference ? <ComplaintLink mail={m} /> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

export function MailCards({ items, onOpen, ...visibility }: ListProps) {
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} {...visibility}>
      {items.map((m) => (
        <Paper key={m.id} component="li" withBorder p="sm">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <StatusBadge status={m.status} />
              <Text size="sm" c="dimmed">
                {formatDateTime(m.createdAt)}
              </Text>
            </Group>
            <Subject mail={m} onOpen={onOpen} />
            <Text size="sm" className="user-text">
              {counterpart(m)}
            </Text>
            <ComplaintLink mail={m} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
