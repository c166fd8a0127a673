/**
 * An erasure request (UK GDPR article 17): the customer's personal data anonymised now, as the retention
 * purge would later (anonymise.ts) — unless the law still needs it. Refused, with the reason, while a
 * complaint of theirs is open (it is being handled) or within 12 months of an ADR letter (the customer may
 * still take it to the scheme, and the record must be there; REGULATORY items 9 and 17). Audited on every
 * complaint's chain and on the system chain.
 */
import { adrLettersOf, listComplaintsForErasure } from '../db/anonymise.ts';
import { lockCustomers } from '../db/customers.ts';
import { transaction } from '../db/database.ts';
import type { Actor } from '../domain/actor.ts';
import { ADR_RETENTION_FLOOR_MONTHS, keptUntil } from '../domain/retention.ts';
import { londonDate } from '../domain/time.ts';
import { anonymiseComplaint, anonymiseCustomer, removeUnnamedDocuments } from './anonymise.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { auditActor } from './record-decision.ts';

export interface Erasure {
  customerId: string;
  /** The complaints anonymised now (those the purge had done already are left out). */
  complaints: string[];
  documentsRemoved: number;
}

/** Erases customer `customerId`'s personal data, or refuses with the reason (`erasure-refused`). */
export async function eraseCustomer(
  ctx: AppContext,
  customerId: string,
  actor: Extract<Actor, { kind: 'staff' | 'system' }>,
): Promise<Erasure> {
  const at = ctx.now().toISOString();
  const today = londonDate(ctx.now());
  const by = auditActor(actor);
  const { complaints, unnamed } = await transaction(ctx.db, async (trx) => {
    const customer = (await lockCustomers(trx, [customerId])).get(customerId);
    if (!customer) throw notFound(`customer ${customerId}`);
    if (customer.merged) {
      throw new AppError(
        'customer-merged',
        `customer ${customerId} was merged into customer ${customer.merged.intoId}: erase that record instead`,
      );
    }
    const all = await listComplaintsForErasure(trx, customerId);
    const open = all.filter((c) => c.stage !== 'closed').map((c) => c.reference);
    if (open.length > 0) {
      throw new AppError(
        'erasure-refused',
        `this customer has an open complaint (${open.join(', ')}): it must be closed before their data can be erased`,
      );
    }
    const letters = await adrLettersOf(
      trx,
      all.map((c) => c.id),
    );
    for (const complaint of all) {
      // Closure itself adds nothing here: only the ADR window keeps a closed complaint from erasure.
      const until = keptUntil(today, letters.get(complaint.id) ?? [], 0);
      if (until > today) {
        throw new AppError(
          'erasure-refused',
          `${complaint.reference} had an ADR letter less than ${ADR_RETENTION_FLOOR_MONTHS} months ago: the customer may take it to the ombudsman until ${until}, and its records are kept until then`,
        );
      }
    }
    const due = all.filter((c) => c.purgedAt === null);
    const unnamed: string[] = [];
    for (const complaint of due)
      unnamed.push(...(await anonymiseComplaint(trx, complaint, { reason: 'erasure', actor: by, at })));
    await anonymiseCustomer(trx, customerId, { reason: 'erasure', actor: by, at });
    return { complaints: due.map((c) => c.reference), unnamed };
  });
  const documentsRemoved = await removeUnnamedDocuments(ctx, unnamed);
  ctx.logger.info({ customerId, complaints: complaints.length }, 'customer personal data erased');
  return { customerId, complaints, documentsRemoved };
}
