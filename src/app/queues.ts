/**
 * The staff workspace's queues: named filters over the complaint list, with a count each. The list endpoint
 * takes `queue=` so a queue's page and its count always use the same definition.
 */
import { countComplaintRows } from '../db/complaint-list.ts';
import { owningRole, type Procedure, type Role, type Stage } from '../domain/procedure.ts';
import type { AppContext } from './context.ts';
import { type ComplaintFilter, toListQuery } from './list-complaints.ts';

export const QUEUE_IDS = [
  'mine',
  'unassigned',
  'waiting-attempt-1',
  'waiting-attempt-2',
  'waiting-attempt-3',
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
  /** The queue's name; the waiting queues say whom they wait for, from the procedure's stage names and roles. */
  name: string | ((procedure: Procedure) => string);
  description: string | ((procedure: Procedure) => string);
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
  'waiting-attempt-1': waitingQueue('attempt-1'),
  'waiting-attempt-2': waitingQueue('attempt-2'),
  'waiting-attempt-3': waitingQueue('attempt-3'),
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

/** A stage's queue of complaints nobody owns yet, named for whom it waits ("needs a reviewer"). */
function waitingQueue(stage: WaitingStage): QueueDefinition {
  return {
    name: (procedure) => `${procedure.stages[stage].name} · ${needsWords(procedure, stage)}`,
    description: (procedure) =>
      `Complaints at ${procedure.stages[stage].name} that nobody owns yet: anyone with the role can take one`,
    counted: true,
    filter: () => ({ stage: stage === 'attempt-1' ? ['initiation', 'attempt-1'] : [stage], owner: 'none' }),
  };
}

type WaitingStage = 'attempt-1' | 'attempt-2' | 'attempt-3';
const WAITING: Record<WaitingStage, QueueId> = {
  'attempt-1': 'waiting-attempt-1',
  'attempt-2': 'waiting-attempt-2',
  'attempt-3': 'waiting-attempt-3',
};

/** "needs a reviewer": the owning role of the stage, in words. */
export function needsWords(procedure: Procedure, stage: Stage): string {
  const role = owningRole(procedure, stage);
  return role ? `needs ${role === 'agent' ? 'an' : 'a'} ${role}` : 'needs an owner';
}

const text = (value: string | ((procedure: Procedure) => string), procedure: Procedure) =>
  typeof value === 'string' ? value : value(procedure);

/**
 * Where a member of staff starts: the most senior stage queue they can work from that has complaints waiting
 * for someone with their role (a director: attempt 3; a reviewer: attempt 2) — nobody is watching those, and
 * their ADR clocks run; else their own complaints when they have some; else their stage's queue, empty, so
 * they see their part of the procedure; admins without a stage: everything.
 */
export function landingQueue(
  procedure: Procedure,
  roles: readonly Role[],
  counts: ReadonlyMap<QueueId, number | null>,
): QueueId {
  const stages = (['attempt-3', 'attempt-2', 'attempt-1'] as const).filter((stage) => {
    const role = owningRole(procedure, stage);
    return role !== null && roles.includes(role);
  });
  const waiting = stages.find((stage) => (counts.get(WAITING[stage]) ?? 0) > 0);
  if (waiting) return WAITING[waiting];
  if ((counts.get('mine') ?? 0) > 0) return 'mine';
  const first = stages[0];
  if (first) return WAITING[first];
  return roles.some((r) => r !== 'admin') ? 'mine' : 'all';
}

/** Every queue with its name and, where counted, how many complaints are in it now; and where to start. */
export async function listQueues(ctx: AppContext, user: { id: string; roles: readonly Role[] }) {
  const now = ctx.now();
  const items = await Promise.all(
    QUEUE_IDS.map(async (id) => {
      const queue = QUEUES[id];
      const count = queue.counted
        ? await countComplaintRows(ctx.db.kysely, toListQuery(queue.filter(user.id), now))
        : null;
      return {
        id,
        name: text(queue.name, ctx.procedure),
        description: text(queue.description, ctx.procedure),
        count,
      };
    }),
  );
  const counts = new Map(items.map((q) => [q.id, q.count]));
  return { items, landing: landingQueue(ctx.procedure, user.roles, counts) };
}
