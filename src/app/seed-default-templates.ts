/**
 * Gives a new installation the default templates (config/default-templates.ts) the first time it starts:
 * only when no template was ever stored, so templates an admin archived stay archived. Fixed ids make two
 * processes starting at once insert each template once.
 */
import { DEFAULT_TEMPLATES } from '../config/default-templates.ts';
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { anyTemplateStored, insertTemplatesOnce } from '../db/templates.ts';
import type { ResponseTemplate } from '../domain/templates.ts';
import type { AppContext } from './context.ts';

/** Inserts the default templates into an installation that has none; returns how many were inserted. */
export async function seedDefaultTemplates(ctx: AppContext): Promise<number> {
  if (await anyTemplateStored(ctx.db.kysely)) return 0;
  const at = ctx.now().toISOString();
  const templates: ResponseTemplate[] = DEFAULT_TEMPLATES.map((t) => ({
    ...t,
    stages: [...t.stages],
    createdAt: at,
    updatedAt: at,
    archivedAt: null,
  }));
  return transaction(ctx.db, async (trx) => {
    const inserted = await insertTemplatesOnce(trx, templates);
    if (inserted > 0) {
      await appendAuditEvent(trx, {
        complaintId: null,
        type: 'templates-seeded',
        actor: null,
        at,
        payload: { templateIds: templates.map((t) => t.id) },
      });
    }
    return inserted;
  });
}
