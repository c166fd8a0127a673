/** Placeholder: being built. */
import { PageHeading } from '../../ui/page.tsx';

export function LogCallPage() {
  return <PageHeading title="LogCallPage" />;
}
