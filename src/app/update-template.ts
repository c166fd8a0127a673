/** An admin changes a template's name, purpose, stages or wording; the change is audited with before and after. */
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { findTemplate, updateTemplateRow } from '../db/templates.ts';
import type { ResponseTemplate, TemplatePurpose, TemplateStage } from '../domain/templates.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { requireTemplateAdmin, requireValidText, type StaffActor } from './template-checks.ts';

export interface TemplateChanges {
  name?: string | undefined;
  purpose?: TemplatePurpose | undefined;
  stages?: TemplateStage[] | undefined;
  /** null removes the subject. */
  subject?: string | null | undefined;
  body?: string | undefined;
}

/** Changes a template that is not archived; refused (nothing written) for a non-admin or an unknown placeholder. */
export async function updateTemplate(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  changes: TemplateChanges,
): Promise<ResponseTemplate> {
  requireTemplateAdmin(actor);
  return transaction(ctx.db, async (trx) => {
    const before = await findTemplate(trx, id);
    // An archived template is no longer offered; editing it would change nothing anyone sees.
    if (!before || before.archivedAt !== null) throw notFound(`template ${id}`);
    const at = ctx.now().toISOString();
    const after: ResponseTemplate = {
      ...before,
      name: changes.name ?? before.name,
      purpose: changes.purpose ?? before.purpose,
      stages: changes.stages ? [...new Set(changes.stages)] : before.stages,
      subject: changes.subject === undefined ? before.subject : changes.subject,
      body: changes.body ?? before.body,
      updatedAt: at,
    };
    requireValidText(after);
    await updateTemplateRow(trx, after);
    await appendAuditEvent(trx, {
      complaintId: null,
      type: 'template-updated',
      actor: actor.id,
      at,
      payload: { before, after },
    });
    return after;
  });
}
