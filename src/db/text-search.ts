/** Case-insensitive "contains" matching that means the same on SQLite and PostgreSQL. */
import { type Expression, type RawBuilder, sql } from 'kysely';

/**
 * `lower(column) LIKE '%text%'` with `%`, `_` and `\` in the text matched literally. The ESCAPE clause is
 * spelled out because SQLite, unlike PostgreSQL, has no default escape character.
 */
export function containsText(column: Expression<string | null>, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${column}) like ${pattern} escape '\\'`;
}
