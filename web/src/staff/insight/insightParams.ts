/**
 * The dashboard's filters live in the address (`?from=…&to=…&category=billing,contract&owner=…`), so a link
 * shows a colleague the same figures and the back button undoes a change. Without dates: the twelve months to
 * today, as the API gives.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { paths } from '../../api/schema';

export type InsightQuery = NonNullable<paths['/api/v1/insight']['get']['parameters']['query']>;
export const LIST_FILTERS = ['category', 'channel', 'customerType', 'stageReached'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface InsightView {
  from: string | null;
  to: string | null;
  lists: Record<ListFilter, string[]>;
  owner: string | null;
}

export function useInsightView() {
  const [params, setParams] = useSearchParams();
  const list = (name: ListFilter) => (params.get(name) ?? '').split(',').filter(Boolean);
  const view: InsightView = {
    from: params.get('from'),
    to: params.get('to'),
    lists: {
      category: list('category'),
      channel: list('channel'),
      customerType: list('customerType'),
      stageReached: list('stageReached'),
    },
    owner: params.get('owner'),
  };
  const update = useCallback(
    (changes: Partial<Record<'from' | 'to' | 'owner' | ListFilter, string | null>>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      });
    },
    [setParams],
  );
  const query: InsightQuery = {
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
    ...Object.fromEntries(
      LIST_FILTERS.filter((f) => view.lists[f].length).map((f) => [f, view.lists[f].join(',')]),
    ),
    ...(view.owner ? { owner: view.owner } : {}),
  };
  return { view, update, query };
}

const month = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** A period as people read it: "Sep 2026" for a month, "w/c 31 Aug" for a week (its Monday). */
export function periodLabel(period: string): string {
  return period.length === 7
    ? month.format(new Date(`${period}-01T00:00:00Z`))
    : `w/c ${day.format(new Date(`${period}T00:00:00Z`))}`;
}
