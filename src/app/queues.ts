/**
 * The staff workspace's queues: named filters over the complaint list, with a count each. The list endpoint
 * takes `queue=` so a queue's page and its count always use the same definition.
 */
import { countComplaintRows } from '../db/complaint-list.ts';
import type { AppContext } from './context.ts';
import { type ComplaintFilter, toListQuery } from './list-complaints.ts';

export const QUEUE_IDS = [
  'mine',
  'unassigned',
  'attempt-1',
  'attempt-2',
  'attempt-3',
  'overdue',
  'adr-soon',
  'awaiting-referral',
  'email-failed',
  'closed',
  'all',
] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

/** Days ahead that the "ADR limit soon" queue looks. */
export const ADR_SOON_DAYS = 7;

interface QueueDefinition {
  name: string;
  description: string;
  /** Whether the count is worth showing (closed and all grow for ever). */
  counted: boolean;
  filter(userId: string): ComplaintFilter;
}

export const QUEUES: Record<QueueId, QueueDefinition> = {
  mine: {
    name: 'My complaints',
    description: 'Open complaints you own',
    counted: true,
    filter: (userId) => ({ owner: userId, open: true }),
  },
  unassigned: {
    name: 'Unassigned',
    description: 'Open complaints nobody owns yet',
    counted: true,
    filter: () => ({ owner: 'none', open: true }),
  },
  'attempt-1': {
    name: 'Resolution Attempt 1',
    description: 'Open complaints at the first attempt',
    counted: true,
    filter: () => ({ stage: ['initiation', 'attempt-1'] }),
  },
  'attempt-2': {
    name: 'Resolution Attempt 2',
    description: 'Complaints under detailed review',
    counted: true,
    filter: () => ({ stage: ['attempt-2'] }),
  },
  'attempt-3': {
    name: 'Resolution Attempt 3',
    description: 'Complaints for director-level review',
    counted: true,
    filter: () => ({ stage: ['attempt-3'] }),
  },
  overdue: {
    name: 'Overdue steps',
    description: 'Open complaints with an agreed step past its date',
    counted: true,
    filter: () => ({ overdue: true, open: true }),
  },
  'adr-soon': {
    name: 'ADR limit within 7 days',
    description: `Open complaints whose ADR letter falls due within ${ADR_SOON_DAYS} days, or is past due`,
    counted: true,
    filter: () => ({ adrDueWithinDays: ADR_SOON_DAYS, sort: 'adr-due', order: 'asc' }),
  },
  'awaiting-referral': {
    name: 'Deadlocked, awaiting referral',
    description: 'Deadlocked complaints the customer has not yet taken to the ADR scheme',
    counted: true,
    filter: () => ({ awaitingReferral: true }),
  },
  'email-failed': {
    name: 'Undelivered email',
    description:
      'Complaints with an email to the customer that could not be delivered: contact them another way',
    counted: true,
    filter: () => ({ emailFailed: true }),
  },
  closed: {
    name: 'Closed',
    description: 'Closed complaints',
    counted: false,
    filter: () => ({ open: false }),
  },
  all: { name: 'All complaints', description: 'Every complaint', counted: false, filter: () => ({}) },
};

/** Every queue with its name and, where counted, how many complaints are in it now. */
export async function listQueues(ctx: AppContext, userId: string) {
  const now = ctx.now();
  return Promise.all(
    QUEUE_IDS.map(async (id) => {
      const queue = QUEUES[id];
      const count = queue.counted
        ? await countComplaintRows(ctx.db.kysely, toListQuery(queue.filter(userId), now))
        : null;
      return { id, name: queue.name, description: queue.description, count };
    }),
  );
}
