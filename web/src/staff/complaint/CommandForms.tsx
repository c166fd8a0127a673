/** One form per procedure command, each behind a button named for what it does. */
import { Alert, Button, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormError } from '../../ui/ErrorSummary.tsx';
import { errorFor } from '../../ui/ErrorSummary.tsx';
import { formatDay, londonLocalToIso, londonToday } from '../../ui/format.ts';
import type { User } from '../session.ts';
import { ActionDialog, optional, required } from './ActionDialog.tsx';
import type { Complaint, Step } from './api.ts';
import { CHANNEL_WORDS, CLOSURE_WORDS } from './words.ts';

interface Props {
  complaint: Complaint;
}

function ReasonField({
  id,
  label,
  description,
  value,
  onChange,
  errors,
}: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (v: string) => void;
  errors: FormError[];
}) {
  return (
    <Textarea
      id={id}
      label={label}
      description={description}
      required
      withAsterisk={false}
      autosize
      minRows={3}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={errorFor(errors, id)}
    />
  );
}

export function RecordReviewForm({ complaint }: Props) {
  const [findings, setFindings] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-review"
      label="Record review"
      title="Record the review’s findings"
      submitLabel="Save review"
      fieldMap={{ 'body.findings': 'review-findings' }}
      labels={{ 'body.findings': 'Findings' }}
      body={() => {
        const e = required(findings, 'review-findings', 'Findings');
        return e.length ? e : { findings: findings.trim() };
      }}
      onDone={() => setFindings('')}
    >
      {({ errors }) => (
        <ReasonField
          id="review-findings"
          label="Findings"
          description="What the review found: what happened, why, and what the records show."
          value={findings}
          onChange={setFindings}
          errors={errors}
        />
      )}
    </ActionDialog>
  );
}

export function NotPracticalForm({ complaint }: Props) {
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="not-practical"
      label="Immediate action not practical"
      title="Immediate action is not practical"
      submitLabel="Move to detailed review"
      buttonProps={{ variant: 'default' }}
      fieldMap={{ 'body.reason': 'not-practical-reason' }}
      labels={{ 'body.reason': 'Reason' }}
      body={() => {
        const e = required(reason, 'not-practical-reason', 'Reason');
        return e.length ? e : { reason: reason.trim() };
      }}
    >
      {({ errors }) => (
        <>
          <Text size="sm">The complaint goes to Resolution Attempt 2, a detailed review by a reviewer.</Text>
          <ReasonField
            id="not-practical-reason"
            label="Reason"
            description="Why it cannot be put right now."
            value={reason}
            onChange={setReason}
            errors={errors}
          />
        </>
      )}
    </ActionDialog>
  );
}

interface StepDraft {
  key: number;
  description: string;
  owner: string;
  dueOn: string;
}

