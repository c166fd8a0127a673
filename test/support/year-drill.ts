/**
 * A year of a provider's complaints, replayed on one database with the clock injected: complaints recorded
 * across twelve months, each with a fate (withdrawn, resolved, resolved with a chased follow-up that goes
 * unanswered, a step never done, deadlock, or left open until its ADR letter), and worker outages of a few
 * hours ("downtime") in which no job runs while staff keep working. Between staff actions the jobs run as a
 * clock drill (`runJobsUntil`), so every timer, sweep, letter and email happens at its own time.
 *
 * Used by the drill test (a few hundred complaints) and by `npm run bench -- --drill N` (100,000).
 */
import { addUser } from '../../src/app/add-user.ts';
import type { AppContext } from '../../src/app/context.ts';
import { AppError } from '../../src/app/errors.ts';
import { issueCommand } from '../../src/app/issue-command.ts';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { type DrillReport, runJobsUntil } from '../../src/app/run-jobs-until.ts';
import { ADR_SWEEP_KIND } from '../../src/app/sweep-adr-clock.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { Command } from '../../src/domain/commands.ts';
import type { Category } from '../../src/domain/procedure.ts';
import { addDays, londonDate } from '../../src/domain/time.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface YearDrillOptions {
  complaints: number;
  /** The first moment of the year. */
  start: Date;
  days?: number;
  /** Worker outages, each 1 to 22 hours: shorter than a London day, so a timer they hold up still runs on its day. */
  outages?: number;
  seed?: number;
  /** Run the hourly ADR sweep too (default true); without it the timers alone must issue every letter. */
  sweeps?: boolean;
  /** Called after each complaint is recorded, with how many are so far. */
  onProgress?: (recorded: number) => void;
}

export interface Outage {
  from: Date;
  to: Date;
}

export interface YearDrillResult {
  end: Date;
  outages: Outage[];
  /** How many complaints met each fate. */
  fates: Record<Fate, number>;
  /** Staff actions the procedure refused (the complaint had closed meanwhile, say). */
  refused: number;
  drills: DrillReport[];
}

type Fate = 'withdrawn' | 'resolved' | 'no-response' | 'step-left' | 'deadlock' | 'left-open';
type Who = 'agent' | 'director';

interface Action {
  at: number;
  /** Index of the complaint; -1 records it. */
  complaint: number;
  who: Who;
  command: Command | 'record' | 'complete-steps';
}

