/**
 * Proposing remedial action: a summary and one or more steps, each with an owner and an optional due date.
 * Steps come and go, so their fields are keyed by a counter that never reuses a number (an error summary
 * link must not land on another step's field after one is removed).
 */
import { Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormError } from '../../../ui/ErrorSummary.tsx';
import { type FieldPaths, fieldProps, useFields } from '../../../ui/fields.ts';
import { londonToday, poundsToPence } from '../../../ui/format.ts';
import { TemplatePicker } from '../../templates/TemplatePicker.tsx';
import { ActionDialog } from '../ActionDialog.tsx';
import type { CommandFormProps } from './types.ts';

interface StepDraft {
  key: number;
  description: string;
  owner: string;
  dueOn: string;
}

/** A step's inputs: their ids, their labels and the body paths of their refusals, written once. */
function stepFields(step: StepDraft, i: number) {
  return {
    description: { id: `step-${step.key}-description`, label: `Step ${i + 1} description` },
    owner: { id: `step-${step.key}-owner`, label: `Step ${i + 1} owner` },
    dueOn: { id: `step-${step.key}-due`, label: `Step ${i + 1} due date` },
  };
}

function stepPaths(steps: StepDraft[], base: FieldPaths): FieldPaths {
  const paths: FieldPaths = { fieldMap: { ...base.fieldMap }, labels: { ...base.labels } };
  steps.forEach((s, i) => {
    const fields = stepFields(s, i);
    paths.fieldMap[`body.steps.${i}`] = fields.description.id;
    paths.labels[`body.steps.${i}`] = `Step ${i + 1}`;
    for (const name of ['description', 'dueOn'] as const) {
      paths.fieldMap[`body.steps.${i}.${name}`] = fields[name].id;
      paths.labels[`body.steps.${i}.${name}`] = fields[name].label;
    }
    paths.fieldMap[`body.steps.${i}.ownerId`] = fields.owner.id;
    paths.labels[`body.steps.${i}.ownerId`] = fields.owner.label;
  });
  return paths;
}

function stepErrors(step: StepDraft, i: number, today: string): FormError[] {
  const fields = stepFields(step, i);
  const errors: FormError[] = [];
  if (!step.description.trim())
    errors.push({ inputId: fields.description.id, message: `${fields.description.label}: enter some text` });
  if (!step.owner)
    errors.push({ inputId: fields.owner.id, message: `${fields.owner.label}: choose who does it` });
  if (step.dueOn && step.dueOn < today)
    errors.push({ inputId: fields.dueOn.id, message: `${fields.dueOn.label}: must not be in the past` });
  return errors;
}

