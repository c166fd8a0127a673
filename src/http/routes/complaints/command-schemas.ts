/**
 * The request body of each procedure command, `POST /api/v1/complaints/{reference}/{command}`.
 * Each mirrors the domain command of the same name without its `type`.
 */
import { z } from 'zod';
import type { Command, CommandType } from '../../../domain/commands.ts';
import { CLOSURE_REASONS, REMEDY_TYPES } from '../../../domain/complaint.ts';
import { channel, id, instant, localDate, pence, text } from '../../schemas.ts';
import { uploadsInput } from '../attachments/schemas.ts';

const reason = text(2000);
const rootCauseCode = z
  .string()
  .max(100)
  .describe(
    'A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`), a parent’s or a child’s: what caused the complaint, for the improvement review',
  );
const rootCause = rootCauseCode
  .optional()
  .describe(
    'A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`). Required when staff close a complaint whose highest stage reached is in the procedure’s `rootCauseRequiredAt` (default: attempt 2 and after); refused with `root-cause-required` when missing there',
  );
const lessons = text(4000).optional().describe('What the provider learned');
const remedies = z
  .array(
    z.strictObject({
      type: z.enum(REMEDY_TYPES),
      amountPence: pence
        .nullable()
        .optional()
        .describe('Pence, VAT included: required for credit-refund and goodwill, left out for the others'),
    }),
  )
  .max(20);

type StaffCommandType = Exclude<
  CommandType,
  'issue-time-limit-adr-letter' | 'close-no-response' | 'close-adr-window-expired'
>;

/** A command's fields without its `type`: what its request body must give (checked when this compiles). */
type BodyOf<K extends StaffCommandType> = Omit<Extract<Command, { type: K }>, 'type'>;

export const COMMAND_BODIES = {
  'not-practical': z
    .strictObject({ reason })
    .describe(
      'Attempt 1: immediate action is not practical; the complaint goes to the detailed review of attempt 2.',
    ),
  'record-review': z
    .strictObject({ findings: text(10_000) })
    .describe(
      'Record what the review found (attempt 1: exploration; 2: detailed review; 3: director-level review).',
    ),
  propose: z
    .strictObject({
      summary: text(4000),
      steps: z
        .array(
          z.strictObject({
            description: text(2000),
            ownerId: id.nullable().describe('Staff user who owns the step; null when the customer owns it'),
            dueOn: localDate
              .optional()
              .describe('Agreed due date; default: the procedure’s working days from today'),
          }),
        )
        .min(1)
        .max(50),
      remedies: remedies
        .optional()
        .describe(
          'What the proposal gives the customer, by type (apology, explanation, practical action, credit/refund, goodwill); accepted when the customer agrees the proposal',
        ),
    })
    .describe('Propose remedial action: steps, each with an owner and an agreed due date.'),
  'record-response': z
    .strictObject({ outcome: z.enum(['agreed', 'declined']), note: text(4000).optional() })
    .describe('Record the customer’s response to the proposal. Declining escalates to the next attempt.'),
  'complete-step': z
    .strictObject({ stepId: id, note: text(4000).optional() })
    .describe('Mark a step of the agreed proposal as done; the last one opens the follow-up.'),
  'record-follow-up': z
    .strictObject({
      outcome: z.enum(['satisfied', 'not-satisfied', 'no-response']),
      note: text(4000).optional(),
      rootCause,
      lessons,
    })
    .describe(
      'Record the follow-up contact: satisfied closes, not satisfied escalates, no response starts the chase.',
    ),
  escalate: z.strictObject({ reason }).describe('Escalate to the next resolution attempt.'),
  'declare-deadlock': z
    .strictObject({ reason })
    .describe('Director: nothing further can be done. Issues the ADR letter the same day.'),
  'record-referral': z
    .strictObject({
      schemeCaseReference: text(100),
      referredOn: localDate,
      caseFeePence: pence.optional(),
    })
    .describe('Record that the customer took the complaint to the ADR scheme.'),
  'record-ombudsman-outcome': z
    .strictObject({
      outcome: z.enum(['upheld', 'partly-upheld', 'not-upheld', 'settled']),
      decidedOn: localDate,
      remedy: z.strictObject({
        apology: z.boolean(),
        explanation: z.boolean(),
        action: text(4000).nullable(),
        awardPence: pence,
      }),
      customerAccepted: z.boolean().nullable(),
      remedies: remedies
        .optional()
        .describe(
          'The decision’s remedies by type; default: read from `remedy` (apology, explanation, action as practical-action, the award as goodwill). Recorded again, they replace the earlier ones',
        ),
    })
    .describe('Record the scheme’s decision, its remedy and whether the customer accepted it.'),
  'record-case-fee': z
    .strictObject({ caseFeePence: pence })
    .describe('Record the fee the ADR scheme charged for this referral (pence, VAT included).'),
  withdraw: z
    .strictObject({ reason, rootCause, lessons })
    .describe('The customer withdrew the complaint (the reason stands as the lesson when none is given).'),
  close: z
    .strictObject({
      reason: z.enum(
        CLOSURE_REASONS.filter(
          (r) =>
            r === 'ombudsman-decision-implemented' ||
            r === 'ombudsman-decision-not-accepted' ||
            r === 'adr-window-expired',
        ) as ['ombudsman-decision-implemented', 'ombudsman-decision-not-accepted', 'adr-window-expired'],
      ),
      rootCause,
      lessons,
    })
    .describe(
      'Close a complaint at deadlock: decision implemented (this records the remedy as implemented), decision not accepted, or ADR window expired.',
    ),
  'record-root-cause': z
    .strictObject({ rootCause: rootCauseCode, lessons })
    .describe(
      'Record or correct the root cause of a closed complaint: one the customer closed (“yes, it is sorted”) or the clock closed; lessons left out keep those recorded.',
    ),
  assign: z
    .strictObject({ ownerId: id.nullable() })
    .describe(
      'Give the complaint to a member of staff who may work at its stage (null: back to the stage’s queue).',
    ),
  take: z
    .strictObject({})
    .describe(
      'Take an unassigned complaint for yourself; open to staff with a role of the complaint’s stage.',
    ),
  'log-contact': z
    .strictObject({
      channel,
      direction: z.enum(['in', 'out']),
      summary: text(10_000),
      occurredAt: instant.optional(),
      visibleToCustomer: z
        .boolean()
        .optional()
        .describe('Show the summary to the customer in the portal (default false: staff only)'),
    })
    .describe(
      'Log a contact with the customer: phone, email, letter, web, textphone or in person; in or out. The customer sees its summary in the portal only when visibleToCustomer is true.',
    ),
  'add-note': z
    .strictObject({ text: text(10_000) })
    .describe('Add an internal note (never shown to the customer).'),
  reply: z
    .strictObject({
      subject: text(200).describe('The subject; the CRN is put in front of it'),
      body: text(20_000).describe(
        'The message, without greeting or sign-off: Redress adds “Dear {name},” and signs it with your name and role',
      ),
      attachments: uploadsInput.describe(
        'Files to send with it (a corrected bill, a statement): attached to the email, or named as enclosed in the letter for post; the same types and limits as the customer’s own files, and a refused file (`attachments.0`) stores nothing',
      ),
    })
    .describe(
      'Write to the customer: an email threaded with the complaint’s mail (its letter attached), or a letter queued for print when the customer takes post or has no email address.',
    ),
} satisfies { [K in StaffCommandType]: z.ZodType<BodyOf<K>> };

