/** Placeholder: being built. */
import { PageHeading } from '../ui/page.tsx';

export function PortalComplaintPage() {
  return <PageHeading title="PortalComplaintPage" />;
}
