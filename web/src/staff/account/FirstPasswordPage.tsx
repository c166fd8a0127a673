/**
 * Shown instead of the workspace to someone signed in with a password someone else chose (the first start's
 * admin, an admin's reset): the API refuses everything else until they choose their own.
 */
import { Button, Container, Group, Paper, Stack, Text } from '@mantine/core';
import { PageHeading } from '../../ui/page.tsx';
import type { User } from '../session.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function FirstPasswordPage(props: { user: User; onSignOut: () => void }) {
  return (
    <Container size={520} py={60} component="main" id="main">
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <PageHeading title="Choose your own password" />
          <Text>
            You signed in as <strong>{props.user.email}</strong> with a password someone else set for you.
            Choose your own before you go on: the workspace opens once it is changed.
          </Text>
          <ChangePasswordForm email={props.user.email} />
          <Group>
            <Button variant="subtle" onClick={props.onSignOut}>
              Sign out
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Container>
  );
}
