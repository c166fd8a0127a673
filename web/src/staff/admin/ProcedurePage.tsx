/**
 * The procedure in force, read-only: whether it is valid, the company, each stage's texts and roles, the time
 * limits in words, the ADR scheme, the regulator, categories and the CRN format, and how to change it.
 */
import { Alert, Anchor, Card, Code, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatCrn } from '../../../../src/domain/crn.ts';
import { STAGES } from '../../../../src/domain/procedure.ts';
import type { Schemas } from '../../api/client.ts';
import { useProcedure } from '../../procedure.ts';
import { formatPence, humanize } from '../../ui/format.ts';
import { PageHeading } from '../../ui/page.tsx';
import { Loading, ProblemAlert } from '../../ui/states.tsx';
import { RoleBadges, WARNING_STYLES } from './shared.tsx';

type Procedure = Schemas['Procedure'];

const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
/** A London date (YYYY-MM-DD) as "8 April 2026". */
const formatDate = (day: string) => dayMonthYear.format(new Date(`${day}T00:00:00Z`));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Label–value pairs as a table with row headers, which screen readers read as pairs. */
function Facts({ label, rows }: { label: string; rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label={label}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th scope="row" w={{ base: 120, sm: 220 }}>
              {name}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const address = (a: Procedure['company']['address']) => (
  <>
    {[...a.lines, a.town, a.postcode].map((line, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: address lines may repeat and never reorder
      <div key={i}>{line}</div>
    ))}
  </>
);
const link = (href: string) => (
  <Anchor inherit href={href}>
    {href.replace(/^https?:\/\//, '')}
  </Anchor>
);

function timeLimits(p: Procedure): string[] {
  const t = p.timescales;
  const adr =
    t.adrLimitWeeks === t.adrLimitWeeksBefore
      ? `ADR letter due ${plural(t.adrLimitWeeks, 'week')} after the customer first complained.`
      : `ADR letter due ${plural(t.adrLimitWeeks, 'week')} after the customer first complained (${plural(t.adrLimitWeeksBefore, 'week')} for complaints first raised before ${formatDate(t.adrLimitChangedOn)}).`;
  const warnings = t.adrWarningWeeks.length
    ? `Staff are warned ${t.adrWarningWeeks.map((w) => plural(w, 'week')).join(' and ')} after the customer first complained that the ADR letter will soon be due.`
    : 'Staff get no early warning before the ADR letter is due.';
  return [
    t.acknowledgeWorkingDays === 0
      ? 'Complaints are acknowledged on the day they are recorded.'
      : `Complaints are acknowledged within ${plural(t.acknowledgeWorkingDays, 'working day')} of being recorded.`,
    adr,
    warnings,
    `A remedial step is due within ${plural(t.defaultStepWorkingDays, 'working day')} when no date is agreed with the customer.`,
    `The follow-up contact is due ${plural(t.followUpWorkingDays, 'working day')} after the last step is done.`,
    `A complaint closes as resolved after ${plural(t.noResponseCloseDays, 'day')} of silence following a follow-up chase.`,
    `After the ADR letter the customer has ${plural(t.adrWindowMonths, 'month')} to take the complaint to ${p.adrScheme.nameInText}.`,
  ];
}

export function ProcedurePage() {
  const query = useProcedure();
  return (
    <Stack gap="lg" maw={960}>
      <PageHeading title="Procedure" />
      {query.isPending ? (
        <Loading label="Loading the procedure" />
      ) : query.isError ? (
        <ProblemAlert error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <ProcedureView procedure={query.data.procedure} warnings={query.data.warnings} />
      )}
    </Stack>
  );
}

function ProcedureView({ procedure: p, warnings }: { procedure: Procedure; warnings: string[] }) {
  const scheme = p.adrScheme;
  const holidays = p.bankHolidays;
  const lastHolidayYear = holidays?.length
    ? holidays
        .map((d) => d.slice(0, 4))
        .sort()
        .at(-1)
    : undefined;
  return (
    <>
      <Section title="Validation">
        <Alert color="teal" variant="outline" title="Valid">
          <Text size="sm">Loaded and checked when Redress started.</Text>
        </Alert>
        {warnings.length > 0 && (
          <Alert
            color="yellow"
            styles={WARNING_STYLES}
            variant="light"
            title={`Worth a second look (${warnings.length})`}
          >
            <List size="sm" spacing={4}>
              {warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Section>

      <Section title="Company">
        <Facts
          label="Company"
          rows={[
            ['Name', p.company.name],
            ['Trading as', p.company.tradingName],
            ['Phone', p.company.phone],
            [
              'Email',
              <Anchor inherit key="e" href={`mailto:${p.company.email}`}>
                {p.company.email}
              </Anchor>,
            ],
            ['Website', link(p.company.website)],
            ['Address', address(p.company.address)],
          ]}
        />
      </Section>

      <Section title="Stages">
        <Stack gap="sm">
          {STAGES.map((id) => {
            const stage = p.stages[id];
            return (
              <Card key={id} withBorder padding="md" component="article" aria-labelledby={`stage-${id}`}>
                <Stack gap="xs">
                  <Group justify="space-between" gap="xs">
                    <Title order={3} size="h4" id={`stage-${id}`}>
                      {stage.name}
                    </Title>
                    <Code>{id}</Code>
                  </Group>
                  <div>
                    <Text size="sm" fw={700}>
                      For staff
                    </Text>
                    <Text size="sm">{stage.description}</Text>
                  </div>
                  <div>
                    <Text size="sm" fw={700}>
                      What the customer is told
                    </Text>
                    <Text size="sm">{stage.customerText}</Text>
                  </div>
                  <Group gap="xs">
                    <Text size="sm" fw={700}>
                      Roles that decide:
                    </Text>
                    {stage.roles.length ? (
                      <RoleBadges roles={stage.roles} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        none (nothing is decided at this stage)
                      </Text>
                    )}
                  </Group>
                </Stack>
              </Card>
            );
          })}
          <Text size="sm">
            {p.attempt3ReviewerMustDiffer
              ? 'The director who reviews Resolution Attempt 3 must be someone other than whoever handled Resolution Attempt 2.'
              : 'The same person may handle Resolution Attempts 2 and 3.'}
          </Text>
        </Stack>
      </Section>

      <Section title="Time limits">
        <List spacing={4}>
          {timeLimits(p).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          Working days are Monday to Friday in London, except{' '}
          {holidays
            ? `the ${plural(holidays.length, 'bank holiday')} listed in the procedure file${lastHolidayYear ? ` (up to ${lastHolidayYear})` : ''}`
            : 'England and Wales bank holidays (the calendar shipped with Redress)'}
          .
        </Text>
      </Section>

      <Section title="ADR scheme">
        <Facts
          label="ADR scheme"
          rows={[
            ['Name', scheme.name],
            ['Address', address(scheme.address)],
            ['Phone', scheme.phone],
            ...(scheme.textphone ? ([['Textphone', scheme.textphone]] as [string, ReactNode][]) : []),
            ...(scheme.email
              ? ([
                  [
                    'Email',
                    <Anchor inherit key="e" href={`mailto:${scheme.email}`}>
                      {scheme.email}
                    </Anchor>,
                  ],
                ] as [string, ReactNode][])
              : []),
            ['Website', link(scheme.website)],
            ['Largest award', `${formatPence(scheme.maxAwardPence)} (VAT included)`],
            [
              'Putting a decision in place',
              `Within ${plural(scheme.remedyDays, scheme.remedyDaysAreWorkingDays ? 'working day' : 'day')} of the customer accepting it`,
            ],
          ]}
        />
      </Section>

      <Section title="Regulator">
        <Facts
          label="Regulator"
          rows={[
            ['Name', p.regulator.name],
            ['Phone', p.regulator.phone],
            ['Website', link(p.regulator.website)],
          ]}
        />
      </Section>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Section title="Categories">
          <List size="sm">
            {p.categories.map((c) => (
              <List.Item key={c}>{humanize(c)}</List.Item>
            ))}
          </List>
        </Section>
        <Section title="Complaint reference numbers">
          <Text size="sm">
            Prefix <Code>{p.crn.prefix}</Code>, the two-digit year, a {p.crn.sequenceDigits}-digit sequence
            and a check letter, for example <Code>{formatCrn(p.crn, new Date().getFullYear(), 123)}</Code>.
            The check letter catches a mistyped digit or two swapped digits before anyone searches.
          </Text>
        </Section>
      </SimpleGrid>

      <Section title="Publishing and changing the procedure">
        <Text size="sm">
          Customers read this procedure as the{' '}
          <Anchor href="/complaints-procedure" target="_blank">
            published Complaints Code (opens in a new tab)
          </Anchor>
          .
        </Text>
        <Text size="sm">
          It cannot be edited here. To change it, write a procedure file, check it with{' '}
          <Code>redress config check my-procedure.json</Code>, point the <Code>PROCEDURE_FILE</Code> setting
          at it and restart Redress. An invalid file stops Redress from starting, with every error listed.
        </Text>
      </Section>
    </>
  );
}
