/**
 * Shown instead of the workspace to someone whose role requires 2-step verification (MFA_REQUIRED_ROLES)
 * and who has not set it up: the API refuses everything else until they do.
 */
import { Button, Container, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeading } from '../../ui/page.tsx';
import type { User } from '../session.ts';
import { RecoveryCodes, SecondFactorSetUp } from './SecondFactorSetUp.tsx';

export function FirstSecondFactorPage(props: { user: User; onSignOut: () => void }) {
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <Container size={560} py={60} component="main" id="main">
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <PageHeading title="Set up 2-step verification" />
          {codes ? (
            <>
              <Text>
                2-step verification is on. From now on, signing in also asks for a code from the app.
              </Text>
              <RecoveryCodes codes={codes} />
              <Group>
                <Button onClick={() => queryClient.invalidateQueries({ queryKey: ['me'] })}>
                  I have kept my codes: open the workspace
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text>
                You signed in as <strong>{props.user.email}</strong>. Your role requires 2-step verification:
                set it up before you go on.
              </Text>
              <SecondFactorSetUp onConfirmed={setCodes} />
            </>
          )}
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