export function ProposeForm({ complaint, staff }: Props & { staff: User[] }) {
  const [summary, setSummary] = useState('');
  const [nextKey, setNextKey] = useState(1);
  const [steps, setSteps] = useState<StepDraft[]>([{ key: 0, description: '', owner: '', dueOn: '' }]);
  const update = (key: number, patch: Partial<StepDraft>) =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const active = staff.filter((u) => u.active !== false);
  const ownerOptions = [
    { value: '', label: 'Choose an owner' },
    { value: 'customer', label: 'The customer' },
    ...active.map((u) => ({ value: u.id, label: u.name })),
  ];
  const fieldMap: Record<string, string> = { 'body.summary': 'propose-summary' };
  const labels: Record<string, string> = { 'body.summary': 'Summary of the proposal' };
  steps.forEach((s, i) => {
    fieldMap[`body.steps.${i}.description`] = `step-${s.key}-description`;
    fieldMap[`body.steps.${i}.ownerId`] = `step-${s.key}-owner`;
    fieldMap[`body.steps.${i}.dueOn`] = `step-${s.key}-due`;
    fieldMap[`body.steps.${i}`] = `step-${s.key}-description`;
    labels[`body.steps.${i}.description`] = `Step ${i + 1} description`;
    labels[`body.steps.${i}.ownerId`] = `Step ${i + 1} owner`;
    labels[`body.steps.${i}.dueOn`] = `Step ${i + 1} due date`;
    labels[`body.steps.${i}`] = `Step ${i + 1}`;
  });
  const today = londonToday();

  return (
    <ActionDialog
      reference={complaint.reference}
      command="propose"
      label="Propose remedial action"
      title="Propose remedial action"
      submitLabel="Save proposal"
      fieldMap={fieldMap}
      labels={labels}
      body={() => {
        const errors: FormError[] = required(summary, 'propose-summary', 'Summary of the proposal');
        steps.forEach((s, i) => {
          if (!s.description.trim())
            errors.push({
              inputId: `step-${s.key}-description`,
              message: `Step ${i + 1} description: enter some text`,
            });
          if (!s.owner)
            errors.push({
              inputId: `step-${s.key}-owner`,
              message: `Step ${i + 1} owner: choose who does it`,
            });
          if (s.dueOn && s.dueOn < today)
            errors.push({
              inputId: `step-${s.key}-due`,
              message: `Step ${i + 1} due date: must not be in the past`,
            });
        });
        if (errors.length) return errors;
        return {
          summary: summary.trim(),
          steps: steps.map((s) => ({
            description: s.description.trim(),
            ownerId: s.owner === 'customer' ? null : s.owner,
            ...(s.dueOn ? { dueOn: s.dueOn } : {}),
          })),
        };
      }}
      onDone={() => {
        setSummary('');
        setSteps([{ key: nextKey, description: '', owner: '', dueOn: '' }]);
        setNextKey((k) => k + 1);
      }}
    >
      {({ errors }) => (
        <>
          <ReasonField
            id="propose-summary"
            label="Summary of the proposal"
            description="What you propose to put things right, as you will explain it to the customer."
            value={summary}
            onChange={setSummary}
            errors={errors}
          />
          {steps.map((s, i) => (
            <fieldset
              key={s.key}
              style={{ border: '1px solid var(--mantine-color-gray-5)', borderRadius: 4 }}
            >
              <legend>
                <Text fw={600} span>
                  Step {i + 1}
                </Text>
              </legend>
              <Stack gap="sm">
                <Textarea
                  id={`step-${s.key}-description`}
                  label={`Step ${i + 1} description`}
                  required
                  withAsterisk={false}
                  autosize
                  minRows={2}
                  value={s.description}
                  onChange={(e) => update(s.key, { description: e.currentTarget.value })}
                  error={errorFor(errors, `step-${s.key}-description`)}
                />
                <NativeSelect
                  id={`step-${s.key}-owner`}
                  label={`Step ${i + 1} owner`}
                  required
                  withAsterisk={false}
                  data={ownerOptions}
                  value={s.owner}
                  onChange={(e) => update(s.key, { owner: e.currentTarget.value })}
                  error={errorFor(errors, `step-${s.key}-owner`)}
                />
                <TextInput
                  id={`step-${s.key}-due`}
                  type="date"
                  label={`Step ${i + 1} due date (optional)`}
                  description="Leave empty for the procedure’s default."
                  min={today}
                  value={s.dueOn}
                  onChange={(e) => update(s.key, { dueOn: e.currentTarget.value })}
                  error={errorFor(errors, `step-${s.key}-due`)}
                />
                {steps.length > 1 && (
                  <Group>
                    <Button
                      variant="subtle"
                      color="red.9"
                      size="xs"
                      onClick={() => setSteps((all) => all.filter((x) => x.key !== s.key))}
                    >
                      Remove step {i + 1}
                    </Button>
                  </Group>
                )}
              </Stack>
            </fieldset>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => {
                setSteps((all) => [...all, { key: nextKey, description: '', owner: '', dueOn: '' }]);
                setNextKey((k) => k + 1);
              }}
            >
              Add a step
            </Button>
          </Group>
        </>
      )}
    </ActionDialog>
  );
}

export function RecordResponseForm({ complaint }: Props) {
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-response"
      label="Record customer’s response"
      ariaLabel="Record customer's response"
      title="Record the customer’s response to the proposal"
      submitLabel="Save response"
      doneMessage={(c) =>
        outcome === 'agreed'
          ? 'Customer’s response saved: they agreed to the proposal'
          : `Customer’s response saved: they declined the proposal. Now at ${c.stageName}`
      }
      fieldMap={{ 'body.outcome': 'response-outcome', 'body.note': 'response-note' }}
      labels={{ 'body.outcome': 'Customer’s response', 'body.note': 'Note' }}
      body={() =>
        outcome === 'agreed' || outcome === 'declined'
          ? { outcome, note: optional(note) }
          : [{ inputId: 'response-outcome', message: 'Customer’s response: choose agreed or declined' }]
      }
    >
      {({ errors }) => (
        <>
          <Radio.Group
            id="response-outcome-group"
            label="Customer’s response"
            required
            withAsterisk={false}
            value={outcome}
            onChange={setOutcome}
            error={errorFor(errors, 'response-outcome')}
          >
            <Stack gap="xs" mt="xs">
              <Radio id="response-outcome" value="agreed" label="Agreed to the proposal" />
              <Radio value="declined" label="Declined the proposal (escalates to the next attempt)" />
            </Stack>
          </Radio.Group>
          <Textarea
            id="response-note"
            label="Note (optional)"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errorFor(errors, 'response-note')}
          />
        </>
      )}
    </ActionDialog>
  );
}

