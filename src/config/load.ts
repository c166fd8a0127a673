/**
 * Reads a procedure file. The file holds only what differs from Miso's procedure: objects are merged key by
 * key onto the default, arrays and values replace it, and `"adrScheme": "cisas"` picks the CISAS preset.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { Procedure } from '../domain/procedure.ts';
import { CISAS, COMMUNICATIONS_OMBUDSMAN, MISO_PROCEDURE } from './miso.ts';
import { procedureSchema } from './schema.ts';

export interface ConfigProblem {
  /** Dotted path in the file (`timescales.adrLimitWeeks`), or `(file)` for the file as a whole. */
  path: string;
  message: string;
}
export type ProcedureResult = { ok: true; procedure: Procedure } | { ok: false; problems: ConfigProblem[] };

const SCHEME_PRESETS: Record<string, unknown> = {
  'communications-ombudsman': COMMUNICATIONS_OMBUDSMAN,
  cisas: CISAS,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override))
    out[key] = key in base ? merge(base[key], value) : value;
  return out;
}

/** The problems zod found, one per path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  const at = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : '(file)');
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: at([...issue.path, key]),
          message: 'is not a setting Redress knows',
        }))
      : [{ path: at(issue.path), message: issue.message }],
  );
}

/** Validates a parsed procedure document (the overrides) against the schema. */
export function parseProcedure(document: unknown): ProcedureResult {
  if (!isPlainObject(document))
    return { ok: false, problems: [{ path: '(file)', message: 'must be a JSON object' }] };
  const overrides = { ...document };
  if (typeof overrides.adrScheme === 'string') {
    const preset = SCHEME_PRESETS[overrides.adrScheme];
    if (!preset) {
      return {
        ok: false,
        problems: [
          {
            path: 'adrScheme',
            message: `must be an object or one of ${Object.keys(SCHEME_PRESETS).join(', ')}`,
          },
        ],
      };
    }
    overrides.adrScheme = preset;
  }
  const parsed = procedureSchema.safeParse(merge(MISO_PROCEDURE, overrides));
  return parsed.success
    ? { ok: true, procedure: parsed.data }
    : { ok: false, problems: describeIssues(parsed.error.issues) };
}

/** Reads and validates a procedure file; no file means Miso's procedure. */
export function loadProcedure(file?: string): ProcedureResult {
  if (!file) return { ok: true, procedure: MISO_PROCEDURE };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '(file)', message: `cannot be read: ${(error as Error).message}` }],
    };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }],
    };
  }
  return parseProcedure(document);
}
