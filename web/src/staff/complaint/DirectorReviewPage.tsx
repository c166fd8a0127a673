/** Placeholder: being built. */
import { PageHeading } from '../../ui/page.tsx';

export function DirectorReviewPage() {
  return <PageHeading title="DirectorReviewPage" />;
}
