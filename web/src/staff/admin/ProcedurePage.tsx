/** Placeholder: being built. */
import { PageHeading } from '../../ui/page.tsx';

export function ProcedurePage() {
  return <PageHeading title="ProcedurePage" />;
}
