/**
 * The monthly management report from the dashboard: a month (the last complete one by default, or this one
 * so far) as PDF or spreadsheet, plain downloads that the staff session authenticates.
 */
import { Button, Group, NativeSelect, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { addMonths } from '../../../../src/domain/time.ts';
import { londonToday } from '../../ui/format.ts';

const monthName = (month: string) =>
  new Date(`${month}-01T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export function ReportDownloads() {
  const thisMonth = `${londonToday().slice(0, 7)}-01`;
  const months = Array.from({ length: 13 }, (_, i) => addMonths(thisMonth, -i).slice(0, 7));
  const [month, setMonth] = useState(months[1] ?? months[0] ?? '');
  const href = (format: 'pdf' | 'xlsx') => `/api/v1/insight/report?month=${month}&format=${format}`;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        Monthly management report
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        A month’s figures beside the month before, with root causes, satisfaction, remedies and the
        improvements completed. Directors also receive it by email on the 1st.
      </Text>
      <Group align="flex-end">
        <NativeSelect
          id="report-month"
          label="Month"
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          data={months.map((m, i) => ({
            value: m,
            label: i === 0 ? `${monthName(m)} (so far)` : monthName(m),
          }))}
        />
        <Button component="a" href={href('pdf')} download variant="default">
          Download PDF
        </Button>
        <Button component="a" href={href('xlsx')} download variant="default">
          Download spreadsheet (XLSX)
        </Button>
      </Group>
    </Paper>
  );
}
