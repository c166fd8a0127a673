/** The improvement log as the staff pages ask the API: the list, one item, a complaint's items, the words. */
import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';

export type Improvement = Schemas['Improvement'];
export type ImprovementDetail = Schemas['ImprovementDetail'];
export type ImprovementListItem = Schemas['ImprovementListItem'];
export type ImprovementStatus = Improvement['status'];
export type ImprovementSource = Improvement['source'];
export type ImprovementListQuery = NonNullable<paths['/api/v1/improvements']['get']['parameters']['query']>;

export const STATUS_WORDS: Record<ImprovementStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** The tint of each status's badge. */
export const STATUS_COLOURS: Record<ImprovementStatus, string> = {
  open: 'blue',
  'in-progress': 'grape',
  done: 'green',
  dropped: 'gray',
};

export const SOURCE_WORDS: Record<ImprovementSource, string> = {
  complaint: 'A complaint',
  'root-cause-trend': 'A root-cause trend',
  'ombudsman-decision': 'An ombudsman decision',
  other: 'Something else (a review, an audit)',
};

/** Every query of the log starts with this key, so one change refreshes them all. */
export const IMPROVEMENTS_KEY = ['improvements'] as const;

export function useImprovement(reference: string) {
  return useQuery({
    queryKey: [...IMPROVEMENTS_KEY, 'item', reference.toUpperCase()],
    queryFn: () => unwrap(api.GET('/api/v1/improvements/{reference}', { params: { path: { reference } } })),
  });
}

export function useComplaintImprovements(reference: string) {
  return useQuery({
    queryKey: [...IMPROVEMENTS_KEY, 'complaint', reference.toUpperCase()],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/complaints/{reference}/improvements', { params: { path: { reference } } }),
        )
      ).items,
  });
}
