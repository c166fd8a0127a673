/**
 * One figure of the dashboard: its chart, and the same numbers as a table behind a "Table" switch, so that a
 * screen reader (which the chart is hidden from) and a copy-paste get every number.
 */
import { Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

export interface FigureTable {
  columns: string[];
  /** `key` when two rows share a label. */
  rows: { label: string; key?: string; values: (number | string)[] }[];
}

export function ChartPanel({
  title,
  description,
  chart,
  table,
  alert,
  bare,
}: {
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: FigureTable;
  alert?: boolean;
  /** Without its own frame: inside a panel that adds more below it. */
  bare?: boolean;
}) {
  const [shown, setShown] = useState<'chart' | 'table'>('chart');
  const id = useId();
  return (
    <Paper
      withBorder={!bare}
      p={bare ? 0 : 'md'}
      radius="md"
      style={alert ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
    >
      <Title order={2} size="h4" id={`${id}-title`}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      <SegmentedControl
        size="xs"
        mb="sm"
        value={shown}
        onChange={(v) => setShown(v as 'chart' | 'table')}
        data={[
          { value: 'chart', label: 'Chart' },
          { value: 'table', label: 'Table' },
        ]}
        aria-label={`Show ${title} as`}
      />
      {shown === 'chart' ? (
        // Inert: the chart is for the eye, the table for everyone else (recharts makes its SVG focusable).
        <div inert>{chart}</div>
      ) : (
        <ScrollTable label={`${title}: table`} minWidth={300}>
          <Table aria-labelledby={`${id}-title`} striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c, i) => (
                  <Table.Th scope="col" key={c} ta={i === 0 ? undefined : 'right'}>
                    {c}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((r) => (
                <Table.Tr key={r.key ?? r.label}>
                  <Table.Th scope="row" fw={500}>
                    {r.label}
                  </Table.Th>
                  {r.values.map((v, i) => (
                    <Table.Td key={table.columns[i + 1]} ta="right">
                      {v}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Paper>
  );
}
