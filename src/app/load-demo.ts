/**
 * Demo data for a newcomer: staff in every role and complaints at every point of the procedure, made through
 * the same use cases as real work (so the audit trail and the clocks are real too).
 */
import { findUserByEmail } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import type { Command } from '../domain/commands.ts';
import type { Role } from '../domain/procedure.ts';
import { addDays, londonDate } from '../domain/time.ts';
import { addUser } from './add-user.ts';
import type { AppContext } from './context.ts';
import { issueCommand } from './issue-command.ts';
import { type ComplaintFacts, type NewCustomer, recordComplaint } from './record-complaint.ts';
import { runClockJob } from './run-clock-job.ts';

export const DEMO_PASSWORD = 'redress-demo-password';
const STAFF: { email: string; name: string; roles: Role[] }[] = [
  { email: 'agent@demo.redress', name: 'Alex Agent', roles: ['agent'] },
  { email: 'reviewer@demo.redress', name: 'Rita Reviewer', roles: ['reviewer'] },
  { email: 'director@demo.redress', name: 'Dev Director', roles: ['director'] },
  { email: 'director2@demo.redress', name: 'Dana Director', roles: ['director', 'admin'] },
];

const days = (n: number, now: Date) => new Date(now.getTime() - n * 86_400_000).toISOString();

export async function loadDemo(ctx: AppContext) {
  const ids: Record<string, string> = {};
  for (const s of STAFF) {
    const existing = await findUserByEmail(ctx.db.kysely, s.email);
    // The demo's staff share a password printed for anyone looking around: asking each to change it helps nobody.
    ids[s.email] =
      existing?.user.id ??
      (await addUser(ctx, { ...s, password: DEMO_PASSWORD, mustChangePassword: false })).id;
  }
  const staff = (email: string, roles: Role[]): Actor => ({ kind: 'staff', id: ids[email] ?? '', roles });
  const agent = staff('agent@demo.redress', ['agent']);
  const reviewer = staff('reviewer@demo.redress', ['reviewer']);
  const director = staff('director@demo.redress', ['director']);
  const now = ctx.now();
  const today = londonDate(now);

  const raise = (
    name: string,
    facts: Partial<ComplaintFacts>,
    description: string,
    customer: Partial<NewCustomer> = {},
  ) =>
    recordComplaint(
      ctx,
      {
        customer: {
          name,
          email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
          phone: '01632 960 001',
          // Letters go to a postal address: every demo customer has one.
          addressLines: [`${made.length + 1} Station Road`, 'Warrington'],
          postcode: 'WA1 1AA',
          ...customer,
        },
        channel: 'phone',
        category: 'billing',
        description,
        formal: true,
        ...facts,
      },
      agent,
    );
  const run = async (reference: string, steps: [Actor, Command][]) => {
    for (const [actor, command] of steps) await issueCommand(ctx, reference, command, actor);
  };
  const proposal = (summary: string): Command => ({
    type: 'propose',
    summary,
    steps: [
      {
        description: 'Credit the overcharge to the account',
        ownerId: agent.kind === 'staff' ? agent.id : null,
        dueOn: addDays(today, 3),
      },
      { description: 'Confirm the corrected bill in writing', ownerId: null, dueOn: addDays(today, 5) },
    ],
  });
  const declined: Command = { type: 'record-response', outcome: 'declined', note: 'Wants a larger credit' };

  const made: string[] = [];
  const add = async (r: Promise<{ reference: string }>, steps: [Actor, Command][] = []) => {
    const { reference } = await r;
    await run(reference, steps);
    made.push(reference);
  };
  await add(raise('Ada Lovelace', {}, 'Charged twice for October line rental.'));
  await add(raise('Brian Kernighan', { category: 'service-quality' }, 'Broadband drops every evening.'), [
    [agent, proposal('Engineer visit and a credit for lost service')],
  ]);
  await add(raise('Claude Shannon', { category: 'equipment' }, 'Router replaced but still faulty.'), [
    [agent, proposal('Send a new router model and credit a month')],
    [agent, { type: 'record-response', outcome: 'agreed' }],
  ]);
  await add(raise('Dorothy Vaughan', {}, 'Late payment fee applied in error.'), [
    [agent, proposal('Refund the fee')],
    [agent, { type: 'record-response', outcome: 'agreed' }],
  ]);
  await add(
    raise('Edsger Dijkstra', { channel: 'email', category: 'contract' }, 'Contract end date is wrong.'),
    [
      [agent, { type: 'not-practical', reason: 'Needs the sales records from the archive' }],
      [reviewer, { type: 'record-review', findings: 'The contract was renewed without notice.' }],
    ],
  );
  await add(raise('Frances Allen', { category: 'customer-service' }, 'Promised call-backs never came.'), [
    [agent, proposal('Apology and a named contact')],
    [agent, declined],
    [reviewer, { type: 'record-review', findings: 'Three call-backs logged, none made.' }],
    [reviewer, proposal('Apology, named contact and £30 goodwill credit')],
    [reviewer, declined],
  ]);
  await add(raise('Grace Hopper', {}, 'Billed for a line that was cancelled.'), [
    [agent, proposal('Cancel the bills')],
    [agent, declined],
    [reviewer, { type: 'record-review', findings: 'Cancellation was processed late.' }],
    [reviewer, proposal('Cancel the bills and refund')],
    [reviewer, declined],
    [
      director,
      {
        type: 'record-review',
        findings: 'Our cancellation process failed; the customer is owed three months.',
      },
    ],
    [director, proposal('Refund three months and a £50 goodwill payment')],
    [director, declined],
  ]);
  await add(
    raise(
      'Hedy Lamarr',
      { firstExpressedAt: days(40, now), channel: 'letter' },
      'Installation missed twice.',
    ),
    [[agent, { type: 'not-practical', reason: 'Needs the field team’s records' }]],
  );
  const late = await raise(
    'Ivan Sutherland',
    { firstExpressedAt: days(50, now) },
    'Speed far below the contract.',
  );
  await runClockJob(ctx, 'adr-time-limit', { complaintId: late.id });
  made.push(late.reference);
  await add(raise('Joan Clarke', { channel: 'web' }, 'Direct debit taken on the wrong date.'), [
    [agent, proposal('Move the collection date and refund bank charges')],
    [agent, { type: 'record-response', outcome: 'agreed' }],
  ]);
  await add(raise('Ken Thompson', { channel: 'textphone' }, 'Text relay calls dropped.'), [
    [agent, { type: 'withdraw', reason: 'The customer says it is fixed' }],
  ]);
  // Large print, by post: her letters wait in the print queue.
  const lynn = { needs: { largePrint: true }, preferredChannel: 'letter' as const };
  await add(raise('Lynn Conway', { category: 'other' }, 'Account closed without consent.', lynn), [
    [agent, { type: 'add-note', text: 'Customer is vulnerable: large print letters, please.' }],
    [
      agent,
      {
        type: 'log-contact',
        channel: 'phone',
        direction: 'out',
        summary: 'Called to gather the account history.',
      },
    ],
  ]);
  return { complaints: made.length, references: made, users: STAFF, password: DEMO_PASSWORD };
}