export type CommandName = keyof typeof COMMAND_BODIES;
export const COMMAND_NAMES = Object.keys(COMMAND_BODIES) as CommandName[];

/** Each command's validated request body. */
export type Bodies = { [K in CommandName]: z.infer<(typeof COMMAND_BODIES)[K]> };

/**
 * Each command from its validated request body, written out per command so the compiler checks every one (no
 * cast at the edge). A reply's files are stored by its use case, which names them in the command; here (a
 * preview) they are named only.
 */
const TO_COMMAND: { [K in CommandName]: (body: Bodies[K]) => Command } = {
  'not-practical': (body) => ({ type: 'not-practical', ...body }),
  'record-review': (body) => ({ type: 'record-review', ...body }),
  propose: (body) => ({ type: 'propose', ...body }),
  'record-response': (body) => ({ type: 'record-response', ...body }),
  'complete-step': (body) => ({ type: 'complete-step', ...body }),
  'record-follow-up': (body) => ({ type: 'record-follow-up', ...body }),
  escalate: (body) => ({ type: 'escalate', ...body }),
  'declare-deadlock': (body) => ({ type: 'declare-deadlock', ...body }),
  'record-referral': (body) => ({ type: 'record-referral', ...body }),
  'record-ombudsman-outcome': (body) => ({ type: 'record-ombudsman-outcome', ...body }),
  'record-case-fee': (body) => ({ type: 'record-case-fee', ...body }),
  withdraw: (body) => ({ type: 'withdraw', ...body }),
  close: (body) => ({ type: 'close', ...body }),
  'record-root-cause': (body) => ({ type: 'record-root-cause', ...body }),
  assign: (body) => ({ type: 'assign', ...body }),
  take: () => ({ type: 'take' }),
  'log-contact': (body) => ({ type: 'log-contact', ...body }),
  'add-note': (body) => ({ type: 'add-note', ...body }),
  reply: ({ attachments, ...reply }) => ({
    type: 'reply',
    ...reply,
    files: (attachments ?? []).map((f, i) => ({ id: `file-${i + 1}`, filename: f.filename })),
  }),
};

/** The domain command for a validated request body. */
export function toCommand<N extends CommandName>(name: N, body: Bodies[N]): Command {
  return TO_COMMAND[name](body);
}
