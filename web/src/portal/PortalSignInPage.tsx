/** Placeholder: being built. */
import { PageHeading } from '../ui/page.tsx';

export function PortalSignInPage() {
  return <PageHeading title="PortalSignInPage" />;
}
