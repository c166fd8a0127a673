/** The templates staff may start from: those not archived, of a purpose and offered at a stage if asked. */
import { listActiveTemplates } from '../db/templates.ts';
import {
  isOfferedAt,
  type ResponseTemplate,
  type TemplatePurpose,
  type TemplateStage,
} from '../domain/templates.ts';
import type { AppContext } from './context.ts';

export interface TemplateFilter {
  purpose?: TemplatePurpose | undefined;
  stage?: TemplateStage | undefined;
}

/** Templates offered now, by name; any member of staff may list them. */
export async function listTemplates(
  ctx: AppContext,
  filter: TemplateFilter = {},
): Promise<ResponseTemplate[]> {
  const templates = await listActiveTemplates(ctx.db.kysely, { purpose: filter.purpose });
  const { stage } = filter;
  return templates
    .filter((t) => stage === undefined || isOfferedAt(t, stage))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
}
