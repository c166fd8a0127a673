/** The improvement log in two numbers, for the dashboard: items still to be worked, and how many are late. */
import { countOpenImprovements } from '../db/improvements.ts';
import { londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';

export interface ImprovementSummary {
  /** Items open or in progress. */
  open: number;
  /** Of those, the ones past their due date (London, today). */
  overdue: number;
}

export async function summariseImprovements(ctx: AppContext): Promise<ImprovementSummary> {
  return countOpenImprovements(ctx.db.kysely, londonDate(ctx.now()));
}
