/** An admin archives a template: it stays stored (the audit trail names it) but is no longer offered. */
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { archiveTemplateRow, findTemplate } from '../db/templates.ts';
import type { ResponseTemplate } from '../domain/templates.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { requireTemplateAdmin, type StaffActor } from './template-checks.ts';

/** Archives a template; archiving one already archived changes nothing and writes nothing. */
export async function archiveTemplate(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<ResponseTemplate> {
  requireTemplateAdmin(actor);
  return transaction(ctx.db, async (trx) => {
    const template = await findTemplate(trx, id);
    if (!template) throw notFound(`template ${id}`);
    if (template.archivedAt !== null) return template;
    const at = ctx.now().toISOString();
    const archived = { ...template, archivedAt: at, updatedAt: at };
    await archiveTemplateRow(trx, id, at);
    await appendAuditEvent(trx, {
      complaintId: null,
      type: 'template-archived',
      actor: actor.id,
      at,
      payload: { templateId: id, name: template.name },
    });
    return archived;
  });
}
