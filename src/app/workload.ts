/**
 * The workload view: open complaints per person and per stage, their overdue steps, and each person's
 * nearest ADR limit, people with the nearest limit first — and the same for complaints nobody owns yet, by
 * stage, so a manager sees at once where work waits and who can take it.
 */
import { listUsers } from '../db/users.ts';
import { countOpenByOwnerAndStage, countOverdueStepsByOwner } from '../db/workload.ts';
import { OPEN_STAGES, type OpenStage, type Role } from '../domain/procedure.ts';
import { daysBetween, type LocalDate, londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';

export interface WorkloadRow {
  /** Null for the complaints nobody owns. */
  person: { id: string; name: string; roles: Role[]; active: boolean } | null;
  byStage: Record<OpenStage, number>;
  open: number;
  overdueSteps: number;
  /** The nearest ADR limit among their complaints without an ADR letter, and the days left to it. */
  nextAdrDueOn: LocalDate | null;
  adrDaysLeft: number | null;
}

const noStages = (): Record<OpenStage, number> =>
  Object.fromEntries(OPEN_STAGES.map((s) => [s, 0])) as Record<OpenStage, number>;

const earlier = (a: LocalDate | null, b: LocalDate | null) => (a === null ? b : b === null || a <= b ? a : b);

/** Everyone with open work or a working role, and the unassigned row, nearest ADR limit first. */
export async function getWorkload(ctx: AppContext) {
  const db = ctx.db.kysely;
  const today = londonDate(ctx.now());
  const [counts, overdue, users] = await Promise.all([
    countOpenByOwnerAndStage(db),
    countOverdueStepsByOwner(db, today),
    listUsers(db),
  ]);
  const rows = new Map<string | null, WorkloadRow>();
  const rowFor = (ownerId: string | null): WorkloadRow => {
    let row = rows.get(ownerId);
    if (!row) {
      const user = ownerId === null ? undefined : users.find((u) => u.id === ownerId);
      row = {
        person:
          ownerId === null
            ? null
            : {
                id: ownerId,
                name: user?.name ?? 'former member of staff',
                roles: user?.roles ?? [],
                active: user?.active ?? false,
              },
        byStage: noStages(),
        open: 0,
        overdueSteps: ownerId === null ? 0 : (overdue.get(ownerId) ?? 0),
        nextAdrDueOn: null,
        adrDaysLeft: null,
      };
      rows.set(ownerId, row);
    }
    return row;
  };
  rowFor(null);
  for (const user of users) {
    if (user.active && user.roles.some((r) => r !== 'admin')) rowFor(user.id);
  }
  for (const c of counts) {
    const row = rowFor(c.ownerId);
    row.byStage[c.stage as OpenStage] += c.open;
    row.open += c.open;
    row.nextAdrDueOn = earlier(row.nextAdrDueOn, c.nextAdrDueOn);
  }
  const people = [...rows.values()].map((row) => ({
    ...row,
    adrDaysLeft: row.nextAdrDueOn === null ? null : daysBetween(today, row.nextAdrDueOn),
  }));
  people.sort(
    (a, b) =>
      (a.nextAdrDueOn ?? '9999').localeCompare(b.nextAdrDueOn ?? '9999') ||
      b.open - a.open ||
      (a.person?.name ?? '').localeCompare(b.person?.name ?? ''),
  );
  const stages: { id: OpenStage; name: string }[] = OPEN_STAGES.map((id) => ({
    id,
    name: ctx.procedure.stages[id].name,
  }));
  return { stages, rows: people };
}
