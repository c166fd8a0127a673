/**
 * How another system's export becomes `redress import`'s columns: a JSON file naming, for each of our columns,
 * the file's column that holds it; value maps from the file's words to ours (case-insensitive; `*` for any
 * other value); defaults for empty cells; and the columns read only for closed rows. Two are shipped, for
 * Zendesk and osTicket exports (import-mappings/*.json), chosen by name.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { IMPORT_COLUMN_NAMES, type ImportColumn } from '../domain/historical-complaint.ts';
import osticket from './import-mappings/osticket.json' with { type: 'json' };
import zendesk from './import-mappings/zendesk.json' with { type: 'json' };

const column = z.enum(IMPORT_COLUMN_NAMES as [ImportColumn, ...ImportColumn[]]);

export const importMappingSchema = z.strictObject({
  source: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,60}$/, 'letters, digits, dot, dash and underscore, at most 60')
    .optional()
    .describe('The system the file comes from: with each row’s external_id, its key'),
  description: z.string().optional(),
  columns: z.partialRecord(column, z.string().min(1)).optional(),
  values: z.partialRecord(column, z.record(z.string(), z.string())).optional(),
  defaults: z.partialRecord(column, z.string()).optional(),
  closedOnly: z.array(column).optional(),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** The mappings shipped with Redress, by the name `--mapping` takes. */
const SHIPPED: Record<string, unknown> = { zendesk, osticket };
export const SHIPPED_MAPPINGS = Object.keys(SHIPPED);

export type MappingRead = { ok: true; mapping: ImportMapping } | { ok: false; problems: string[] };

/** A mapping by shipped name or from a JSON file, checked. */
export async function readImportMapping(nameOrFile: string): Promise<MappingRead> {
  let json: unknown = SHIPPED[nameOrFile];
  if (json === undefined) {
    try {
      json = JSON.parse(await readFile(nameOrFile, 'utf8'));
    } catch (error) {
      return { ok: false, problems: [`cannot read ${nameOrFile}: ${(error as Error).message}`] };
    }
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`),
    };
  }
  return { ok: true, mapping: parsed.data };
}
