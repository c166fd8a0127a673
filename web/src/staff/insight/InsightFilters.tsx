/** The dashboard's filters; every change goes to the address bar (insightParams.ts). */
import { Button, Group, MultiSelect, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { CHANNELS, CUSTOMER_TYPES } from '../../../../src/domain/complaint.ts';
import { STAGES_REACHED } from '../../../../src/domain/insight.ts';
import { api, unwrap } from '../../api/client.ts';
import { useProcedure } from '../../procedure.ts';
import { humanize } from '../../ui/format.ts';
import type { InsightView, ListFilter } from './insightParams.ts';

interface Props {
  view: InsightView;
  /** The range the figures are for (the API's default when the address has none). */
  shownRange: { from: string; to: string } | undefined;
  update: (changes: Partial<Record<'from' | 'to' | 'owner' | ListFilter, string | null>>) => void;
}

export function InsightFilters({ view, shownRange, update }: Props) {
  const procedure = useProcedure().data?.procedure;
  // The people who hold complaints: the workload lists them (reviewers and up, as this page).
  const people = useQuery({
    queryKey: ['workload'],
    queryFn: () => unwrap(api.GET('/api/v1/workload')),
  });
  const owners = (people.data?.rows ?? []).flatMap((r) =>
    r.person ? [{ value: r.person.id, label: r.person.name }] : [],
  );
  const list = (
    name: ListFilter,
    label: string,
    values: readonly string[],
    words?: (v: string) => string,
  ) => (
    <MultiSelect
      id={`insight-${name}`}
      label={label}
      placeholder={view.lists[name].length ? undefined : 'All'}
      data={values.map((v) => ({ value: v, label: words?.(v) ?? humanize(v) }))}
      value={view.lists[name]}
      onChange={(v) => update({ [name]: v.join(',') || null })}
      clearable
      style={{ flex: '1 1 12rem' }}
    />
  );
  const range: [string | null, string | null] = [
    view.from ?? shownRange?.from ?? null,
    view.to ?? shownRange?.to ?? null,
  ];
  const filtered = Boolean(
    view.from || view.to || view.owner || Object.values(view.lists).some((l) => l.length > 0),
  );
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
      <DatePickerInput
        type="range"
        id="insight-range"
        label="Received between"
        description="London dates, both included"
        value={range}
        onChange={([from, to]) => {
          if (from && to) update({ from, to });
        }}
        valueFormat="D MMM YYYY"
        allowSingleDateInRange
        style={{ flex: '1 1 16rem' }}
      />
      {list('category', 'Category', procedure?.categories ?? [])}
      {list('channel', 'Channel', CHANNELS)}
      {list('customerType', 'Customer type', CUSTOMER_TYPES)}
      {list('stageReached', 'Stage reached', STAGES_REACHED, (s) =>
        procedure ? procedure.stages[s as keyof typeof procedure.stages].name : humanize(s),
      )}
      <Select
        id="insight-owner"
        label="Owner"
        placeholder="Everyone"
        data={owners}
        value={view.owner}
        onChange={(v) => update({ owner: v })}
        clearable
        searchable
        style={{ flex: '1 1 12rem' }}
      />
      {filtered && (
        <Button
          variant="subtle"
          onClick={() =>
            update({
              from: null,
              to: null,
              owner: null,
              category: null,
              channel: null,
              customerType: null,
              stageReached: null,
            })
          }
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
