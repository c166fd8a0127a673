/**
 * The life of the seeder's complaint number i: its facts, its fate and the staff actions that bring it there,
 * each at its time. Deterministic: the same i, the same life. Closed complaints close within their first
 * three weeks (before any ADR warning or limit), so the timers the seeder marks done without running had
 * nothing to do; those left open keep theirs, run by the seeder at their times.
 */
import type { ComplaintFacts } from '../src/app/record-complaint.ts';
import type { Actor } from '../src/domain/actor.ts';
import type { Command } from '../src/domain/commands.ts';
import { CHANNELS, type Complaint } from '../src/domain/complaint.ts';
import { CATEGORIES } from '../src/domain/procedure.ts';
import { londonDate } from '../src/domain/time.ts';
import { DESCRIPTIONS } from './document-setup.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type Fate =
  | 'withdrawn'
  | 'resolved'
  | 'resolved-at-attempt-2'
  | 'ombudsman-implemented'
  | 'deadlock'
  | 'open-attempt-1'
  | 'open-unassigned'
  | 'open-attempt-2'
  | 'open-attempt-3';

export interface Action {
  at: number;
  actor: Actor;
  command: () => Command;
  /** Sees the complaint after the command (to learn a step's id). */
  after?: (complaint: Complaint) => void;
}

export interface Life {
  fate: Fate;
  facts: ComplaintFacts;
  actions: Action[];
}

export interface SeedStaff {
  agent: Actor;
  reviewer: Actor;
  director: Actor;
}

/** A number in [0, 1) from i and a salt: the same every run. */
function unit(i: number, salt: number): number {
  let x = (Math.imul(i, 2654435761) + Math.imul(salt, 40503)) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x45d9f3b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x45d9f3b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length) % items.length] as T;
}

const SURNAMES = [
  'Patel',
  'Jones',
  'Smith',
  'Williams',
  'Taylor',
  'Brown',
  'Khan',
  'Evans',
  'Wilson',
  'Okafor',
];
const FORENAMES = ['Alex', 'Sam', 'Priya', 'Jo', 'Chris', 'Morgan', 'Aisha', 'Tom', 'Nia', 'Ravi'];

