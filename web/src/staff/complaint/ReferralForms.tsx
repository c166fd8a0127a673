/**
 * The forms of an ombudsman referral: recording it, the scheme's decision, and the case fee the scheme
 * invoiced (which managers may record at any time, the complaint closed or not).
 */
import { Checkbox, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorFor, type FormError } from '../../ui/ErrorSummary.tsx';
import { formatPence, londonToday, poundsToPence } from '../../ui/format.ts';
import { ActionDialog, optional, required } from './ActionDialog.tsx';
import type { Complaint } from './api.ts';
import { OMBUDSMAN_WORDS } from './words.ts';

interface Props {
  complaint: Complaint;
}

export function RecordReferralForm({ complaint }: Props) {
  const [caseRef, setCaseRef] = useState('');
  const [referredOn, setReferredOn] = useState(londonToday());
  const [fee, setFee] = useState('');
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-referral"
      label="Record ADR referral"
      title={`Record the referral to ${complaint.adr.scheme}`}
      submitLabel="Save referral"
      buttonProps={{ variant: 'default' }}
      fieldMap={{
        'body.schemeCaseReference': 'referral-case',
        'body.referredOn': 'referral-on',
        'body.caseFeePence': 'referral-fee',
      }}
      labels={{
        'body.schemeCaseReference': 'Scheme case reference',
        'body.referredOn': 'Referred on',
        'body.caseFeePence': 'Case fee',
      }}
      body={() => {
        const errors = required(caseRef, 'referral-case', 'Scheme case reference');
        if (!referredOn) errors.push({ inputId: 'referral-on', message: 'Referred on: enter a date' });
        const pence = fee.trim() ? poundsToPence(fee) : undefined;
        if (pence === null)
          errors.push({ inputId: 'referral-fee', message: 'Case fee: enter an amount in pounds' });
        if (errors.length) return errors;
        return { schemeCaseReference: caseRef.trim(), referredOn, caseFeePence: pence ?? undefined };
      }}
    >
      {({ errors }) => (
        <>
          <TextInput
            id="referral-case"
            label="Scheme case reference"
            required
            withAsterisk={false}
            value={caseRef}
            onChange={(e) => setCaseRef(e.currentTarget.value)}
            error={errorFor(errors, 'referral-case')}
          />
          <TextInput
            id="referral-on"
            type="date"
            label="Referred on"
            required
            withAsterisk={false}
            value={referredOn}
            onChange={(e) => setReferredOn(e.currentTarget.value)}
            error={errorFor(errors, 'referral-on')}
          />
          <TextInput
            id="referral-fee"
            label="Case fee in pounds (optional)"
            inputMode="decimal"
            value={fee}
            onChange={(e) => setFee(e.currentTarget.value)}
            error={errorFor(errors, 'referral-fee')}
          />
        </>
      )}
    </ActionDialog>
  );
}