export function ProposeForm({ complaint, staff }: CommandFormProps) {
  const form = useFields({
    summary: {
      id: 'propose-summary',
      label: 'Summary of the proposal',
      inputLabel: 'Summary of the proposal — quoted to the customer in the proposal letter',
      initial: '',
      need: 'required',
    },
    // The remedies the proposal gives, as the management information counts them (issue 12).
    apology: { id: 'propose-apology', label: 'An apology', initial: false },
    explanation: { id: 'propose-explanation', label: 'An explanation', initial: false },
    action: { id: 'propose-action', label: 'Practical action (a repair, a correction)', initial: false },
    credit: {
      id: 'propose-credit',
      label: 'Credit or refund (£)',
      initial: '',
      need: 'optional',
      path: 'remedies',
      alsoPaths: ['remedies.0.amountPence', 'remedies.1.amountPence', 'remedies.2.amountPence'],
    },
    goodwill: { id: 'propose-goodwill', label: 'Goodwill payment (£)', initial: '', need: 'optional' },
  });
  const [nextKey, setNextKey] = useState(1);
  const [steps, setSteps] = useState<StepDraft[]>([{ key: 0, description: '', owner: '', dueOn: '' }]);
  const update = (key: number, patch: Partial<StepDraft>) =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const addStep = () => {
    setSteps((all) => [...all, { key: nextKey, description: '', owner: '', dueOn: '' }]);
    setNextKey((k) => k + 1);
  };
  const ownerOptions = [
    { value: '', label: 'Choose an owner' },
    { value: 'customer', label: 'The customer' },
    ...staff.filter((u) => u.active !== false).map((u) => ({ value: u.id, label: u.name })),
  ];
  const today = londonToday();

  return (
    <ActionDialog
      reference={complaint.reference}
      command="propose"
      label="Propose remedial action"
      title="Propose remedial action"
      submitLabel="Save the proposal and send it to the customer"
      paths={stepPaths(steps, form.paths)}
      preview
      body={() => {
        const errors = [...form.missing(), ...steps.flatMap((s, i) => stepErrors(s, i, today))];
        const money = (key: 'credit' | 'goodwill') => {
          const text = form.values[key].trim();
          const pence = text ? poundsToPence(text) : 0;
          if (pence === null || pence < 0) {
            errors.push({
              inputId: form.id(key),
              message: `${key === 'credit' ? 'Credit or refund' : 'Goodwill payment'}: enter an amount in pounds, such as 12.50`,
            });
          }
          return pence ?? 0;
        };
        const credit = money('credit');
        const goodwill = money('goodwill');
        if (errors.length) return errors;
        const { apology, explanation, action } = form.values;
        return {
          remedies: [
            ...(apology ? [{ type: 'apology' as const }] : []),
            ...(explanation ? [{ type: 'explanation' as const }] : []),
            ...(action ? [{ type: 'practical-action' as const }] : []),
            ...(credit > 0 ? [{ type: 'credit-refund' as const, amountPence: credit }] : []),
            ...(goodwill > 0 ? [{ type: 'goodwill' as const, amountPence: goodwill }] : []),
          ],
          summary: form.values.summary.trim(),
          steps: steps.map((s) => ({
            description: s.description.trim(),
            ownerId: s.owner === 'customer' ? null : s.owner,
            ...(s.dueOn ? { dueOn: s.dueOn } : {}),
          })),
        };
      }}
      onDone={() => {
        form.reset();
        setSteps([{ key: nextKey, description: '', owner: '', dueOn: '' }]);
        setNextKey((k) => k + 1);
      }}
    >
      {({ errors }) => (
        <>
          <TemplatePicker
            purpose="proposal"
            stage={complaint.stage}
            reference={complaint.reference}
            id="propose-template"
            onFill={(filled) => form.set('summary', filled.body)}
          />
          <Textarea
            {...form.text('summary', errors)}
            description="What you propose to put things right, written to the customer: the letter and the email print it as written."
            autosize
            minRows={3}
          />
          {steps.map((s, i) => {
            const fields = stepFields(s, i);
            return (
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
                    {...fieldProps(errors, fields.description.id, fields.description.label)}
                    required
                    withAsterisk={false}
                    autosize
                    minRows={2}
                    value={s.description}
                    onChange={(e) => update(s.key, { description: e.currentTarget.value })}
                  />
                  <NativeSelect
                    {...fieldProps(errors, fields.owner.id, fields.owner.label)}
                    required
                    withAsterisk={false}
                    data={ownerOptions}
                    value={s.owner}
                    onChange={(e) => update(s.key, { owner: e.currentTarget.value })}
                  />
                  <TextInput
                    {...fieldProps(errors, fields.dueOn.id, `${fields.dueOn.label} (optional)`)}
                    type="date"
                    description="Leave empty for the procedure’s default."
                    min={today}
                    value={s.dueOn}
                    onChange={(e) => update(s.key, { dueOn: e.currentTarget.value })}
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
            );
          })}
          <Group>
            <Button variant="default" onClick={addStep}>
              Add a step
            </Button>
          </Group>
          <fieldset style={{ border: '1px solid var(--mantine-color-gray-5)', borderRadius: 4 }}>
            <legend>
              <Text fw={600} span>
                What the proposal gives the customer
              </Text>
            </legend>
            <Stack gap="xs">
              <Checkbox {...form.check('apology')} />
              <Checkbox {...form.check('explanation')} />
              <Checkbox {...form.check('action')} />
              <Group grow align="flex-start">
                <TextInput {...form.text('credit', errors)} inputMode="decimal" />
                <TextInput {...form.text('goodwill', errors)} inputMode="decimal" />
              </Group>
            </Stack>
          </fieldset>
        </>
      )}
    </ActionDialog>
  );
}
