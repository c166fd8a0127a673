/** An admin adds a response template; the change is audited. */
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { insertTemplate } from '../db/templates.ts';
import type { ResponseTemplate, TemplatePurpose, TemplateStage } from '../domain/templates.ts';
import type { AppContext } from './context.ts';
import { requireTemplateAdmin, requireValidText, type StaffActor } from './template-checks.ts';

export interface NewTemplate {
  name: string;
  purpose: TemplatePurpose;
  stages: TemplateStage[];
  subject?: string | null | undefined;
  body: string;
}

/** Adds a template; refused (nothing written) for a non-admin or an unknown placeholder. */
export async function createTemplate(
  ctx: AppContext,
  actor: StaffActor,
  input: NewTemplate,
): Promise<ResponseTemplate> {
  requireTemplateAdmin(actor);
  const now = ctx.now();
  const template: ResponseTemplate = {
    id: newId(now.getTime()),
    name: input.name,
    purpose: input.purpose,
    stages: [...new Set(input.stages)],
    subject: input.subject ?? null,
    body: input.body,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    archivedAt: null,
  };
  requireValidText(template);
  await transaction(ctx.db, async (trx) => {
    await insertTemplate(trx, template);
    await appendAuditEvent(trx, {
      complaintId: null,
      type: 'template-created',
      actor: actor.id,
      at: template.createdAt,
      payload: { template },
    });
  });
  return template;
}
