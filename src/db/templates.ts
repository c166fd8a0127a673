/** Response templates: stored rows to and from the domain's `ResponseTemplate`. */
import type { Selectable } from 'kysely';
import type { ResponseTemplate, TemplatePurpose, TemplateStage } from '../domain/templates.ts';
import type { Executor } from './database.ts';
import type { TemplatesTable } from './schema.ts';
import { fromJsonText, toJsonText } from './values.ts';

function toTemplate(row: Selectable<TemplatesTable>): ResponseTemplate {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose as TemplatePurpose,
    stages: fromJsonText(row.stages) as TemplateStage[],
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
  };
}

function toRow(template: ResponseTemplate): Selectable<TemplatesTable> {
  return {
    id: template.id,
    name: template.name,
    purpose: template.purpose,
    stages: toJsonText(template.stages),
    subject: template.subject,
    body: template.body,
    created_at: template.createdAt,
    updated_at: template.updatedAt,
    archived_at: template.archivedAt,
  };
}

export async function insertTemplate(trx: Executor, template: ResponseTemplate): Promise<void> {
  await trx.insertInto('templates').values(toRow(template)).execute();
}

/** Inserts the templates whose id is not taken yet; returns how many were new. */
export async function insertTemplatesOnce(
  trx: Executor,
  templates: readonly ResponseTemplate[],
): Promise<number> {
  if (templates.length === 0) return 0;
  const inserted = await trx
    .insertInto('templates')
    .values(templates.map(toRow))
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/**
 * Writes a template's wording and stages. Never whether it is archived: only archiving says that, so an edit
 * read before an archive committed cannot bring the template back.
 */
export async function updateTemplateRow(trx: Executor, template: ResponseTemplate): Promise<void> {
  const { id, created_at: _created, archived_at: _archived, ...changes } = toRow(template);
  await trx.updateTable('templates').set(changes).where('id', '=', id).execute();
}

/** Archives the template: kept (the audit trail names it), no longer offered. */
export async function archiveTemplateRow(trx: Executor, id: string, at: string): Promise<void> {
  await trx.updateTable('templates').set({ archived_at: at, updated_at: at }).where('id', '=', id).execute();
}

export async function findTemplate(trx: Executor, id: string): Promise<ResponseTemplate | undefined> {
  const row = await trx.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTemplate(row);
}

/** Templates not archived, optionally of one purpose (in no particular order: the caller sorts by name). */
export async function listActiveTemplates(
  trx: Executor,
  filter: { purpose?: TemplatePurpose | undefined } = {},
): Promise<ResponseTemplate[]> {
  const rows = await trx
    .selectFrom('templates')
    .selectAll()
    .where('archived_at', 'is', null)
    .$if(filter.purpose !== undefined, (q) => q.where('purpose', '=', filter.purpose as TemplatePurpose))
    .execute();
  return rows.map(toTemplate);
}

/** Whether any template was ever stored (archived ones count: an installation that archived all wants none). */
export async function anyTemplateStored(trx: Executor): Promise<boolean> {
  const row = await trx.selectFrom('templates').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
