/**
 * How TypeScript values are stored, the same in both dialects: booleans as 0/1 integers (better-sqlite3
 * cannot bind a JS boolean, and one representation keeps every query and row mapping dialect-free),
 * instants as ISO-8601 UTC text, JSON as text.
 */
import type { SqlBool } from './schema.ts';

/** A boolean as stored. */
export function toSqlBool(value: boolean): SqlBool {
  return value ? 1 : 0;
}

/** A stored boolean as a boolean. */
export function fromSqlBool(value: SqlBool | number): boolean {
  return value === 1;
}

/** A JSON value as stored text. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value);
}

/** Stored JSON text as a value; callers parse it further (zod) where the shape matters. */
export function fromJsonText(text: string): unknown {
  return JSON.parse(text);
}
