/**
 * A queue page's filters, search and sort live in the address (`?stage=…&category=…&q=…&sort=…&order=…`),
 * so a link shows a colleague the same list and the back button undoes a change.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client.ts';

export type QueueId = Schemas['Queue']['id'];
export type Sort = 'received' | 'adr-due' | 'reference';
export type Order = 'asc' | 'desc';

export const QUEUE_IDS: readonly QueueId[] = [
  'mine',
  'unassigned',
  'attempt-1',
  'attempt-2',
  'attempt-3',
  'overdue',
  'adr-soon',
  'awaiting-referral',
  'closed',
  'all',
];

export function isQueueId(value: string | undefined): value is QueueId {
  return QUEUE_IDS.includes(value as QueueId);
}

const SORTS: readonly Sort[] = ['received', 'adr-due', 'reference'];

/** The server's own defaults: a queue may choose its sort, and the order follows the sort. */
export function defaultSort(queue: QueueId): Sort {
  return queue === 'adr-soon' ? 'adr-due' : 'received';
}
export function defaultOrder(sort: Sort): Order {
  return sort === 'received' ? 'desc' : 'asc';
}

export interface QueueView {
  queue: QueueId;
  stage: string;
  category: string;
  q: string;
  sort: Sort;
  order: Order;
  /** Whether sort and order were chosen, rather than the queue's defaults. */
  sortChosen: boolean;
  orderChosen: boolean;
}

export function useQueueView(queue: QueueId) {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort');
  const sort = SORTS.includes(sortParam as Sort) ? (sortParam as Sort) : defaultSort(queue);
  const orderParam = params.get('order');
  const orderChosen = orderParam === 'asc' || orderParam === 'desc';
  const view: QueueView = {
    queue,
    stage: params.get('stage') ?? '',
    category: params.get('category') ?? '',
    q: params.get('q') ?? '',
    sort,
    order: orderChosen ? (orderParam as Order) : defaultOrder(sort),
    sortChosen: sortParam === sort,
    orderChosen,
  };

  /** Sets (or, with '' or null, removes) some of the parameters; `replace` for changes not worth a history entry. */
  const update = useCallback(
    (
      changes: Partial<Record<'stage' | 'category' | 'q' | 'sort' | 'order', string | null>>,
      replace = false,
    ) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  return { view, update };
}
