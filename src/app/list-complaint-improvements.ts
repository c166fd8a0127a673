/**
 * The improvement items that list a complaint, for its page. Its own endpoint rather than part of the
 * complaint's GET, which stays one query (db/complaint-view.ts).
 */
import { findComplaintIdentity, listImprovementsOfComplaint } from '../db/improvements.ts';
import { londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { type ImprovementView, improvementView, ownerNames } from './improvement-checks.ts';
import { canonicalReference } from './reference.ts';

/** Newest first; `not-found` for a complaint that does not exist. */
export async function listComplaintImprovements(ctx: AppContext, input: string): Promise<ImprovementView[]> {
  const reference = canonicalReference(ctx.procedure, input);
  const db = ctx.db.kysely;
  const complaint = await findComplaintIdentity(db, reference);
  if (!complaint) throw notFound(`complaint ${reference}`);
  const items = await listImprovementsOfComplaint(db, complaint.id);
  const name = await ownerNames(db, items);
  const today = londonDate(ctx.now());
  return items.map((item) => improvementView(item, name(item.ownerId), today));
}
