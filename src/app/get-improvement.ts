/** One item of the improvement log with the complaints it lists, for any member of staff. */
import { listLinkedComplaints } from '../db/improvements.ts';
import { findUsersByIds } from '../db/users.ts';
import type { Stage } from '../domain/procedure.ts';
import { londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { type ImprovementView, improvementView, requireImprovement } from './improvement-checks.ts';

export interface ImprovementDetail extends ImprovementView {
  /** The complaints that showed the problem, in the order they were linked. */
  complaints: {
    reference: string;
    stage: Stage;
    stageName: string;
    category: string;
    receivedAt: string;
    rootCause: string | null;
    linkedAt: string;
    linkedBy: { id: string; name: string };
  }[];
}

export async function getImprovement(ctx: AppContext, reference: string): Promise<ImprovementDetail> {
  const db = ctx.db.kysely;
  const item = await requireImprovement(db, reference);
  const complaints = await listLinkedComplaints(db, item.id);
  const people = await findUsersByIds(db, [item.ownerId, ...complaints.map((c) => c.linkedBy)]);
  const name = (id: string) => people.get(id)?.name ?? 'former member of staff';
  return {
    ...improvementView(item, name(item.ownerId), londonDate(ctx.now())),
    complaints: complaints.map((c) => ({
      ...c,
      stage: c.stage as Stage,
      stageName: ctx.procedure.stages[c.stage as Stage].name,
      linkedBy: { id: c.linkedBy, name: name(c.linkedBy) },
    })),
  };
}
