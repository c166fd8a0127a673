/** The filters, search box and sort of a queue page; every change goes to the address bar. */
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type RefObject, useEffect, useState } from 'react';
import { STAGES } from '../../../../src/domain/procedure.ts';
import { useProcedure } from '../../procedure.ts';
import { humanize } from '../../ui/format.ts';
import { firstOrder, ORDER_WORDS, type QueueView, SORT_LABELS, type Sort } from './queueParams.ts';

interface Props {
  view: QueueView;
  update: (
    changes: Partial<Record<'stage' | 'category' | 'q' | 'sort' | 'order', string | null>>,
    replace?: boolean,
  ) => void;
  search: RefObject<HTMLInputElement | null>;
}

export function QueueFilters({ view, update, search }: Props) {
  const procedure = useProcedure().data?.procedure;
  const [text, setText] = useState(view.q);
  const [debounced] = useDebouncedValue(text.trim(), 300);

  // Typing settles into the address without a history entry per keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change of the text updates the address
  useEffect(() => {
    if (debounced !== view.q) update({ q: debounced }, true);
  }, [debounced]);
  // The address changed by other means (back button, a link): show its search.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the address only
  useEffect(() => {
    if (view.q !== debounced) setText(view.q);
  }, [view.q]);

  const stages = STAGES.map((s) => ({ value: s, label: procedure?.stages[s].name ?? humanize(s) }));
  const categories = (procedure?.categories ?? []).map((c) => ({ value: c, label: humanize(c) }));
  const filtered = Boolean(view.stage || view.category || view.q || view.sort);
  const sortOptions = Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }));

  return (
    <div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          ref={search}
          id="queue-search"
          type="search"
          label="Search complaints"
          description="Words in the complaint or the customer’s name, or part of a reference, email or phone number"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          style={{ flex: '1 1 16rem' }}
        />
        <NativeSelect
          id="queue-stage"
          label="Stage"
          value={view.stage}
          onChange={(e) => update({ stage: e.currentTarget.value })}
          data={[{ value: '', label: 'All stages' }, ...stages]}
        />
        <NativeSelect
          id="queue-category"
          label="Category"
          value={view.category}
          onChange={(e) => update({ category: e.currentTarget.value })}
          data={[{ value: '', label: 'All categories' }, ...categories]}
        />
        <NativeSelect
          id="queue-sort"
          label="Sort by"
          value={view.sort ?? ''}
          onChange={(e) => {
            const sort = e.currentTarget.value as Sort | '';
            update({ sort: sort || null, order: null });
          }}
          data={[{ value: '', label: 'The queue’s usual order' }, ...sortOptions]}
        />
        {view.sort && view.sort !== 'relevance' && (
          <NativeSelect
            id="queue-order"
            label="Order"
            value={view.order ?? firstOrder(view.sort)}
            onChange={(e) => update({ order: e.currentTarget.value })}
            data={[
              { value: 'asc', label: ORDER_WORDS[view.sort][0] },
              { value: 'desc', label: ORDER_WORDS[view.sort][1] },
            ]}
          />
        )}
        {filtered && (
          <Button
            variant="default"
            onClick={() => {
              setText('');
              update({ stage: null, category: null, q: null, sort: null, order: null });
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
    </div>
  );
}
