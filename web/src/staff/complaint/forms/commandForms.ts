/**
 * Which form each command has. A command the API can offer that is not in one of these records fails to
 * compile, so a new command cannot reach the page without its form.
 */
import type { StaffCommand } from '../api.ts';
import { CloseForm } from './CloseForm.tsx';
import { RecordRootCauseForm, WithdrawForm } from './ClosingForms.tsx';
import { LogContactForm } from './LogContactForm.tsx';
import { ProposeForm } from './ProposeForm.tsx';
import { RecordCaseFeeForm, RecordOmbudsmanOutcomeForm, RecordReferralForm } from './ReferralForms.tsx';
import { ReplyForm } from './ReplyForm.tsx';
import { RecordFollowUpForm, RecordResponseForm } from './ResponseForms.tsx';
import {
  AddNoteForm,
  DeclareDeadlockForm,
  EscalateForm,
  NotPracticalForm,
  RecordReviewForm,
} from './TextForms.tsx';
import type { FormComponent } from './types.ts';

/**
 * Commands with a place of their own: assigning in the header, taking beside "Needs a reviewer", a step done
 * beside its step, the timeline's two.
 */
type PlacedElsewhere = 'assign' | 'take' | 'complete-step' | TimelineCommand;
export type TimelineCommand = 'log-contact' | 'add-note';
/** The commands of the Next step panel: every staff command not placed elsewhere. */
export type StaffPanelCommand = Exclude<StaffCommand, PlacedElsewhere>;

/** The Next step panel's forms, in the order the panel shows their buttons. */
export const COMMAND_FORMS: Record<StaffPanelCommand, FormComponent> = {
  'record-review': RecordReviewForm,
  propose: ProposeForm,
  'not-practical': NotPracticalForm,
  'record-response': RecordResponseForm,
  'record-follow-up': RecordFollowUpForm,
  escalate: EscalateForm,
  'declare-deadlock': DeclareDeadlockForm,
  'record-referral': RecordReferralForm,
  'record-ombudsman-outcome': RecordOmbudsmanOutcomeForm,
  'record-case-fee': RecordCaseFeeForm,
  reply: ReplyForm,
  close: CloseForm,
  withdraw: WithdrawForm,
  'record-root-cause': RecordRootCauseForm,
};

/** The timeline's forms, in the order it shows their buttons. */
export const TIMELINE_FORMS: Record<TimelineCommand, FormComponent> = {
  'log-contact': LogContactForm,
  'add-note': AddNoteForm,
};

/** The commands of `forms` that `allowed` includes, in the record's order. */
export function allowedForms<C extends string>(
  forms: Record<C, FormComponent>,
  allowed: readonly string[],
): [C, FormComponent][] {
  return (Object.entries(forms) as [C, FormComponent][]).filter(([command]) => allowed.includes(command));
}
