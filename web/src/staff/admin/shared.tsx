/** Pieces the admin pages share: role words, the roles fieldset, a confirmation dialog, the done message. */
import { Alert, Badge, Button, Checkbox, Fieldset, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Role } from '../session.ts';

export const ROLE_WORDS: Record<Role, { label: string; description: string }> = {
  agent: { label: 'Agent', description: 'Logs calls and emails; handles Resolution Attempt 1' },
  reviewer: { label: 'Reviewer', description: 'Runs the detailed review of Resolution Attempt 2' },
  director: { label: 'Director', description: 'Reviews Resolution Attempt 3 and signs off deadlock' },
  admin: { label: 'Admin', description: 'Manages users, API tokens and configuration' },
};
/** Mantine's yellow is too pale for text on white: warnings keep the yellow tint with dark words. */
export const WARNING_STYLES = {
  title: { color: 'var(--mantine-color-black)' },
  message: { color: 'var(--mantine-color-black)' },
};

/** Mantine's default error red (red.6) is 3.3:1 on white; red.9 passes 4.5:1. */
export const ERROR_TEXT = { c: 'red.9' } as const;

export const ROLE_ORDER = Object.keys(ROLE_WORDS) as Role[];

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  return (
    <Group gap={4} wrap="wrap">
      {ROLE_ORDER.filter((r) => roles.includes(r)).map((r) => (
        // Never narrower than its word: in a tight column it was cut to "DIR…".
        <Badge key={r} variant="light" color="blue" c="blue.9" size="sm" style={{ minWidth: 'max-content' }}>
          {ROLE_WORDS[r].label}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * Checkboxes for the roles inside a real fieldset and legend. The first checkbox carries `idPrefix` alone,
 * so the error summary can move focus to the group.
 */
export function RolesFieldset({
  idPrefix,
  value,
  onChange,
  error,
}: {
  idPrefix: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error: string | undefined;
}) {
  const errorId = `${idPrefix}-error`;
  return (
    <Fieldset legend="Roles" variant="unstyled" aria-describedby={error ? errorId : undefined}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          Choose at least one.
        </Text>
        {ROLE_ORDER.map((role, i) => (
          <Checkbox
            key={role}
            id={i === 0 ? idPrefix : `${idPrefix}-${role}`}
            label={ROLE_WORDS[role].label}
            description={ROLE_WORDS[role].description}
            checked={value.includes(role)}
            onChange={(e) =>
              onChange(e.currentTarget.checked ? [...value, role] : value.filter((r) => r !== role))
            }
          />
        ))}
        {error && (
          <Text id={errorId} size="sm" c="red.9">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

/** A yes/no question in a dialog: focus is trapped inside and returns to the opener when it closes. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  danger,
  loading,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={danger ? 'red.8' : undefined} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** What an admin action did, announced (a live region) and dismissable. */
export function DoneStatus({ done, onDismiss }: { done: string | null; onDismiss: () => void }) {
  return (
    <div role="status" aria-live="polite">
      {done && (
        <Alert color="teal" variant="outline" withCloseButton closeButtonLabel="Dismiss" onClose={onDismiss}>
          <Text size="sm">{done}</Text>
        </Alert>
      )}
    </div>
  );
}
