/**
 * The insight dashboard (/staff/insight, reviewers and up): how the procedure is doing, for a range of dates
 * and filters kept in the address. Time-limit ADR letters come first: each is a complaint the procedure did
 * not settle in time. Every chart has its numbers as a table behind its "Table" switch.
 */
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CHANNELS } from '../../../../src/domain/complaint.ts';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useProcedure } from '../../procedure.ts';
import { formatDay, formatPence, humanize } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { Loading, ProblemAlert } from '../../ui/states.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { ImprovementsPanel } from './ImprovementsPanel.tsx';
import { InsightFilters } from './InsightFilters.tsx';
import { periodLabel, useInsightView } from './insightParams.ts';
import { LessonsPanels } from './LessonsPanels.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';

type Insight = Schemas['Insight'];

const COLOURS = ['blue.7', 'teal.7', 'orange.7', 'grape.7', 'red.7', 'gray.7'];

function Stat({
  label,
  value,
  note,
  alert,
}: {
  label: string;
  value: string;
  note?: string;
  alert?: boolean;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={alert ? 'red.9' : undefined}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

export function InsightPage() {
  const { view, update, query } = useInsightView();
  const procedure = useProcedure().data?.procedure;
  const insight = useQuery({
    queryKey: ['insight', query],
    queryFn: () => unwrap(api.GET('/api/v1/insight', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const data = insight.data;
  return (
    <>
      <PageHeading title="Insight" id="insight-heading" />
      <Text c="dimmed" mb="md">
        How the procedure is doing. Complaints count on the day they were received; ADR letters, referrals,
        decisions and declined proposals on the day they happened; root causes and surveys on the day the
        complaint closed; remedies on the day accepted. The team is as it stands today.
      </Text>
      <InsightFilters
        view={view}
        update={update}
        shownRange={data ? { from: data.from, to: data.to } : undefined}
      />
      {insight.isPending ? (
        <Loading label="Loading the figures" />
      ) : insight.isError ? (
        <ProblemAlert error={insight.error} onRetry={() => insight.refetch()} />
      ) : data ? (
        <Figures data={data} stageName={(s) => procedure?.stages[s as 'attempt-1'].name ?? humanize(s)} />
      ) : null}
    </>
  );
}

function Figures({ data, stageName }: { data: Insight; stageName: (stage: string) => string }) {
  const periods = <R extends { period: string }>(rows: R[]) =>
    rows.map((r) => ({ ...r, label: periodLabel(r.period) }));
  const categories = Object.keys(data.volumes[0]?.byCategory ?? {});
  const per = data.perThousandCustomers;
  return (
    <Stack gap="md" aria-live="polite">
      <Text size="sm">
        {formatDay(data.from, { short: true })} to {formatDay(data.to, { short: true })}, by{' '}
        {data.granularity}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Stat label="Complaints received" value={String(data.received)} />
        {per === null ? (
          <Stat label="Per 1,000 customers" value="—" note="Set customerCount in the procedure to see this" />
        ) : (
          <Stat
            label="Per 1,000 customers"
            value={String(per)}
            note={`${data.perHundredThousandCustomers} per 100,000 (Ofcom’s figure), of ${data.customerCount?.toLocaleString('en-GB')}`}
          />
        )}
        <Stat
          label="Time-limit ADR letters"
          value={String(data.adrLetters.timeLimit)}
          alert={data.adrLetters.timeLimit > 0}
          note="Each one a complaint not settled within the ADR limit"
        />
        <Stat
          label="Remedies overdue today"
          value={String(data.referrals.remediesOverdue)}
          alert={data.referrals.remediesOverdue > 0}
        />
      </SimpleGrid>
      <ChartPanel
        alert={data.adrLetters.timeLimit > 0}
        title="ADR letters by trigger"
        description="A time-limit letter means the procedure failed to settle the complaint within the ADR limit: the trend to watch."
        chart={
          <LineChart
            h={220}
            data={periods(data.adrLetters.byPeriod)}
            dataKey="label"
            series={[
              { name: 'timeLimit', label: 'Time limit', color: 'red.8' },
              { name: 'deadlock', label: 'Deadlock', color: 'gray.7' },
            ]}
            withLegend
            curveType="linear"
          />
        }
        table={{
          columns: ['Period', 'Time limit', 'Deadlock'],
          rows: data.adrLetters.byPeriod.map((p) => ({
            label: periodLabel(p.period),
            values: [p.timeLimit, p.deadlock],
          })),
        }}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartPanel
          title="Complaints by category"
          chart={
            <BarChart
              h={240}
              data={periods(data.volumes).map((v) => ({ label: v.label, ...v.byCategory }))}
              dataKey="label"
              type="stacked"
              withLegend
              series={categories.map((c, i) => ({
                name: c,
                label: humanize(c),
                color: COLOURS[i % COLOURS.length]!,
              }))}
            />
          }
          table={{
            columns: ['Period', ...categories.map(humanize), 'All'],
            rows: data.volumes.map((v) => ({
              label: periodLabel(v.period),
              values: [...categories.map((c) => v.byCategory[c as keyof typeof v.byCategory]), v.total],
            })),
          }}
        />
        <ChartPanel
          title="Complaints by channel"
          chart={
            <BarChart
              h={240}
              data={periods(data.volumes).map((v) => ({ label: v.label, ...v.byChannel }))}
              dataKey="label"
              type="stacked"
              withLegend
              series={CHANNELS.map((c, i) => ({
                name: c,
                label: humanize(c),
                color: COLOURS[i % COLOURS.length]!,
              }))}
            />
          }
          table={{
            columns: ['Period', ...CHANNELS.map(humanize), 'All'],
            rows: data.volumes.map((v) => ({
              label: periodLabel(v.period),
              values: [...CHANNELS.map((c) => v.byChannel[c]), v.total],
            })),
          }}
        />
      </SimpleGrid>
      <Funnel data={data} stageName={stageName} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartPanel
          title="Time to resolve"
          description="From first expression of dissatisfaction to closing as resolved. The ADR limit is 6 weeks (8 for complaints first raised before 8 April 2026)."
          chart={
            <BarChart
              h={200}
              data={[
                { bucket: 'Within 1 week', complaints: data.timeToResolve.week },
                { bucket: 'Within the ADR limit', complaints: data.timeToResolve['adr-limit'] },
                { bucket: 'Later', complaints: data.timeToResolve.later },
                { bucket: 'Not resolved', complaints: data.timeToResolve.notResolved },
              ]}
              dataKey="bucket"
              series={[{ name: 'complaints', label: 'Complaints', color: 'blue.7' }]}
            />
          }
          table={{
            columns: ['Resolved', 'Complaints'],
            rows: [
              { label: 'Within 1 week', values: [data.timeToResolve.week] },
              { label: 'Within the ADR limit (over a week)', values: [data.timeToResolve['adr-limit']] },
              { label: 'Later', values: [data.timeToResolve.later] },
              {
                label: 'Not resolved (open, withdrawn or deadlocked)',
                values: [data.timeToResolve.notResolved],
              },
            ],
          }}
        />
        <ChartPanel
          title="The ombudsman"
          description={`${data.referrals.referred} referred; ${data.referrals.caseFeesPaid} case fees, ${formatPence(data.referrals.caseFeesPence)} in all.`}
          chart={
            <BarChart
              h={200}
              data={[
                { outcome: 'Upheld', decisions: data.referrals.outcomes.upheld },
                { outcome: 'Not upheld', decisions: data.referrals.outcomes.notUpheld },
                { outcome: 'Settled', decisions: data.referrals.outcomes.settled },
              ]}
              dataKey="outcome"
              series={[{ name: 'decisions', label: 'Decisions', color: 'grape.7' }]}
            />
          }
          table={{
            columns: ['', 'Number'],
            rows: [
              { label: 'Referred to the scheme', values: [data.referrals.referred] },
              { label: 'Upheld (in full or part)', values: [data.referrals.outcomes.upheld] },
              { label: 'of which partly upheld', values: [data.referrals.outcomes.partlyUpheld] },
              { label: 'Not upheld', values: [data.referrals.outcomes.notUpheld] },
              { label: 'Settled', values: [data.referrals.outcomes.settled] },
              { label: 'Case fees paid', values: [data.referrals.caseFeesPaid] },
              { label: 'Case fees', values: [formatPence(data.referrals.caseFeesPence)] },
              { label: 'Remedies overdue today', values: [data.referrals.remediesOverdue] },
            ],
          }}
        />
      </SimpleGrid>
      <LessonsPanels data={data} stageName={stageName} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ImprovementsPanel />
        <ReportDownloads />
      </SimpleGrid>
      <Team data={data} />
    </Stack>
  );
}

function Funnel({ data, stageName }: { data: Insight; stageName: (stage: string) => string }) {
  // Short names on the chart's axis; the table says each in the procedure's words.
  const steps = [
    {
      short: 'Resolved, attempt 1',
      label: `Resolved at ${stageName('attempt-1')}`,
      n: data.funnel['resolved-attempt-1'],
    },
    {
      short: 'Resolved, attempt 2',
      label: `Resolved at ${stageName('attempt-2')}`,
      n: data.funnel['resolved-attempt-2'],
    },
    {
      short: 'Resolved, attempt 3',
      label: `Resolved at ${stageName('attempt-3')}`,
      n: data.funnel['resolved-attempt-3'],
    },
    { short: 'Withdrawn', label: 'Withdrawn', n: data.funnel.withdrawn },
    { short: 'Reached deadlock', label: 'Reached deadlock', n: data.funnel.deadlock },
    {
      short: 'Decided by the scheme',
      label: 'Decided by the scheme after a time-limit letter',
      n: data.funnel['decided-by-scheme'],
    },
    { short: 'Still open', label: 'Still open', n: data.funnel.open },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <ChartPanel
        title="Where complaints ended"
        description="The complaints received in the range."
        chart={
          <BarChart
            // A row of 40 px per step and labels wide enough for one line each: at 260 px high and 150 wide
            // the labels wrapped and ran into each other.
            h={steps.length * 40 + 40}
            orientation="vertical"
            yAxisProps={{ width: 180, interval: 0 }}
            data={steps.map((s) => ({ step: s.short, complaints: s.n }))}
            dataKey="step"
            series={[{ name: 'complaints', label: 'Complaints', color: 'teal.8' }]}
          />
        }
        table={{
          columns: ['Ended', 'Complaints'],
          rows: steps.map((s) => ({ label: s.label, values: [s.n] })),
        }}
      />
      <ChartPanel
        title="Days at each attempt"
        description="Median calendar days from an attempt opening to its end, for those that ended."
        chart={
          <BarChart
            h={260}
            data={data.attempts.map((a) => ({
              attempt: stageName(`attempt-${a.attempt}`),
              days: a.medianDays ?? 0,
            }))}
            dataKey="attempt"
            series={[{ name: 'days', label: 'Median days', color: 'orange.8' }]}
          />
        }
        table={{
          columns: ['Attempt', 'Ended', 'Median days'],
          rows: data.attempts.map((a) => ({
            label: stageName(`attempt-${a.attempt}`),
            values: [a.ended, a.medianDays ?? '—'],
          })),
        }}
      />
      <ChartPanel
        title="Proposals declined by category"
        chart={
          <BarChart
            h={220}
            data={data.declinedProposals.map((d) => ({
              category: humanize(d.category),
              declined: d.declined,
            }))}
            dataKey="category"
            series={[{ name: 'declined', label: 'Declined', color: 'red.8' }]}
          />
        }
        table={{
          columns: ['Category', 'Declined'],
          rows: data.declinedProposals.map((d) => ({ label: humanize(d.category), values: [d.declined] })),
        }}
      />
    </SimpleGrid>
  );
}

function Team({ data }: { data: Insight }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" id="insight-team">
        The team today
      </Title>
      {data.team.length === 0 ? (
        <Alert color="gray" mt="sm">
          No open complaints.
        </Alert>
      ) : (
        <ScrollTable label="Team table" minWidth={360}>
          <Table aria-labelledby="insight-team" striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col" ta="right">
                  Open complaints
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Overdue steps
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Follow-ups waiting
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.team.map((m) => (
                <Table.Tr key={m.person?.id ?? 'nobody'}>
                  <Table.Th scope="row" fw={500}>
                    {m.person?.name ?? 'Nobody yet (in the stage queues)'}
                  </Table.Th>
                  <Table.Td ta="right">{m.open}</Table.Td>
                  <Table.Td ta="right" c={m.overdueSteps > 0 ? 'red.9' : undefined}>
                    {m.overdueSteps}
                  </Table.Td>
                  <Table.Td ta="right">{m.followUpsWaiting}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Paper>
  );
}