export function CompleteStepForm({ complaint, step, index }: Props & { step: Step; index: number }) {
  const [note, setNote] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="complete-step"
      label="Mark step done"
      ariaLabel={`Mark step done: step ${index + 1}, ${step.description}`}
      title={`Mark step ${index + 1} done`}
      submitLabel="Confirm step done"
      doneMessage={`Step ${index + 1} marked done`}
      buttonProps={{ size: 'xs', variant: 'light' }}
      fieldMap={{ 'body.note': `step-note-${step.id}`, 'body.stepId': `step-note-${step.id}` }}
      labels={{ 'body.note': 'Note' }}
      body={() => ({ stepId: step.id, note: optional(note) })}
    >
      {({ errors }) => (
        <>
          <Text size="sm" className="user-text">
            {step.description}
          </Text>
          <Textarea
            id={`step-note-${step.id}`}
            label="Note (optional)"
            description="What was done."
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errorFor(errors, `step-note-${step.id}`)}
          />
        </>
      )}
    </ActionDialog>
  );
}

export function RecordFollowUpForm({ complaint }: Props) {
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [rootCause, setRootCause] = useState('');
  const [lessons, setLessons] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-follow-up"
      label="Record follow-up"
      title="Record the follow-up with the customer"
      submitLabel="Save follow-up"
      doneMessage={(c) =>
        outcome === 'no-response'
          ? 'Follow-up recorded: no response, so chase the customer'
          : `Follow-up recorded. Now at ${c.stageName}`
      }
      fieldMap={{
        'body.outcome': 'follow-up-outcome',
        'body.note': 'follow-up-note',
        'body.rootCause': 'follow-up-root-cause',
        'body.lessons': 'follow-up-lessons',
      }}
      labels={{
        'body.outcome': 'Outcome',
        'body.note': 'Note',
        'body.rootCause': 'Root cause',
        'body.lessons': 'Lessons learned',
      }}
      body={() =>
        outcome === 'satisfied' || outcome === 'not-satisfied' || outcome === 'no-response'
          ? { outcome, note: optional(note), rootCause: optional(rootCause), lessons: optional(lessons) }
          : [{ inputId: 'follow-up-outcome', message: 'Outcome: choose how the customer answered' }]
      }
    >
      {({ errors }) => (
        <>
          <Radio.Group
            id="follow-up-outcome-group"
            label="Outcome"
            description="Is the customer satisfied that the complaint is resolved?"
            required
            withAsterisk={false}
            value={outcome}
            onChange={setOutcome}
            error={errorFor(errors, 'follow-up-outcome')}
          >
            <Stack gap="xs" mt="xs">
              <Radio id="follow-up-outcome" value="satisfied" label="Satisfied (closes the complaint)" />
              <Radio value="not-satisfied" label="Not satisfied (escalates to the next attempt)" />
              <Radio value="no-response" label="No response (starts chasing the customer)" />
            </Stack>
          </Radio.Group>
          <Textarea
            id="follow-up-note"
            label="Note (optional)"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errorFor(errors, 'follow-up-note')}
          />
          <Textarea
            id="follow-up-root-cause"
            label="Root cause (optional)"
            description="What caused the complaint, for the improvement review."
            autosize
            minRows={2}
            value={rootCause}
            onChange={(e) => setRootCause(e.currentTarget.value)}
            error={errorFor(errors, 'follow-up-root-cause')}
          />
          <Textarea
            id="follow-up-lessons"
            label="Lessons learned (optional)"
            autosize
            minRows={2}
            value={lessons}
            onChange={(e) => setLessons(e.currentTarget.value)}
            error={errorFor(errors, 'follow-up-lessons')}
          />
        </>
      )}
    </ActionDialog>
  );
}

