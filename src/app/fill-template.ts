/** A template filled for one complaint: what the reply and proposal dialogs start from. */
import { findComplaintByReference } from '../db/complaints.ts';
import { findCustomer } from '../db/customers.ts';
import { findTemplate } from '../db/templates.ts';
import { findUserById } from '../db/users.ts';
import { handlerOf } from '../domain/complaint.ts';
import { jobTitleOf } from '../domain/staff.ts';
import { fillTemplate, placeholderValues, type TemplatePurpose } from '../domain/templates.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { canonicalReference } from './reference.ts';

export interface FilledTemplate {
  templateId: string;
  name: string;
  purpose: TemplatePurpose;
  subject: string | null;
  body: string;
}

/**
 * Fills a template that is not archived with the complaint's values. The handler is the complaint's owner,
 * else whoever handled its latest attempt (as the letters name them); with neither, the team signs.
 */
export async function fillTemplateForComplaint(
  ctx: AppContext,
  input: { reference: string; templateId: string },
): Promise<FilledTemplate> {
  const reference = canonicalReference(ctx.procedure, input.reference);
  const db = ctx.db.kysely;
  const [complaint, template] = await Promise.all([
    findComplaintByReference(db, reference),
    findTemplate(db, input.templateId),
  ]);
  if (!complaint) throw notFound(`complaint ${reference}`);
  if (!template || template.archivedAt !== null) throw notFound(`template ${input.templateId}`);
  const handlerId = handlerOf(complaint);
  const [customer, handler] = await Promise.all([
    findCustomer(db, complaint.customerId),
    handlerId ? findUserById(db, handlerId) : undefined,
  ]);
  const values = placeholderValues({
    complaint,
    customerName: customer?.name ?? '',
    handler: handler ? { name: handler.name, jobTitle: jobTitleOf(handler.roles) } : null,
    procedure: ctx.procedure,
  });
  return {
    templateId: template.id,
    name: template.name,
    purpose: template.purpose,
    ...fillTemplate(template, values),
  };
}
