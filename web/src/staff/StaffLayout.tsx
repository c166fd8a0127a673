/**
 * The staff workspace's frame: the queues with their counts, Log a complaint, customers, the mail log and the
 * print queue, admin pages for admins, and the signed-in user's sessions, Change password and 2-step
 * verification (when passwords are in use). Anyone not signed in is
 * sent to the sign-in page and brought back afterwards; anyone signed in with a one-time password chooses
 * their own first, and anyone whose role requires 2-step verification sets it up first.
 */
import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink as MantineNavLink,
  ScrollArea,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api, ProblemError, unwrap } from '../api/client.ts';
import { Loading, ProblemAlert } from '../ui/states.tsx';
import { FirstPasswordPage } from './account/FirstPasswordPage.tsx';
import { FirstSecondFactorPage } from './account/FirstSecondFactorPage.tsx';
import { hasRole, useMe, useSignInOptions } from './session.ts';

/** The queues with their counts, and `landing`: the queue this person starts on. */
export function useQueueMenu(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['queues'],
    queryFn: () => unwrap(api.GET('/api/v1/queues')),
    refetchInterval: 60_000,
  });
}

export function useQueues(enabled = true) {
  const menu = useQueueMenu(enabled);
  return { ...menu, data: menu.data?.items };
}

/**
 * Where /staff lands: the queue that fits the person's roles (a reviewer on attempt 2 waiting for a reviewer,
 * a director on attempt 3), or their own complaints when they have some — never an empty "mine".
 */
export function Landing() {
  const menu = useQueueMenu();
  if (menu.isError) return <ProblemAlert error={menu.error} onRetry={() => menu.refetch()} />;
  if (!menu.data) return <Loading label="Finding your queue" />;
  return <Navigate to={`/staff/queues/${menu.data.landing}`} replace />;
}

export function StaffLayout() {
  const me = useMe();
  const signInOptions = useSignInOptions();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();
  // Not asked for while the password must be changed or 2-step verification set up: the API would refuse it.
  const queues = useQueues(me.data?.mustChangePassword === false && !me.data.secondFactorSetUpRequired);
  const signOut = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      queryClient.clear();
      navigate('/staff/sign-in');
    },
  });

  if (me.isPending) return <Loading label="Opening your workspace" />;
  if (me.error instanceof ProblemError && me.error.status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/staff/sign-in?next=${next}`} replace />;
  }
  if (me.isError) return <ProblemAlert error={me.error} onRetry={() => me.refetch()} />;
  const user = me.data;
  if (user.mustChangePassword) return <FirstPasswordPage user={user} onSignOut={() => signOut.mutate()} />;
  if (user.secondFactorSetUpRequired)
    return <FirstSecondFactorPage user={user} onSignOut={() => signOut.mutate()} />;

  const link = (to: string, label: string, count?: number) => (
    <MantineNavLink
      key={to}
      component={NavLink}
      to={to}
      label={label}
      onClick={close}
      rightSection={
        count === undefined ? undefined : (
          <Badge size="sm" variant={count ? 'filled' : 'light'} color={count ? 'blue' : 'gray'}>
            <VisuallyHidden>, </VisuallyHidden>
            {count}
          </Badge>
        )
      }
    />
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Text component={Link} to="/staff" fw={700} c="blue.9" td="none">
              Redress
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="xs">
              {user.name}
            </Text>
            <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Workspace">
        <AppShell.Section>
          <Button component={Link} to="/staff/log-call" fullWidth mb="sm" onClick={close}>
            Log a complaint
          </Button>
        </AppShell.Section>
        {/*
          Everything below the first button scrolls when the menu is taller than the window. One scrolling
          section, allowed to shrink (min-height 0): sections after a growing one were cut off instead.
        */}
        <AppShell.Section grow component={ScrollArea} type="auto" style={{ minHeight: 0 }}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
            Queues
          </Text>
          {queues.isError && <ProblemAlert error={queues.error} onRetry={() => queues.refetch()} />}
          {queues.data?.map((q) => link(`/staff/queues/${q.id}`, q.name, q.count ?? undefined))}
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4} mt="sm">
            Communication
          </Text>
          {link('/staff/mail', 'Mail')}
          {link('/staff/print-queue', 'Print queue')}
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4} mt="sm">
            Records
          </Text>
          {link('/staff/customers', 'Customers')}
          {link('/staff/improvements', 'Improvements')}
          {(['reviewer', 'director', 'admin'] as const).some((r) => hasRole(user, r)) &&
            link('/staff/workload', 'Workload')}
          {(['reviewer', 'director', 'admin'] as const).some((r) => hasRole(user, r)) &&
            link('/staff/insight', 'Insight')}
          {hasRole(user, 'admin') && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4} mt="sm">
                Administration
              </Text>
              {link('/staff/admin/users', 'Users and roles')}
              {link('/staff/admin/tokens', 'API tokens')}
              {link('/staff/admin/templates', 'Templates')}
              {link('/staff/admin/procedure', 'Procedure')}
            </>
          )}
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4} mt="sm">
            Your account
          </Text>
          {link('/staff/account/sessions', 'Your sessions')}
          {signInOptions.data?.passwords !== false && link('/staff/account/password', 'Change password')}
          {signInOptions.data?.passwords !== false && link('/staff/account/2-step', '2-step verification')}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
