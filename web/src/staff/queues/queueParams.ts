/**
 * A queue page's filters, search and sort live in the address (`?stage=…&category=…&q=…&sort=…&order=…`),
 * so a link shows a colleague the same list and the back button undoes a change. The queues themselves (ids,
 * names, descriptions) come from `GET /api/v1/queues`; with no sort in the address the server applies the
 * queue's own order, so none is sent.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client.ts';
import type { paths } from '../../api/schema';

export type QueueId = Schemas['Queue']['id'];
type ListQuery = NonNullable<paths['/api/v1/complaints']['get']['parameters']['query']>;
export type Sort = NonNullable<ListQuery['sort']>;
export type Order = NonNullable<ListQuery['order']>;

/** The sorts a person can choose, in words; typed against the API, so a sort it adds must be named here. */
export const SORT_LABELS: Record<Sort, string> = {
  received: 'Date received',
  'adr-due': 'ADR due date',
  reference: 'Reference',
  relevance: 'Best match',
};

/** Each sort's orders in words: [ascending, descending]. Relevance has one direction, best match first. */
export const ORDER_WORDS: Record<Exclude<Sort, 'relevance'>, [string, string]> = {
  received: ['Oldest first', 'Newest first'],
  'adr-due': ['Soonest first', 'Latest first'],
  reference: ['A to Z', 'Z to A'],
};

function isSort(value: string | null): value is Sort {
  return value !== null && Object.hasOwn(SORT_LABELS, value);
}

/**
 * The order a chosen sort starts in: a UI choice, always sent with the sort, so that the queue's own order
 * (the server's, for its own sort) never mixes in.
 */
export function firstOrder(sort: Sort): Order {
  return sort === 'received' ? 'desc' : 'asc';
}

export interface QueueView {
  queue: QueueId;
  stage: string;
  category: string;
  q: string;
  /** The sort chosen in the address, or null for the queue's own order (which the server applies). */
  sort: Sort | null;
  /** The order of the chosen sort; null when no sort is chosen. */
  order: Order | null;
}

export function useQueueView(queue: QueueId) {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort');
  const sort = isSort(sortParam) ? sortParam : null;
  const orderParam = params.get('order');
  const view: QueueView = {
    queue,
    stage: params.get('stage') ?? '',
    category: params.get('category') ?? '',
    q: params.get('q') ?? '',
    sort,
    order:
      sort === null ? null : orderParam === 'asc' || orderParam === 'desc' ? orderParam : firstOrder(sort),
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
