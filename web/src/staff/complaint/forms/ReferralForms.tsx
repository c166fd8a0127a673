/**
 * The forms of an ombudsman referral: recording it, the scheme's decision, and the case fee the scheme
 * invoiced (which managers may record at any time, the complaint closed or not).
 */
import { Checkbox, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { optionalText, useFields } from '../../../ui/fields.ts';
import { formatPence, londonToday, poundsToPence } from '../../../ui/format.ts';
import { ActionDialog } from '../ActionDialog.tsx';
import { OMBUDSMAN_WORDS } from '../words.ts';
import type { CommandFormProps } from './types.ts';

export function RecordReferralForm({ complaint }: CommandFormProps) {
  const form = useFields({
    caseRef: {
      id: 'referral-case',
      label: 'Scheme case reference',
      initial: '',
      need: 'required',
      path: 'schemeCaseReference',
    },
    referredOn: {
      id: 'referral-on',
      label: 'Referred on',
      initial: londonToday(),
      need: 'required',
      missing: 'enter a date',
    },
    fee: {
      id: 'referral-fee',
      label: 'Case fee',
      inputLabel: 'Case fee in pounds',
      initial: '',
      need: 'optional',
      path: 'caseFeePence',
    },
  });
  const { caseRef, referredOn, fee } = form.values;
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-referral"
      label="Record ADR referral"
      title={`Record the referral to ${complaint.adr.scheme}`}
      submitLabel="Save referral"
      buttonProps={{ variant: 'default' }}
      paths={form.paths}
      body={() => {
        const errors = form.missing();
        const pence = fee.trim() ? poundsToPence(fee) : undefined;
        if (pence === null)
          errors.push({ inputId: form.id('fee'), message: 'Case fee: enter an amount in pounds' });
        if (errors.length) return errors;
        return { schemeCaseReference: caseRef.trim(), referredOn, caseFeePence: pence ?? undefined };
      }}
    >
      {({ errors }) => (
        <>
          <TextInput {...form.text('caseRef', errors)} />
          <TextInput {...form.text('referredOn', errors)} type="date" />
          <TextInput {...form.text('fee', errors)} inputMode="decimal" />
        </>
      )}
    </ActionDialog>
  );
}

const ACCEPTED = { yes: true, no: false, unknown: null } as const;
type Outcome = keyof typeof OMBUDSMAN_WORDS;
const isOutcome = (value: string): value is Outcome => value in OMBUDSMAN_WORDS;

export function RecordOmbudsmanOutcomeForm({ complaint }: CommandFormProps) {
  const decision = complaint.referral?.decision ?? null;
  const form = useFields({
    outcome: {
      id: 'ombudsman-outcome',
      label: 'Decision',
      initial: decision?.outcome ?? '',
      need: 'required',
      missing: 'choose the scheme’s decision',
    },
    decidedOn: {
      id: 'ombudsman-decided-on',
      label: 'Decided on',
      initial: decision?.decidedOn ?? '',
      need: 'required',
      missing: 'enter a date',
    },
    apology: {
      id: 'ombudsman-apology',
      label: 'Remedy: an apology',
      initial: decision?.remedy.apology ?? false,
      path: 'remedy.apology',
    },
    explanation: {
      id: 'ombudsman-explanation',
      label: 'Remedy: an explanation',
      initial: decision?.remedy.explanation ?? false,
      path: 'remedy.explanation',
    },
    action: {
      id: 'ombudsman-action',
      label: 'Action required',
      initial: decision?.remedy.action ?? '',
      need: 'optional',
      path: 'remedy.action',
      // A refusal of the remedy as a whole is shown at its one text input.
      alsoPaths: ['remedy'],
    },
    award: {
      id: 'ombudsman-award',
      label: 'Award',
      inputLabel: 'Award in pounds',
      initial: decision ? (decision.remedy.awardPence / 100).toFixed(2) : '0',
      path: 'remedy.awardPence',
    },
    accepted: {
      id: 'ombudsman-accepted',
      label: 'Did the customer accept it?',
      initial:
        decision?.customerAccepted === true ? 'yes' : decision?.customerAccepted === false ? 'no' : 'unknown',
      path: 'customerAccepted',
    },
  });
  const { outcome, decidedOn, apology, explanation, action, award, accepted } = form.values;
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-ombudsman-outcome"
      label="Record ombudsman decision"
      title={`Record the decision of ${complaint.adr.scheme}`}
      submitLabel="Save decision"
      buttonProps={{ variant: 'default' }}
      paths={form.paths}
      body={() => {
        const errors = form.missing();
        const pence = poundsToPence(award || '0');
        if (pence === null)
          errors.push({ inputId: form.id('award'), message: 'Award: enter an amount in pounds' });
        if (errors.length) return errors;
        // The select offers only the scheme's decisions; this narrows the type.
        if (!isOutcome(outcome)) return [{ inputId: form.id('outcome'), message: 'Decision: choose one' }];
        return {
          outcome,
          decidedOn,
          remedy: { apology, explanation, action: optionalText(action) ?? null, awardPence: pence ?? 0 },
          customerAccepted: ACCEPTED[accepted as keyof typeof ACCEPTED] ?? null,
        };
      }}
    >
      {({ errors }) => (
        <>
          <NativeSelect
            {...form.text('outcome', errors)}
            data={[
              { value: '', label: 'Choose the decision' },
              ...Object.entries(OMBUDSMAN_WORDS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <TextInput {...form.text('decidedOn', errors)} type="date" />
          <Checkbox {...form.check('apology')} />
          <Checkbox {...form.check('explanation')} />
          <Textarea {...form.text('action', errors)} autosize minRows={2} />
          <TextInput {...form.text('award', errors)} inputMode="decimal" />
          <Radio.Group {...form.choice('accepted', errors)}>
            <Stack gap="xs" mt="xs">
              <Radio id={form.id('accepted')} value="yes" label="Yes, accepted" />
              <Radio value="no" label="No, not accepted" />
              <Radio value="unknown" label="Not answered yet" />
            </Stack>
          </Radio.Group>
        </>
      )}
    </ActionDialog>
  );
}

export function RecordCaseFeeForm({ complaint }: CommandFormProps) {
  const recorded = complaint.referral?.caseFeePence ?? null;
  const form = useFields({
    fee: {
      id: 'case-fee',
      label: 'Case fee',
      inputLabel: 'Case fee in pounds',
      initial: recorded === null ? '' : (recorded / 100).toFixed(2),
      need: 'required',
      path: 'caseFeePence',
    },
  });
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-case-fee"
      label={recorded === null ? 'Record case fee' : 'Change case fee'}
      title={`The case fee charged by ${complaint.adr.scheme}`}
      submitLabel="Save case fee"
      buttonProps={{ variant: 'default' }}
      paths={form.paths}
      body={() => {
        const pence = poundsToPence(form.values.fee);
        return pence === null
          ? [{ inputId: form.id('fee'), message: 'Case fee: enter an amount in pounds, such as 350.00' }]
          : { caseFeePence: pence };
      }}
      doneMessage={(saved) =>
        saved.referral?.caseFeePence != null
          ? `Case fee saved: ${formatPence(saved.referral.caseFeePence)}`
          : 'Case fee saved'
      }
    >
      {({ errors }) => (
        <>
          <Text size="sm">
            The fee the scheme invoiced for this referral, VAT included.
            {recorded !== null && ` Recorded now: ${formatPence(recorded)}.`}
          </Text>
          <TextInput {...form.text('fee', errors)} inputMode="decimal" autoComplete="off" />
        </>
      )}
    </ActionDialog>
  );
}
