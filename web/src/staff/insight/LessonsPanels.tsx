/**
 * The dashboard's panels on what the procedure teaches: root causes against the period before (each with
 * "Raise an improvement", which opens the dialog with the cause filled in), satisfaction with the handling
 * by stage reached, category and handler, and the remedies customers accepted.
 */
import { BarChart } from '@mantine/charts';
import { Button, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { mayManageImprovements } from '../../../../src/domain/improvement.ts';
import type { Schemas } from '../../api/client.ts';
import { formatDay, formatPence, humanize } from '../../ui/format.ts';
import { RaiseImprovementDialog } from '../improvements/RaiseImprovementDialog.tsx';
import { useMe } from '../session.ts';
import { ChartPanel } from './ChartPanel.tsx';

type Insight = Schemas['Insight'];
type SatisfactionCount = Insight['satisfaction'];

const REMEDY_WORDS: Record<Insight['remedies']['byType'][number]['type'], string> = {
  apology: 'Apology',
  explanation: 'Explanation',
  'practical-action': 'Practical action',
  'credit-refund': 'Credit or refund',
  goodwill: 'Goodwill payment',
};

const rate = (s: Pick<SatisfactionCount, 'responseRate'>) =>
  s.responseRate === null ? '—' : `${Math.round(s.responseRate * 1000) / 10}%`;
const score = (s: Pick<SatisfactionCount, 'averageScore'>) =>
  s.averageScore === null ? '—' : s.averageScore.toFixed(2);

export function LessonsPanels({ data, stageName }: { data: Insight; stageName: (stage: string) => string }) {
  return (
    <>
      <RootCauses data={data} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Satisfaction data={data} stageName={stageName} />
        <Remedies data={data} />
      </SimpleGrid>
    </>
  );
}

function RootCauses({ data }: { data: Insight }) {
  const { rootCauses } = data;
  const [raising, setRaising] = useState<string | null>(null);
  const navigate = useNavigate();
  // Reviewers and directors raise improvement items; an administrator sees the causes only.
  const mayRaise = mayManageImprovements(useMe().data?.roles ?? []);
  const before = `${formatDay(rootCauses.previousFrom, { short: true })} to ${formatDay(rootCauses.previousTo, { short: true })}`;
  return (
    <Paper withBorder p="md" radius="md">
      <ChartPanel
        bare
        title="Root causes"
        description={`Recorded when complaints closed: ${rootCauses.recorded} in the range, ${rootCauses.previousRecorded} in the same length of time before (${before}).`}
        chart={
          <BarChart
            h={Math.max(160, 48 * rootCauses.causes.length + 70)}
            orientation="vertical"
            yAxisProps={{ width: 180, interval: 0 }}
            data={rootCauses.causes.map((c) => ({ cause: c.label, now: c.count, before: c.previous }))}
            dataKey="cause"
            withLegend
            series={[
              { name: 'now', label: 'This period', color: 'blue.7' },
              { name: 'before', label: 'The period before', color: 'gray.5' },
            ]}
          />
        }
        table={{
          columns: ['Root cause', 'This period', 'Before', 'Categories', 'Channels'],
          rows: rootCauses.causes.flatMap((c) => [
            {
              label: c.label,
              values: [c.count, c.previous, sources(c.byCategory), sources(c.byChannel)],
            },
            ...c.detail
              .filter((d) => d.code !== c.code)
              .map((d) => ({ label: `— ${d.label}`, values: [d.count, d.previous, '', ''] })),
          ]),
        }}
      />
      {rootCauses.causes.length === 0 ? (
        <Text size="sm" mt="sm">
          No root causes recorded in the range or the period before.
        </Text>
      ) : !mayRaise ? null : (
        <>
          <Title order={3} size="h5" mt="md" id="root-cause-actions">
            Act on a cause
          </Title>
          <Table aria-labelledby="root-cause-actions" verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {rootCauses.causes.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Th scope="row" fw={500}>
                    {c.label}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {c.count} now, {c.previous} before
                    </Text>
                  </Table.Th>
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setRaising(c.code)}
                      aria-label={`Raise an improvement: ${c.label}`}
                    >
                      Raise an improvement
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {raising && (
        <RaiseImprovementDialog
          source="root-cause-trend"
          rootCause={raising}
          rootCausePeriod={{ from: data.from, to: data.to }}
          onClose={() => setRaising(null)}
          onRaised={(item) => navigate(`/staff/improvements/${item.reference}`)}
        />
      )}
    </Paper>
  );
}

/** Where a cause's complaints came from, most first: "billing 2, contract 1". */
function sources(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `${humanize(k).toLowerCase()} ${n}`)
    .join(', ');
}

function Satisfaction({ data, stageName }: { data: Insight; stageName: (stage: string) => string }) {
  const s = data.satisfaction;
  const stages = s.byStageReached.filter((r) => r.sent > 0);
  const rows = [
    ...stages.map((r) => ({ label: `Reached ${stageName(r.stageReached)}`, r })),
    ...s.byCategory.filter((r) => r.sent > 0).map((r) => ({ label: humanize(r.category), r })),
    ...s.byHandler.map((r) => ({ label: r.person?.name ?? 'Nobody', r })),
  ];
  return (
    <ChartPanel
      title="Satisfaction with the handling"
      description={`${s.answered} of ${s.sent} surveys answered (${rate(s)}); average score ${score(s)} out of 5. By stage reached, category and handler in the table; handlers are not narrowed by the filters other than dates and owner.`}
      chart={
        <BarChart
          h={220}
          data={stages.map((r) => ({
            stage: stageName(r.stageReached),
            score: r.averageScore ?? 0,
          }))}
          dataKey="stage"
          yAxisProps={{ domain: [0, 5] }}
          series={[{ name: 'score', label: 'Average score', color: 'teal.8' }]}
        />
      }
      table={{
        columns: ['', 'Sent', 'Answered', 'Response rate', 'Average score'],
        rows: rows.map(({ label, r }, i) => ({
          label,
          key: `${i}`,
          values: [r.sent, r.answered, rate(r), score(r)],
        })),
      }}
    />
  );
}

function Remedies({ data }: { data: Insight }) {
  const r = data.remedies;
  return (
    <ChartPanel
      title="Remedies accepted"
      description={`${r.count} remedies accepted in the range (agreed proposals and ombudsman decisions); ${formatPence(r.pence)} credited, refunded or paid.`}
      chart={
        <BarChart
          h={220}
          data={r.byType.map((t) => ({ type: REMEDY_WORDS[t.type], count: t.count }))}
          dataKey="type"
          series={[{ name: 'count', label: 'Accepted', color: 'grape.7' }]}
        />
      }
      table={{
        columns: ['Remedy', 'Accepted', 'Money'],
        rows: r.byType.map((t) => ({
          label: REMEDY_WORDS[t.type],
          values: [t.count, t.type === 'credit-refund' || t.type === 'goodwill' ? formatPence(t.pence) : '—'],
        })),
      }}
    />
  );
}
