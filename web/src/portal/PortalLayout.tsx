/** The customer's frame: the company's name, the three things a customer comes for, and the code. */
import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useProcedure } from '../procedure.ts';

/** Mantine's default error red is under 4.5:1 on white; the darkest red keeps error text and inputs readable. */
const DARK_ERRORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

export function PortalLayout() {
  const procedure = useProcedure();
  const company = procedure.data?.procedure.company;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Box component="header" bg="blue.9" c="white" py="sm">
        <Container size="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to="/" c="white" fw={700} size="lg" underline="never">
              {company?.tradingName ?? 'Complaints'}
            </Anchor>
            <Group component="nav" aria-label="Complaints" gap="md">
              <Anchor component={NavLink} to="/complain" c="white">
                Make a complaint
              </Anchor>
              <Anchor component={NavLink} to="/track" c="white">
                Track a complaint
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="md" py="lg" component="main" id="main" tabIndex={-1} style={DARK_ERRORS}>
        <Outlet />
      </Container>
      <Box component="footer" py="lg" bg="gray.1">
        <Container size="md">
          <Stack gap={4}>
            <Anchor href="/complaints-procedure">Read our Complaints Code</Anchor>
            {company && (
              <Text size="sm">
                {company.name} · {company.phone} · {company.email}
              </Text>
            )}
            <Anchor component={Link} to="/staff" size="sm">
              Staff sign in
            </Anchor>
          </Stack>
        </Container>
      </Box>
    </>
  );
}
