import type { Role } from './procedure.ts';

/** Who issues a command: a member of staff, the customer whose complaint it is, or the clock. */
export type Actor =
  | { kind: 'staff'; id: string; roles: readonly Role[] }
  | { kind: 'customer'; customerId: string }
  | { kind: 'system' };

/** The clock: the procedure's own timers, and what follows from a change by itself. */
export const SYSTEM_ACTOR: Actor = { kind: 'system' };

/** The id recorded against what an actor did (null for the clock). */
export function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case 'staff':
      return actor.id;
    case 'customer':
      return `customer:${actor.customerId}`;
    case 'system':
      return null;
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}
