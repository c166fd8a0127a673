/**
 * The complaints of a queue as a table: the reference links to the complaint, the sortable columns say how
 * they are sorted (aria-sort), and the selected row (keys j/k) is marked by more than colour. The keys work
 * only while the focus is in the table: its scrolling box is a focusable, named region that takes them.
 */
import { Anchor, Checkbox, Kbd, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { paths } from '../../api/schema';
import { formatDay, humanize, londonToday } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { AdrDue } from './adrDue.tsx';
import type { Order, Sort } from './queueParams.ts';

type ComplaintList = paths['/api/v1/complaints']['get']['responses'][200]['content']['application/json'];
export type ComplaintRow = ComplaintList['items'][number];

interface Props {
  rows: ComplaintRow[];
  ownerName: (id: string | null) => string;
  /** The chosen sort, or null for the queue's own order. */
  sort: Sort | null;
  order: Order | null;
  onSort: (sort: Sort) => void;
  selected: number;
  onSelect: (index: number) => void;
  /** The list's keys (useListKeys), taken only from inside the table. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  labelledBy: string;
  /** The rows ticked for bulk assignment, by reference. */
  checked: ReadonlySet<string>;
  onCheck: (references: string[], checked: boolean) => void;
}

/** The name of the table's focusable region, which also tells a screen reader user the keys. */
export const TABLE_REGION_LABEL = 'Complaints, use j and k or the arrow keys to move, Enter to open';

export function rowLinkId(index: number) {
  return `complaint-row-${index}`;
}

function SortHeader(props: {
  label: string;
  column: Sort;
  sort: Sort | null;
  order: Order | null;
  onSort: (s: Sort) => void;
}) {
  const { label, column, sort, order, onSort } = props;
  const active = sort === column;
  const arrow = active ? (order === 'asc' ? '▲' : '▼') : '';
  return (
    <Table.Th aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm" td="underline">
        {label}
        {active && (
          <>
            <span aria-hidden="true"> {arrow}</span>
            <VisuallyHidden>{order === 'asc' ? ', ascending' : ', descending'}</VisuallyHidden>
          </>
        )}
      </UnstyledButton>
    </Table.Th>
  );
}

export function ComplaintTable({
  rows,
  ownerName,
  sort,
  order,
  onSort,
  selected,
  onSelect,
  onKeyDown,
  labelledBy,
  checked,
  onCheck,
}: Props) {
  const sortable = { sort, order, onSort };
  const all = rows.length > 0 && rows.every((r) => checked.has(r.reference));
  const some = rows.some((r) => checked.has(r.reference));
  return (
    <>
      <Text size="sm" c="dimmed" id="queue-keys-hint">
        Keys, once the table has the focus (Tab to it): <Kbd>j</Kbd> or <Kbd>↓</Kbd> next complaint,{' '}
        <Kbd>k</Kbd> or <Kbd>↑</Kbd> previous, <Kbd>x</Kbd> tick it to assign, <Kbd>Enter</Kbd> open it,{' '}
        <Kbd>/</Kbd> back to the search box.
      </Text>
      {/* Positioned, so the visually hidden sort words stay inside the scrolling box on a phone. Focusable, so
          it scrolls from the keyboard and its keys are on only while the focus is here. */}
      <ScrollTable label={TABLE_REGION_LABEL} minWidth={900} pos="relative" onKeyDown={onKeyDown}>
        <Table aria-labelledby={labelledBy} verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Tick every complaint shown, to assign them"
                  checked={all}
                  indeterminate={some && !all}
                  onChange={(e) =>
                    onCheck(
                      rows.map((r) => r.reference),
                      e.currentTarget.checked,
                    )
                  }
                />
              </Table.Th>
              <SortHeader label="Reference" column="reference" {...sortable} />
              <Table.Th>Customer</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Category</Table.Th>
              <Table.Th>Owner</Table.Th>
              <SortHeader label="Received" column="received" {...sortable} />
              <SortHeader label="ADR due" column="adr-due" {...sortable} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const isSelected = index === selected;
              return (
                <Table.Tr
                  key={row.reference}
                  data-selected={isSelected || undefined}
                  onClick={() => onSelect(index)}
                  style={
                    isSelected
                      ? {
                          background: 'var(--mantine-color-blue-0)',
                          boxShadow: 'inset 4px 0 0 var(--mantine-color-blue-9)',
                        }
                      : undefined
                  }
                >
                  <Table.Td>
                    <Checkbox
                      aria-label={`Tick ${row.reference} to assign it`}
                      checked={checked.has(row.reference)}
                      onChange={(e) => onCheck([row.reference], e.currentTarget.checked)}
                      onClick={(e) => e.stopPropagation()}
                    />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor
                      component={Link}
                      to={`/staff/complaints/${row.reference}`}
                      id={rowLinkId(index)}
                      fw={600}
                      onFocus={() => onSelect(index)}
                    >
                      {row.reference}
                    </Anchor>
                    {isSelected && <VisuallyHidden> (selected)</VisuallyHidden>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="user-text">
                      {row.customer.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.stageName}</Table.Td>
                  <Table.Td>{humanize(row.category)}</Table.Td>
                  <Table.Td>
                    {row.ownerId === null && row.needs ? (
                      <Text span size="sm" fw={700} c="red.9">
                        Needs {row.needs === 'agent' || row.needs === 'admin' ? 'an' : 'a'} {row.needs}
                      </Text>
                    ) : (
                      ownerName(row.ownerId)
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDay(londonToday(new Date(row.receivedAt)), { short: true })}
                  </Table.Td>
                  <Table.Td>
                    <AdrDue
                      day={row.adrDueOn}
                      daysLeft={row.adrDaysLeft}
                      letterIssuedOn={row.adrLetterIssuedOn}
                      counting={row.stage !== 'closed' && row.stage !== 'deadlock'}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