export function EscalateForm({ complaint }: Props) {
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="escalate"
      label="Escalate"
      title="Escalate to the next resolution attempt"
      submitLabel="Escalate complaint"
      buttonProps={{ variant: 'default' }}
      fieldMap={{ 'body.reason': 'escalate-reason' }}
      labels={{ 'body.reason': 'Reason for escalating' }}
      body={() => {
        const e = required(reason, 'escalate-reason', 'Reason for escalating');
        return e.length ? e : { reason: reason.trim() };
      }}
    >
      {({ errors }) => (
        <ReasonField
          id="escalate-reason"
          label="Reason for escalating"
          value={reason}
          onChange={setReason}
          errors={errors}
        />
      )}
    </ActionDialog>
  );
}

export function DeclareDeadlockForm({ complaint }: Props) {
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="declare-deadlock"
      label="Declare deadlock"
      title="Declare deadlock"
      submitLabel="Declare deadlock and issue the ADR letter"
      submitColor="red.9"
      buttonProps={{ variant: 'outline', color: 'red.9' }}
      fieldMap={{ 'body.reason': 'deadlock-reason' }}
      labels={{ 'body.reason': 'Reason for deadlock' }}
      body={() => {
        const e = required(reason, 'deadlock-reason', 'Reason for deadlock');
        return e.length ? e : { reason: reason.trim() };
      }}
    >
      {({ errors }) => (
        <>
          <Alert color="red" variant="light" title="This issues the ADR letter today">
            <Text size="sm">
              Declaring deadlock ends the resolution attempts. The deadlock (ADR) letter is issued today,{' '}
              {formatDay(londonToday())}
              {complaint.adr.eligible
                ? `, telling the customer they can take the complaint to ${complaint.adr.scheme}.`
                : '.'}{' '}
              This cannot be undone.
            </Text>
          </Alert>
          <ReasonField
            id="deadlock-reason"
            label="Reason for deadlock"
            description="Why nothing further can be done to resolve the complaint."
            value={reason}
            onChange={setReason}
            errors={errors}
          />
        </>
      )}
    </ActionDialog>
  );
}

export function WithdrawForm({ complaint }: Props) {
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="withdraw"
      label="Withdraw complaint"
      title="The customer withdraws the complaint"
      submitLabel="Confirm withdrawal"
      buttonProps={{ variant: 'default' }}
      fieldMap={{ 'body.reason': 'withdraw-reason' }}
      labels={{ 'body.reason': 'Reason' }}
      body={() => {
        const e = required(reason, 'withdraw-reason', 'Reason');
        return e.length ? e : { reason: reason.trim() };
      }}
    >
      {({ errors }) => (
        <ReasonField
          id="withdraw-reason"
          label="Reason"
          description="What the customer said when withdrawing the complaint."
          value={reason}
          onChange={setReason}
          errors={errors}
        />
      )}
    </ActionDialog>
  );
}

const CLOSE_REASONS = [
  'ombudsman-decision-implemented',
  'ombudsman-decision-not-accepted',
  'adr-window-expired',
] as const;

export function CloseForm({ complaint }: Props) {
  const [reason, setReason] = useState('');
  const [rootCause, setRootCause] = useState('');
  const [lessons, setLessons] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="close"
      label="Close complaint"
      title="Close the complaint"
      submitLabel="Confirm closure"
      buttonProps={{ variant: 'default' }}
      fieldMap={{
        'body.reason': 'close-reason',
        'body.rootCause': 'close-root-cause',
        'body.lessons': 'close-lessons',
      }}
      labels={{
        'body.reason': 'Reason for closing',
        'body.rootCause': 'Root cause',
        'body.lessons': 'Lessons learned',
      }}
      body={() =>
        (CLOSE_REASONS as readonly string[]).includes(reason)
          ? {
              reason: reason as (typeof CLOSE_REASONS)[number],
              rootCause: optional(rootCause),
              lessons: optional(lessons),
            }
          : [{ inputId: 'close-reason', message: 'Reason for closing: choose one' }]
      }
    >
      {({ errors }) => (
        <>
          <NativeSelect
            id="close-reason"
            label="Reason for closing"
            required
            withAsterisk={false}
            data={[
              { value: '', label: 'Choose a reason' },
              ...CLOSE_REASONS.map((r) => ({ value: r, label: CLOSURE_WORDS[r] ?? r })),
            ]}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errorFor(errors, 'close-reason')}
          />
          <Textarea
            id="close-root-cause"
            label="Root cause (optional)"
            autosize
            minRows={2}
            value={rootCause}
            onChange={(e) => setRootCause(e.currentTarget.value)}
          />
          <Textarea
            id="close-lessons"
            label="Lessons learned (optional)"
            autosize
            minRows={2}
            value={lessons}
            onChange={(e) => setLessons(e.currentTarget.value)}
          />
        </>
      )}
    </ActionDialog>
  );
}

