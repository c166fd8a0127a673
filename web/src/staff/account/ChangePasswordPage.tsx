/** Change password (`/staff/account/password`), reachable from the workspace menu. */
import { Stack } from '@mantine/core';
import { PageHeading } from '../../ui/page.tsx';
import { Loading } from '../../ui/states.tsx';
import { useMe } from '../session.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ChangePasswordPage() {
  const me = useMe();
  if (!me.data) return <Loading label="Loading your account" />;
  return (
    <Stack>
      <PageHeading title="Change password" />
      <ChangePasswordForm email={me.data.email} />
    </Stack>
  );
}
