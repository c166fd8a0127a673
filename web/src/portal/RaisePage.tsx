/** Placeholder: being built. */
import { PageHeading } from '../ui/page.tsx';

export function RaisePage() {
  return <PageHeading title="RaisePage" />;
}
