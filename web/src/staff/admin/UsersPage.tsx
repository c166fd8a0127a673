/** Placeholder: being built. */
import { PageHeading } from '../../ui/page.tsx';

export function UsersPage() {
  return <PageHeading title="UsersPage" />;
}
