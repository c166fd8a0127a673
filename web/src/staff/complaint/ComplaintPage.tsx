/** Placeholder: being built. */
import { PageHeading } from '../../ui/page.tsx';

export function ComplaintPage() {
  return <PageHeading title="ComplaintPage" />;
}