export function RecordOmbudsmanOutcomeForm({ complaint }: Props) {
  const decision = complaint.referral?.decision ?? null;
  const [outcome, setOutcome] = useState<string>(decision?.outcome ?? '');
  const [decidedOn, setDecidedOn] = useState(decision?.decidedOn ?? '');
  const [apology, setApology] = useState(decision?.remedy.apology ?? false);
  const [explanation, setExplanation] = useState(decision?.remedy.explanation ?? false);
  const [action, setAction] = useState(decision?.remedy.action ?? '');
  const [award, setAward] = useState(decision ? (decision.remedy.awardPence / 100).toFixed(2) : '0');
  const [accepted, setAccepted] = useState(
    decision?.customerAccepted === true ? 'yes' : decision?.customerAccepted === false ? 'no' : 'unknown',
  );
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-ombudsman-outcome"
      label="Record ombudsman decision"
      title={`Record the decision of ${complaint.adr.scheme}`}
      submitLabel="Save decision"
      buttonProps={{ variant: 'default' }}
      fieldMap={{
        'body.outcome': 'ombudsman-outcome',
        'body.decidedOn': 'ombudsman-decided-on',
        'body.remedy.action': 'ombudsman-action',
        'body.remedy.awardPence': 'ombudsman-award',
        'body.remedy': 'ombudsman-action',
        'body.customerAccepted': 'ombudsman-accepted',
      }}
      labels={{
        'body.outcome': 'Decision',
        'body.decidedOn': 'Decided on',
        'body.remedy.action': 'Action required',
        'body.remedy.awardPence': 'Award',
        'body.customerAccepted': 'Did the customer accept it?',
      }}
      body={() => {
        const errors: FormError[] = [];
        if (!(outcome in OMBUDSMAN_WORDS))
          errors.push({ inputId: 'ombudsman-outcome', message: 'Decision: choose the scheme’s decision' });
        if (!decidedOn) errors.push({ inputId: 'ombudsman-decided-on', message: 'Decided on: enter a date' });
        const pence = poundsToPence(award || '0');
        if (pence === null)
          errors.push({ inputId: 'ombudsman-award', message: 'Award: enter an amount in pounds' });
        if (errors.length) return errors;
        return {
          outcome: outcome as keyof typeof OMBUDSMAN_WORDS,
          decidedOn,
          remedy: { apology, explanation, action: optional(action) ?? null, awardPence: pence ?? 0 },
          customerAccepted: accepted === 'yes' ? true : accepted === 'no' ? false : null,
        };
      }}
    >
      {({ errors }) => (
        <>
          <NativeSelect
            id="ombudsman-outcome"
            label="Decision"
            required
            withAsterisk={false}
            data={[
              { value: '', label: 'Choose the decision' },
              ...Object.entries(OMBUDSMAN_WORDS).map(([value, label]) => ({ value, label })),
            ]}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            error={errorFor(errors, 'ombudsman-outcome')}
          />
          <TextInput
            id="ombudsman-decided-on"
            type="date"
            label="Decided on"
            required
            withAsterisk={false}
            value={decidedOn}
            onChange={(e) => setDecidedOn(e.currentTarget.value)}
            error={errorFor(errors, 'ombudsman-decided-on')}
          />
          <Checkbox
            label="Remedy: an apology"
            checked={apology}
            onChange={(e) => setApology(e.currentTarget.checked)}
          />
          <Checkbox
            label="Remedy: an explanation"
            checked={explanation}
            onChange={(e) => setExplanation(e.currentTarget.checked)}
          />
          <Textarea
            id="ombudsman-action"
            label="Action required (optional)"
            autosize
            minRows={2}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            error={errorFor(errors, 'ombudsman-action')}
          />
          <TextInput
            id="ombudsman-award"
            label="Award in pounds"
            inputMode="decimal"
            value={award}
            onChange={(e) => setAward(e.currentTarget.value)}
            error={errorFor(errors, 'ombudsman-award')}
          />
          <Radio.Group
            id="ombudsman-accepted-group"
            label="Did the customer accept it?"
            value={accepted}
            onChange={setAccepted}
            error={errorFor(errors, 'ombudsman-accepted')}
          >
            <Stack gap="xs" mt="xs">
              <Radio id="ombudsman-accepted" value="yes" label="Yes, accepted" />
              <Radio value="no" label="No, not accepted" />
              <Radio value="unknown" label="Not answered yet" />
            </Stack>
          </Radio.Group>
        </>
      )}
    </ActionDialog>
  );
}

export function RecordCaseFeeForm({ complaint }: Props) {
  const recorded = complaint.referral?.caseFeePence ?? null;
  const [fee, setFee] = useState(recorded === null ? '' : (recorded / 100).toFixed(2));
  return (
    <ActionDialog
      reference={complaint.reference}
      command="record-case-fee"
      label={recorded === null ? 'Record case fee' : 'Change case fee'}
      title={`The case fee charged by ${complaint.adr.scheme}`}
      submitLabel="Save case fee"
      buttonProps={{ variant: 'default' }}
      fieldMap={{ 'body.caseFeePence': 'case-fee' }}
      labels={{ 'body.caseFeePence': 'Case fee' }}
      body={() => {
        const pence = poundsToPence(fee);
        return pence === null
          ? [{ inputId: 'case-fee', message: 'Case fee: enter an amount in pounds, such as 350.00' }]
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
          <TextInput
            id="case-fee"
            label="Case fee in pounds"
            required
            withAsterisk={false}
            inputMode="decimal"
            autoComplete="off"
            value={fee}
            onChange={(e) => setFee(e.currentTarget.value)}
            error={errorFor(errors, 'case-fee')}
          />
        </>
      )}
    </ActionDialog>
  );
}
