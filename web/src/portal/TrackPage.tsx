/** Placeholder: being built. */
import { PageHeading } from '../ui/page.tsx';

export function TrackPage() {
  return <PageHeading title="TrackPage" />;
}
