/**
 * Anchors the audit chains changed since the last anchor (see db/audit-anchors.ts): every minute from the
 * worker of `redress serve`, and on demand with `redress audit anchor`.
 */
import { type AuditAnchor, anchorAuditChains } from '../db/audit-anchors.ts';
import type { AppContext } from './context.ts';

/**
 * Writes anchors until every changed chain is covered, each of at most `maxChains` chains, or `maxAnchors`
 * were written (a backlog after downtime then clears over the next runs). Returns the anchors written.
 */
export async function anchorAuditTrail(
  ctx: AppContext,
  options: { maxChains?: number | undefined; maxAnchors?: number | undefined } = {},
): Promise<AuditAnchor[]> {
  const written: AuditAnchor[] = [];
  const maxAnchors = options.maxAnchors ?? 20;
  while (written.length < maxAnchors) {
    const anchor = await anchorAuditChains(ctx.db.kysely, ctx.now().toISOString(), {
      maxChains: options.maxChains,
    });
    if (!anchor) break;
    written.push(anchor);
  }
  const last = written.at(-1);
  if (last)
    ctx.logger.info(
      {
        anchors: written.length,
        chains: written.reduce((n, a) => n + a.chains, 0),
        seq: last.seq,
        hash: last.hash,
      },
      'anchored the audit chains',
    );
  return written;
}
