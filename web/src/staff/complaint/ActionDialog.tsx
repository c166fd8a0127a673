/**
 * A button that opens a dialog holding one command's form. A refusal with field errors stays in the dialog
 * (error summary linked to the fields); a race (the complaint moved on) closes it and is explained on the page.
 * A success closes it, says what was done (role="status") and moves focus to the page's heading for the next
 * step, since the command has usually removed its own button.
 */
import { Button, type ButtonProps, Group, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ErrorSummary, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import type { FieldPaths } from '../../ui/fields.ts';
import {
  type CommandBody,
  type Complaint,
  type CustomerFacingPreview,
  isRace,
  type StaffCommand,
  useCommand,
  usePreview,
} from './api.ts';
import { PreviewPanel } from './PreviewPanel.tsx';
import { DONE_WORDS } from './words.ts';

/** How a command's outcome reaches the page. */
export interface CommandReports {
  /** The complaint moved on under the form: the page explains it by the next step and focuses there. */
  race: (error: unknown) => void;
  /**
   * A command succeeded: the page clears any race message and announces `message`; unless `keepFocus`, it
   * moves focus to its next-step heading.
   */
  done: (message: string, keepFocus?: boolean) => void;
  /** A command succeeded that announces itself (assigning): only clears any race message. */
  clearRace: () => void;
}

export const CommandContext = createContext<CommandReports>({
  race: () => {},
  done: () => {},
  clearRace: () => {},
});

export interface DoneMessage {
  message: string;
  keepFocus: boolean;
  /** Counts the announcements, so the same words said twice are announced twice. */
  n: number;
}

/** The page's side of CommandContext: the race and done messages and the heading that takes focus. */
export function useCommandReports() {
  const [race, setRace] = useState<unknown>(null);
  const [done, setDone] = useState<DoneMessage | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reports = useMemo<CommandReports>(
    () => ({
      race: (error) => {
        setDone(null);
        setRace(error);
        setFocusRequest((n) => n + 1);
      },
      done: (message, keepFocus = false) => {
        setRace(null);
        setDone((d) => ({ message, keepFocus, n: (d?.n ?? 0) + 1 }));
        if (!keepFocus) setFocusRequest((n) => n + 1);
      },
      clearRace: () => setRace(null),
    }),
    [],
  );
  // After the dialog has closed (without returning focus to its button, which has usually gone).
  useEffect(() => {
    if (focusRequest) headingRef.current?.focus();
  }, [focusRequest]);
  return { reports, race, dismissRace: () => setRace(null), done, headingRef };
}

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
  paths,
  buttonProps,
  submitColor,
  body,
  children,
  onDone,
  doneMessage,
  keepFocus = false,
  preview = false,
}: {
  reference: string;
  command: N;
  /** The opening button's text. */
  label: string;
  /** The opening button's accessible name when it must say more than its text (it starts with the text). */
  ariaLabel?: string;
  title: string;
  submitLabel: string;
  /** Which field each refused body path belongs to (from `useFields`). */
  paths: FieldPaths;
  buttonProps?: ButtonProps;
  submitColor?: string;
  /** The request body from the form's state, or a list of errors found before sending. */
  body: () => CommandBody<N> | FormError[];
  children: (form: FormApi) => ReactNode;
  onDone?: () => void;
  /** What was done, announced on success; by default the command's words in DONE_WORDS. */
  doneMessage?: string | ((complaint: Complaint) => string);
  /** The command leaves its button in place (notes, contacts): focus goes back to it on success. */
  keepFocus?: boolean;
  /**
   * The command writes to the customer: the first press shows what they will get (the server's preview),
   * and only a press on the same form confirms it.
   */
  preview?: boolean;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  // Off when the page takes focus itself (after a success or a race), so the Modal does not steal it back.
  const [returnFocus, setReturnFocus] = useState(true);
  const mutation = useCommand(reference, command);
  const previewing = usePreview(reference, command);
  const [shown, setShown] = useState<{ key: string; items: CustomerFacingPreview[] } | null>(null);
  const reports = useContext(CommandContext);
  const [localErrors, setLocalErrors] = useState<FormError[]>([]);
  const refusal = mutation.error ?? previewing.error;
  const errors =
    localErrors.length > 0
      ? localErrors
      : refusal && !isRace(refusal)
        ? formErrors(refusal, paths.fieldMap, paths.labels)
        : [];
  // The form as it stands, to tell whether the preview shown is of it.
  const current = opened && preview ? body() : null;
  const currentKey = current && !Array.isArray(current) ? JSON.stringify(current) : null;
  const confirming = !preview || (shown !== null && shown.key === currentKey);
  const reset = () => {
    mutation.reset();
    previewing.reset();
    setShown(null);
    setLocalErrors([]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = body();
    if (Array.isArray(value)) {
      setLocalErrors(value);
      return;
    }
    setLocalErrors([]);
    if (!confirming) {
      const key = JSON.stringify(value);
      previewing.mutateAsync(value).then(
        (items) => setShown({ key, items }),
        (error) => {
          if (isRace(error)) {
            setReturnFocus(false);
            close();
            reset();
            reports.race(error);
          }
        },
      );
      return;
    }
    // mutateAsync: the outcome is reported even when the success removes this dialog's button (and so this
    // component) before the callbacks of `mutate` would run.
    mutation.mutateAsync(value).then(
      (complaint) => {
        setReturnFocus(keepFocus);
        close();
        reset();
        onDone?.();
        reports.done(
          typeof doneMessage === 'function' ? doneMessage(complaint) : (doneMessage ?? DONE_WORDS[command]),
          keepFocus,
        );
      },
      (error) => {
        if (isRace(error)) {
          setReturnFocus(false);
          close();
          reset();
          reports.race(error);
        }
      },
    );
  };

  return (
    <>
      <Button
        {...buttonProps}
        onClick={() => {
          setReturnFocus(true);
          open();
        }}
        aria-label={ariaLabel}
      >
        {label}
      </Button>
      <Modal
        opened={opened}
        returnFocus={returnFocus}
        onClose={() => {
          close();
          reset();
        }}
        title={title}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorSummary errors={errors} />
            {children({ errors, pending: mutation.isPending })}
            {shown && <PreviewPanel items={shown.items} stale={shown.key !== currentKey} />}
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  close();
                  reset();
                }}
              >
                Cancel
              </Button>
              <Button
                type="submit"
                loading={mutation.isPending || previewing.isPending}
                color={submitColor}
                h="auto"
                mih={36}
                py={6}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              >
                {confirming ? submitLabel : shown ? 'Preview again' : 'Preview what the customer gets'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
