/**
 * A group of radios or checkboxes as a real fieldset with a legend (WCAG 1.3.1), its hint and error tied to
 * it, and the first option carrying the group's id so that the error summary can move focus there.
 */
import { Box, Checkbox, Radio, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

interface Option<T extends string> {
  value: T;
  label: string;
  description?: ReactNode;
}

interface GroupProps {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  children: ReactNode;
}

const fieldsetStyle = { border: 0, padding: 0, margin: 0, minWidth: 0 };

export function FieldGroup({ id, legend, hint, error, required, children }: GroupProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <Box component="fieldset" style={fieldsetStyle} aria-describedby={describedBy || undefined}>
      <Text component="legend" fw={600} size="sm" mb={4} p={0}>
        {legend}
        {required ? (
          <Text component="span" c="red.8" aria-hidden="true">
            {' *'}
          </Text>
        ) : (
          ' (optional)'
        )}
      </Text>
      {hint && (
        <Text id={`${id}-hint`} size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {error && (
        <Text id={`${id}-error`} size="sm" c="red.8" fw={600} mb="xs">
          <VisuallyHidden>Error: </VisuallyHidden>
          {error}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
    </Box>
  );
}

export function RadioFieldset<T extends string>({
  value,
  onChange,
  options,
  ...group
}: Omit<GroupProps, 'children'> & { value: T | null; onChange: (value: T) => void; options: Option<T>[] }) {
  return (
    <FieldGroup {...group}>
      {options.map((option, i) => (
        <Radio
          key={option.value}
          id={i === 0 ? group.id : `${group.id}-${option.value}`}
          name={group.id}
          value={option.value}
          label={option.label}
          description={option.description}
          checked={value === option.value}
          onChange={() => onChange(option.value)}
          required={group.required}
          error={Boolean(group.error)}
        />
      ))}
    </FieldGroup>
  );
}

export function CheckboxFieldset<T extends string>({
  values,
  onChange,
  options,
  ...group
}: Omit<GroupProps, 'children'> & {
  values: Record<T, boolean>;
  onChange: (value: T, checked: boolean) => void;
  options: Option<T>[];
}) {
  return (
    <FieldGroup {...group}>
      {options.map((option, i) => (
        <Checkbox
          key={option.value}
          id={i === 0 ? group.id : `${group.id}-${option.value}`}
          label={option.label}
          description={option.description}
          checked={values[option.value]}
          onChange={(event) => onChange(option.value, event.currentTarget.checked)}
        />
      ))}
    </FieldGroup>
  );
}
