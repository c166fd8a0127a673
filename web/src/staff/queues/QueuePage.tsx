/** Placeholder: being built. */
import { PageHeading } from '../../ui/page.tsx';

export function QueuePage() {
  return <PageHeading title="QueuePage" />;
}
