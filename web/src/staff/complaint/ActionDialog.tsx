/**
 * A button that opens a dialog holding one command's form. A refusal with field errors stays in the dialog
 * (error summary linked to the fields); a race (the complaint moved on) closes it and is explained on the page.
 */
import { Button, type ButtonProps, Group, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { createContext, type FormEvent, type ReactNode, useContext, useState } from 'react';
import { ErrorSummary, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { type CommandBody, isRace, type StaffCommand, useCommand } from './api.ts';

/** Where a race is reported: the page shows it above the next-step panel. */
export const RaceContext = createContext<(error: unknown) => void>(() => {});

export interface FormApi {
  errors: FormError[];
  pending: boolean;
}

export function ActionDialog<N extends StaffCommand>({
  reference,
  command,
  label,
  ariaLabel,
  title,
  submitLabel,
  fieldMap,
  labels,
  buttonProps,
  submitColor,
  body,
  children,
  onDone,
}: {
  reference: string;
  command: N;
  /** The opening button's text. */
  label: string;
  /** The opening button's accessible name when it must say more than its text (it starts with the text). */
  ariaLabel?: string;
  title: string;
  submitLabel: string;
  fieldMap: Record<string, string>;
  labels: Record<string, string>;
  buttonProps?: ButtonProps;
  submitColor?: string;
  /** The request body from the form's state, or a list of errors found before sending. */
  body: () => CommandBody<N> | FormError[];
  children: (form: FormApi) => ReactNode;
  onDone?: () => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const mutation = useCommand(reference, command);
  const reportRace = useContext(RaceContext);
  const [localErrors, setLocalErrors] = useState<FormError[]>([]);
  const errors =
    localErrors.length > 0
      ? localErrors
      : mutation.error && !isRace(mutation.error)
        ? formErrors(mutation.error, fieldMap, labels)
        : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = body();
    if (Array.isArray(value)) {
      setLocalErrors(value);
      return;
    }
    setLocalErrors([]);
    mutation.mutate(value, {
      onSuccess: () => {
        close();
        mutation.reset();
        onDone?.();
      },
      onError: (error) => {
        if (isRace(error)) {
          close();
          mutation.reset();
          reportRace(error);
        }
      },
    });
  };

  return (
    <>
      <Button {...buttonProps} onClick={open} aria-label={ariaLabel}>
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          close();
          mutation.reset();
          setLocalErrors([]);
        }}
        title={title}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorSummary errors={errors} />
            {children({ errors, pending: mutation.isPending })}
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  close();
                  mutation.reset();
                  setLocalErrors([]);
                }}
              >
                Cancel
              </Button>
              <Button
                type="submit"
                loading={mutation.isPending}
                color={submitColor}
                h="auto"
                mih={36}
                py={6}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              >
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** A required text field left empty. */
export function required(value: string, inputId: string, label: string): FormError[] {
  return value.trim() ? [] : [{ inputId, message: `${label}: enter some text` }];
}
