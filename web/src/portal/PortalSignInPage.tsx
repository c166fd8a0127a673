/**
 * /track/sign-in?token=…: the one-time link from the sign-in email. The token is read once and taken out of
 * the address bar and the history at once, before anything else happens, so that no outcome (signed in,
 * expired, a network failure, a page left loading) leaves it there. It is exchanged once: React's development
 * double effect must not spend it twice, or a successful sign-in would be followed by "expired".
 */
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ProblemError, unwrap } from '../api/client.ts';
import { PageHeading } from '../ui/page.tsx';
import { Loading, ProblemAlert } from '../ui/states.tsx';

const SIGN_IN_PATH = '/track/sign-in';

export function PortalSignInPage() {
  const [params] = useSearchParams();
  // Read once: the address changes below, and the token must not depend on it afterwards.
  const [token] = useState(() => params.get('token') ?? '');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Survives StrictMode's simulated unmount and remount, which runs the effect a second time.
  const started = useRef(false);
  const signIn = useMutation({
    mutationFn: (value: string) => unwrap(api.POST('/api/v1/portal/sign-in', { body: { token: value } })),
    onSuccess: async (session) => {
      await queryClient.invalidateQueries({ queryKey: ['portal-complaint'] });
      if (session.reference) {
        navigate(`/track/complaints/${encodeURIComponent(session.reference)}`, { replace: true });
      }
    },
  });
  const usable = token.length >= 20;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // Out of the address bar and this history entry before the API is asked anything. The router's own
    // state (its key and index) is kept, so that back and forward still work.
    if (window.location.search || window.location.hash) {
      window.history.replaceState(window.history.state, '', SIGN_IN_PATH);
    }
    if (usable) signIn.mutate(token);
  }, [token, usable, signIn]);

  const spent =
    !usable ||
    (signIn.error instanceof ProblemError &&
      (signIn.error.code === 'unauthenticated' || signIn.error.code === 'validation'));
  return (
    <Stack gap="lg" maw={560}>
      <PageHeading title={spent ? 'This sign-in link has expired' : 'Signing you in'} />
      {spent ? (
        <Alert color="red" variant="light" title="The link no longer works" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text>
              A sign-in link works once, for 30 minutes. This one has expired, was already used, or was not
              copied in full.
            </Text>
            <Anchor component={Link} to="/track">
              Ask for a new sign-in link
            </Anchor>
          </Stack>
        </Alert>
      ) : signIn.isError ? (
        <ProblemAlert error={signIn.error} onRetry={() => signIn.mutate(token)} />
      ) : signIn.data && !signIn.data.reference ? (
        <Alert color="blue" variant="light" title="You are signed in" role="status">
          <Anchor component={Link} to="/track">
            Track a complaint
          </Anchor>
        </Alert>
      ) : (
        <Loading label="Signing you in" />
      )}
    </Stack>
  );
}
