/**
 * After `redress audit rotate-key`: every 2-step secret resealed with the new audit key, so that the old key
 * stops being able to open them (they are otherwise resealed one by one when next used). Each row is
 * rewritten only if it is still what was opened: a setup or a sign-in racing this keeps its own write.
 */
import type { AuditKeyring } from '../db/audit-keys.ts';
import { listSealedSecondFactors, resealSecondFactor } from '../db/second-factors.ts';
import type { AppContext } from './context.ts';
import { openSecret, sealSecret } from './sealed-secrets.ts';

/** Reseals with `keyring`'s current key the secrets sealed with an older one; returns how many. */
export async function resealSecondFactors(ctx: AppContext, keyring: AuditKeyring): Promise<number> {
  const withNewKey = { ...ctx, sealingKeys: keyring };
  let resealed = 0;
  for (const factor of await listSealedSecondFactors(ctx.db.kysely)) {
    if (factor.keyId === keyring.current.id) continue;
    const { plaintext } = openSecret(withNewKey, factor, factor.userId);
    const fresh = sealSecret(withNewKey, plaintext, factor.userId);
    if (await resealSecondFactor(ctx.db.kysely, factor.userId, factor.sealed, fresh)) resealed += 1;
  }
  return resealed;
}
