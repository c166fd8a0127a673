/**
 * What was fixed in a month: the items marked done in it (London time), in the order they were done, with
 * the action taken and the complaints that showed each problem. For the monthly report.
 */
import { listDoneBetween, listLinkedComplaints } from '../db/improvements.ts';
import { addMonths, londonDate, startOfLondonDay } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { invalidField } from './errors.ts';
import { type ImprovementView, improvementView, ownerNames } from './improvement-checks.ts';

export interface FixedImprovement extends ImprovementView {
  /** The references of the complaints it lists. */
  complaints: string[];
}

/** `month` is `YYYY-MM`. An item is listed in the month it was last marked done; one reopened since is not. */
export async function listImprovementsDone(ctx: AppContext, month: string): Promise<FixedImprovement[]> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalidField('month', 'must be a month written YYYY-MM');
  const first = `${month}-01`;
  const from = startOfLondonDay(first).toISOString();
  const to = startOfLondonDay(addMonths(first, 1)).toISOString();
  const db = ctx.db.kysely;
  const items = await listDoneBetween(db, from, to);
  const name = await ownerNames(db, items);
  const today = londonDate(ctx.now());
  return Promise.all(
    items.map(async (item) => ({
      ...improvementView(item, name(item.ownerId), today),
      complaints: (await listLinkedComplaints(db, item.id)).map((c) => c.reference),
    })),
  );
}
