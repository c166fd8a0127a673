/** Placeholder: being built. */
import { PageHeading } from '../../ui/page.tsx';

export function TokensPage() {
  return <PageHeading title="TokensPage" />;
}