/** A small seeded generator (mulberry32): the same seed, the same year. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES: Category[] = ['billing', 'service-quality', 'customer-service', 'other'];

/** Replays the year; the database must be migrated and empty of staff. */
export async function simulateYear(base: AppContext, options: YearDrillOptions): Promise<YearDrillResult> {
  const rand = random(options.seed ?? 11);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const days = options.days ?? 365;
  const start = options.start.getTime();
  const end = start + days * DAY;
  let now = new Date(start);
  const ctx: AppContext = { ...base, now: () => now };

  const staff: Record<Who, Extract<Actor, { kind: 'staff' }>> = {
    agent: { kind: 'staff', id: '', roles: ['agent'] },
    director: { kind: 'staff', id: '', roles: ['director'] },
  };
  for (const who of ['agent', 'director'] as const) {
    const user = await addUser(ctx, { email: `${who}@drill.redress`, name: `Drill ${who}`, roles: [who] });
    staff[who] = { kind: 'staff', id: user.id, roles: [who] };
  }

  const outages: Outage[] = [];
  for (let i = 0; i < (options.outages ?? 12); i++) {
    const from = Math.floor(between(start, end - DAY));
    outages.push({ from: new Date(from), to: new Date(from + Math.floor(between(1, 22) * HOUR)) });
  }
  outages.sort((a, b) => a.from.getTime() - b.from.getTime());

  const fates: Record<Fate, number> = {
    withdrawn: 0,
    resolved: 0,
    'no-response': 0,
    'step-left': 0,
    deadlock: 0,
    'left-open': 0,
  };
  const actions: Action[] = [];
  for (let i = 0; i < options.complaints; i++) {
    const at = Math.floor(between(start, end - HOUR));
    actions.push({ at, complaint: i, who: 'agent', command: 'record' });
    const later = (lo: number, hi: number) => Math.floor(at + between(lo, hi) * DAY);
    const roll = rand();
    const fate: Fate =
      roll < 0.25
        ? 'withdrawn'
        : roll < 0.55
          ? 'resolved'
          : roll < 0.62
            ? 'no-response'
            : roll < 0.7
              ? 'step-left'
              : roll < 0.8
                ? 'deadlock'
                : 'left-open';
    fates[fate]++;
    const proposeAt = later(0.1, 30);
    const propose = (dueInDays: number): Command => ({
      type: 'propose',
      summary: 'Refund the overcharge',
      steps: [
        {
          description: 'Refund the overcharge',
          ownerId: staff.agent.id,
          dueOn: addDays(londonDate(new Date(proposeAt)), dueInDays),
        },
      ],
    });
    const push = (time: number, who: Who, command: Action['command']) =>
      actions.push({ at: time, complaint: i, who, command });
    switch (fate) {
      case 'withdrawn':
        push(later(0.1, 90), 'agent', { type: 'withdraw', reason: 'The customer withdrew' });
        break;
      case 'resolved':
      case 'no-response': {
        push(proposeAt, 'agent', propose(Math.floor(between(3, 20))));
        push(proposeAt + HOUR, 'agent', { type: 'record-response', outcome: 'agreed' });
        const doneAt = proposeAt + Math.floor(between(1, 25) * DAY);
        push(doneAt, 'agent', 'complete-steps');
        push(doneAt + HOUR, 'agent', {
          type: 'record-follow-up',
          outcome: fate === 'resolved' ? 'satisfied' : 'no-response',
          rootCause: 'billing-error',
        });
        break;
      }
      case 'step-left':
        push(proposeAt, 'agent', propose(Math.floor(between(3, 20))));
        push(proposeAt + HOUR, 'agent', { type: 'record-response', outcome: 'agreed' });
        break;
      case 'deadlock':
        push(later(1, 70), 'director', { type: 'declare-deadlock', reason: 'Nothing more we can offer' });
        break;
      case 'left-open':
        break;
    }
  }
  // What would happen after the year's end is left for next year: the audit is as of the end.
  const inYear = actions.filter((a) => a.at < end).sort((a, b) => a.at - b.at || a.complaint - b.complaint);

  // The worker: up except during outages; after one it catches up at the moment it is back.
  const drills: DrillReport[] = [];
  let cursor = start;
  const run = async (from: number, until: number) => {
    now = new Date(from);
    const skipKinds = options.sweeps === false ? [ADR_SWEEP_KIND] : [];
    drills.push(await runJobsUntil(ctx, new Date(until), { owner: 'drill', skipKinds }));
  };
  const advance = async (to: number) => {
    for (const outage of outages) {
      const from = outage.from.getTime();
      const back = outage.to.getTime();
      if (back <= cursor || from >= to) continue;
      if (cursor < from) await run(cursor, from - 1);
      cursor = Math.max(cursor, back);
    }
    if (cursor <= to) {
      await run(cursor, to);
      cursor = to;
    }
  };

  const references: string[] = [];
  let refused = 0;
  let recordedSoFar = 0;
  for (const action of inYear) {
    // better-sqlite3 answers synchronously, so a year of queries never lets the event loop turn: a test
    // runner's messages, a progress bar, a signal would all wait. Let it turn between actions.
    await new Promise((resolve) => setImmediate(resolve));
    await advance(action.at);
    now = new Date(action.at);
    const actor = staff[action.who];
    try {
      if (action.command === 'record') {
        const recorded = await recordComplaint(
          ctx,
          {
            customer: {
              name: `Customer ${action.complaint}`,
              email: `customer${action.complaint}@example.org`,
              phone: '01632 960 123',
            },
            channel: rand() < 0.6 ? 'phone' : 'email',
            category: CATEGORIES[action.complaint % CATEGORIES.length],
            description: 'Charged twice this month.',
            // Mostly first raised today; some days or weeks before they were logged.
            firstExpressedAt: new Date(action.at - (rand() < 0.8 ? 0 : between(1, 50) * DAY)).toISOString(),
          },
          actor,
        );
        references[action.complaint] = recorded.reference;
        recordedSoFar++;
        options.onProgress?.(recordedSoFar);
        continue;
      }
      const reference = references[action.complaint];
      if (!reference) continue;
      if (action.command === 'complete-steps') {
        const complaint = await issueCommand(ctx, reference, { type: 'add-note', text: 'Steps done' }, actor);
        const steps = complaint.attempts.at(-1)?.proposal?.steps ?? [];
        for (const step of steps.filter((s) => !s.completedAt)) {
          await issueCommand(ctx, reference, { type: 'complete-step', stepId: step.id }, actor);
        }
        continue;
      }
      await issueCommand(ctx, reference, action.command, actor);
    } catch (error) {
      // The clock got there first (closed for no response, say): staff would see the refusal and move on.
      if (!(error instanceof AppError)) throw error;
      refused++;
    }
  }
  await advance(end);
  return { end: new Date(end), outages, fates, refused, drills };
}