export function lifeOf(i: number, receivedAt: number, now: number, staff: SeedStaff): Life {
  const r = (salt: number) => unit(i, salt);
  const name = `${pick(FORENAMES, r(1))} ${pick(SURNAMES, r(2))}`;
  const byPost = r(3) < 0.15;
  const facts: ComplaintFacts = {
    customer: {
      name,
      ...(byPost ? {} : { email: `customer${i}@example.org` }),
      phone: `01632 ${String(960000 + (i % 1000)).slice(0, 3)} ${String(i % 1000).padStart(3, '0')}`,
      addressLines: [`${1 + (i % 200)} High Street`, 'Exampleton'],
      postcode: 'EX1 1AA',
      type: r(4) < 0.9 ? 'residential' : 'small-business',
    },
    channel: pick(CHANNELS, r(5) < 0.5 ? 0 : r(6)),
    category: pick(CATEGORIES, r(7)),
    description: pick(DESCRIPTIONS, r(8)),
    desiredOutcome: 'A refund and an apology',
    firstExpressedAt: new Date(receivedAt - Math.floor(r(9) * 3) * DAY).toISOString(),
  };
  const ageDays = (now - receivedAt) / DAY;
  // Old complaints are nearly all closed; recent ones half open.
  const closed = r(10) < (ageDays > 40 ? 0.93 : 0.5);
  // Closing actions happen within the first three weeks, and never after now.
  const within = Math.max(0.1, Math.min(20, ageDays * 0.8));
  const at = (fraction: number) => Math.floor(receivedAt + HOUR + fraction * within * DAY);
  const { agent, reviewer, director } = staff;
  const actions: Action[] = [];
  let stepId = '';
  const resolve = (who: Actor, from: number) => {
    const proposedAt = at(from);
    actions.push(
      {
        at: proposedAt,
        actor: who,
        command: () => ({
          type: 'propose',
          summary: 'A refund of the overcharge and a credit',
          steps: [
            {
              description: 'Refund the overcharge',
              ownerId: who.kind === 'staff' ? who.id : null,
              dueOn: londonDate(new Date(proposedAt + 2 * DAY)),
            },
          ],
        }),
        after: (c) => {
          stepId = c.attempts.at(-1)?.proposal?.steps[0]?.id ?? '';
        },
      },
      { at: proposedAt + HOUR, actor: who, command: () => ({ type: 'record-response', outcome: 'agreed' }) },
      { at: proposedAt + 3 * HOUR, actor: who, command: () => ({ type: 'complete-step', stepId }) },
      {
        at: proposedAt + 4 * HOUR,
        actor: who,
        command: () => ({ type: 'record-follow-up', outcome: 'satisfied', rootCause: 'billing-error' }),
      },
    );
  };
  const toAttempt2 = (from: number) => {
    actions.push(
      { at: at(from), actor: agent, command: () => ({ type: 'not-practical', reason: 'Needs a review' }) },
      { at: at(from) + HOUR, actor: reviewer, command: () => ({ type: 'take' }) },
      {
        at: at(from) + 2 * HOUR,
        actor: reviewer,
        command: () => ({ type: 'record-review', findings: 'Looked at the bills' }),
      },
    );
  };
  let fate: Fate;
  const roll = r(11);
  if (closed) {
    if (roll < 0.25) {
      fate = 'withdrawn';
      actions.push({
        at: at(r(12)),
        actor: agent,
        command: () => ({ type: 'withdraw', reason: 'Withdrawn' }),
      });
    } else if (roll < 0.75) {
      fate = 'resolved';
      resolve(agent, r(12) * 0.5);
    } else if (roll < 0.95) {
      fate = 'resolved-at-attempt-2';
      toAttempt2(r(12) * 0.3);
      resolve(reviewer, 0.5 + r(13) * 0.3);
    } else {
      fate = 'ombudsman-implemented';
      const decidedAt = at(0.3);
      actions.push(
        {
          at: at(0.1),
          actor: director,
          command: () => ({ type: 'declare-deadlock', reason: 'Nothing more we can offer' }),
        },
        {
          at: at(0.2),
          actor: agent,
          command: () => ({
            type: 'record-referral',
            schemeCaseReference: `CO-${100000 + i}`,
            referredOn: londonDate(new Date(at(0.2))),
          }),
        },
        {
          at: decidedAt,
          actor: reviewer,
          command: () => ({
            type: 'record-ombudsman-outcome',
            outcome: 'upheld',
            decidedOn: londonDate(new Date(decidedAt)),
            remedy: { apology: true, explanation: false, action: 'Refund', awardPence: 5_000 },
            customerAccepted: true,
          }),
        },
        {
          at: at(0.9),
          actor: reviewer,
          command: () => ({
            type: 'close',
            reason: 'ombudsman-decision-implemented',
            rootCause: 'billing-error',
          }),
        },
      );
    }
  } else if (roll < 0.35) {
    fate = 'open-attempt-1';
  } else if (roll < 0.5) {
    fate = 'open-unassigned';
    actions.push({ at: at(0.1), actor: agent, command: () => ({ type: 'assign', ownerId: null }) });
  } else if (roll < 0.75) {
    fate = 'open-attempt-2';
    toAttempt2(0.2);
  } else if (roll < 0.9) {
    fate = 'open-attempt-3';
    toAttempt2(0.2);
    actions.push(
      { at: at(0.5), actor: reviewer, command: () => ({ type: 'escalate', reason: 'Asked for a director' }) },
      { at: at(0.5) + HOUR, actor: director, command: () => ({ type: 'take' }) },
    );
  } else {
    fate = 'deadlock';
    actions.push({
      at: at(0.3),
      actor: director,
      command: () => ({ type: 'declare-deadlock', reason: 'Nothing more we can offer' }),
    });
  }
  return { fate, facts, actions };
}
