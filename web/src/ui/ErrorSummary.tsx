/**
 * The error summary of an accessible form (the GOV.UK pattern): a list at the top, focused when it
 * appears, each message a link that moves focus to its field.
 */
import { Alert, Anchor, List } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { type FieldError, ProblemError } from '../api/client.ts';

export interface FormError {
  /** The id of the input to focus, or null for a message about the whole form. */
  inputId: string | null;
  message: string;
}

/**
 * The form's errors from an API refusal. `fields` maps API field paths (`body.customer.email`) to input ids;
 * a path is matched by its longest mapped prefix.
 */
export function formErrors(
  error: unknown,
  fields: Record<string, string>,
  labels: Record<string, string> = {},
) {
  if (!(error instanceof ProblemError)) return [];
  const list: FieldError[] = error.errors.length
    ? error.errors
    : error.field
      ? [{ field: error.field, message: error.message }]
      : [];
  if (list.length === 0) return [{ inputId: null, message: error.message }];
  return list.map(({ field: given, message }): FormError => {
    // Use cases name a body field bare (`referredOn`); the HTTP layer's validation says `body.referredOn`.
    const field = /^(body|querystring|params|headers)(\.|$)/.test(given) ? given : `body.${given}`;
    const key = Object.keys(fields)
      .filter((k) => field === k || field.startsWith(`${k}.`))
      .sort((a, b) => b.length - a.length)[0];
    const inputId = key ? (fields[key] ?? null) : null;
    const label = key ? labels[key] : undefined;
    const text = message.startsWith(given) ? message.slice(given.length).trim() : message;
    return { inputId, message: label ? `${label}: ${text}` : `${given.replace(/^body\./, '')} ${text}` };
  });
}

/** The message for one input, for its `error` prop. */
export function errorFor(errors: FormError[], inputId: string): string | undefined {
  return errors.find((e) => e.inputId === inputId)?.message;
}

export function ErrorSummary({ errors }: { errors: FormError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves to the summary when its content changes, not on every render: forms rebuild the list
  // each time the person types, and focus must stay where they are typing.
  const signature = errors.map((e) => `${e.inputId}:${e.message}`).join('\n');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!errors.length) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      title="There is a problem"
      role="alert"
      aria-labelledby={undefined}
      variant="light"
    >
      <List size="sm">
        {errors.map((e) => (
          <List.Item key={`${e.inputId}:${e.message}`}>
            {e.inputId ? (
              <Anchor
                href={`#${e.inputId}`}
                c="red.9"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(e.inputId as string)?.focus();
                }}
              >
                {e.message}
              </Anchor>
            ) : (
              e.message
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
