/** How staff are named to customers: the job title that goes under a name in a letter or a reply. */
import type { Role } from './procedure.ts';

const JOB_TITLES: Record<Role, string> = {
  director: 'Director',
  reviewer: 'Complaints Reviewer',
  agent: 'Customer Relations Adviser',
  admin: 'Customer Relations',
};

// The most senior role a person holds is the one a customer should read.
const SENIORITY: readonly Role[] = ['director', 'reviewer', 'agent', 'admin'];

/** The job title of someone holding `roles`, by their most senior role. */
export function jobTitleOf(roles: readonly Role[]): string {
  const role = SENIORITY.find((r) => roles.includes(r));
  return role ? JOB_TITLES[role] : 'Customer Relations';
}