/** Now as a London wall-clock time for `<input type=datetime-local>`. */
function londonNowLocal(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date());
  return `${londonToday()}T${parts}`;
}

export function LogContactForm({ complaint }: Props) {
  const [channel, setChannel] = useState('phone');
  const [direction, setDirection] = useState('in');
  const [summary, setSummary] = useState('');
  const [when, setWhen] = useState(londonNowLocal());
  // Left as it was, the contact is recorded as happening now (when it is saved), to the second.
  const [whenTouched, setWhenTouched] = useState(false);
  return (
    <ActionDialog
      reference={complaint.reference}
      command="log-contact"
      label="Log a contact"
      title="Log a contact with the customer"
      submitLabel="Save contact"
      keepFocus
      buttonProps={{ variant: 'default' }}
      fieldMap={{
        'body.channel': 'contact-channel',
        'body.direction': 'contact-direction',
        'body.summary': 'contact-summary',
        'body.occurredAt': 'contact-when',
      }}
      labels={{
        'body.channel': 'Channel',
        'body.direction': 'Direction',
        'body.summary': 'Summary',
        'body.occurredAt': 'When',
      }}
      body={() => {
        const errors = required(summary, 'contact-summary', 'Summary');
        const occurredAt = when && whenTouched ? londonLocalToIso(when) : undefined;
        if (occurredAt === null)
          errors.push({ inputId: 'contact-when', message: 'When: enter a date and time' });
        else if (occurredAt && new Date(occurredAt).getTime() > Date.now() + 60_000)
          errors.push({ inputId: 'contact-when', message: 'When: must not be in the future' });
        if (errors.length) return errors;
        return {
          channel: channel as Complaint['channel'],
          direction: direction === 'out' ? 'out' : 'in',
          summary: summary.trim(),
          occurredAt: occurredAt ?? undefined,
        };
      }}
      onDone={() => {
        setSummary('');
        setWhen(londonNowLocal());
        setWhenTouched(false);
      }}
    >
      {({ errors }) => (
        <>
          <NativeSelect
            id="contact-channel"
            label="Channel"
            data={Object.entries(CHANNEL_WORDS).map(([value, label]) => ({ value, label }))}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value)}
            error={errorFor(errors, 'contact-channel')}
          />
          <Radio.Group
            id="contact-direction-group"
            label="Direction"
            value={direction}
            onChange={setDirection}
            error={errorFor(errors, 'contact-direction')}
          >
            <Group gap="lg" mt="xs">
              <Radio id="contact-direction" value="in" label="From the customer" />
              <Radio value="out" label="To the customer" />
            </Group>
          </Radio.Group>
          <Textarea
            id="contact-summary"
            label="Summary"
            required
            withAsterisk={false}
            autosize
            minRows={3}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errorFor(errors, 'contact-summary')}
          />
          <TextInput
            id="contact-when"
            type="datetime-local"
            label="When (UK time)"
            value={when}
            onChange={(e) => {
              setWhen(e.currentTarget.value);
              setWhenTouched(true);
            }}
            error={errorFor(errors, 'contact-when')}
          />
        </>
      )}
    </ActionDialog>
  );
}

export function AddNoteForm({ complaint }: Props) {
  const [text, setText] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="add-note"
      label="Add a note"
      title="Add an internal note"
      submitLabel="Save note"
      keepFocus
      buttonProps={{ variant: 'default' }}
      fieldMap={{ 'body.text': 'note-text' }}
      labels={{ 'body.text': 'Internal note' }}
      body={() => {
        const e = required(text, 'note-text', 'Internal note');
        return e.length ? e : { text: text.trim() };
      }}
      onDone={() => setText('')}
    >
      {({ errors }) => (
        <Textarea
          id="note-text"
          label="Internal note"
          description="For staff only: never shown to the customer."
          required
          withAsterisk={false}
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errorFor(errors, 'note-text')}
        />
      )}
    </ActionDialog>
  );
}
