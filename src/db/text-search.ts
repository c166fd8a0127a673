/** Text matching that means the same on SQLite and PostgreSQL: "contains", and the full-text search. */
import { type Expression, type RawBuilder, sql } from 'kysely';
import type { Dialect } from './database.ts';

/**
 * `lower(column) LIKE '%text%'` with `%`, `_` and `\` in the text matched literally. The ESCAPE clause is
 * spelled out because SQLite, unlike PostgreSQL, has no default escape character.
 */
export function containsText(column: Expression<string | null>, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${column}) like ${pattern} escape '\\'`;
}

/** A search word's tokens as the full-text indexes split text: runs of letters and digits, lower-cased. */
export function searchTokens(word: string): string[] {
  return word
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Fragments shorter than this are not looked for inside identifiers (a trigram index needs three). */
const FRAGMENT_MIN = 3;

/**
 * The complaint (`c`) matches one search word: a word of its text starts with each of the word's tokens, or
 * the word is a fragment of its reference, email or phone digits (migration 0017's indexes).
 */
export function matchesSearchWord(dialect: Dialect, word: string): RawBuilder<boolean> {
  const tokens = searchTokens(word);
  const fragment = word.toLowerCase();
  const long = fragment.length >= FRAGMENT_MIN;
  if (dialect === 'sqlite') {
    const keys: RawBuilder<unknown>[] = [];
    if (tokens.length) {
      keys.push(
        sql`select rowid from complaint_words where complaint_words match ${ftsPrefixes(tokens, ' ')}`,
      );
    }
    if (long) {
      keys.push(
        sql`select rowid from complaint_ids where complaint_ids match ${`"${fragment.replaceAll('"', '""')}"`}`,
      );
    }
    if (keys.length === 0) return sql<boolean>`1 = 0`;
    return sql<boolean>`c.search_key in (${sql.join(keys, sql` union `)})`;
  }
  const conditions: RawBuilder<unknown>[] = [];
  if (tokens.length) conditions.push(sql`c.search @@ to_tsquery('simple', ${tsPrefixes(tokens, ' & ')})`);
  if (long) conditions.push(sql`c.search_ids like ${`%${escapeLike(fragment)}%`} escape '\\'`);
  if (conditions.length === 0) return sql<boolean>`1 = 0`;
  return sql<boolean>`(${sql.join(conditions, sql` or `)})`;
}

/**
 * PostgreSQL: how well the complaint (`c`) matches the words, best first when sorted ascending (minus
 * ts_rank). Null when the words have no letters or digits to rank by. (SQLite ranks from the index's own
 * best matches: `bestMatches`.)
 */
export function postgresSearchRank(words: readonly string[]): RawBuilder<number> | null {
  const tokens = words.flatMap(searchTokens);
  if (tokens.length === 0) return null;
  return sql<number>`-ts_rank(c.search, to_tsquery('simple', ${tsPrefixes(tokens, ' | ')}))`;
}

/**
 * SQLite: the `limit` best matches of all the words' tokens (`k` a search key, `r` its bm25 rank, lower is
 * better), and for a single word that could be part of an identifier, up to `limit` complaints whose
 * reference, email or phone holds it, ranked after every word match. Null when there is nothing to match.
 */
export function bestMatches(words: readonly string[], limit: number) {
  const tokens = words.flatMap(searchTokens);
  const parts: RawBuilder<unknown>[] = [];
  if (tokens.length) {
    parts.push(
      sql`select * from (select rowid as k, rank as r from complaint_words where complaint_words match ${ftsPrefixes(tokens, ' ')} order by rank limit ${limit})`,
    );
  }
  const [only] = words;
  if (words.length === 1 && only && only.length >= FRAGMENT_MIN) {
    parts.push(
      sql`select * from (select rowid as k, 0 as r from complaint_ids where complaint_ids match ${`"${only.toLowerCase().replaceAll('"', '""')}"`} limit ${limit})`,
    );
  }
  if (parts.length === 0) return null;
  return sql<{ k: number; r: number }>`(${sql.join(parts, sql` union all `)})`;
}

// Tokens hold only letters and digits, so neither query language can read anything else into them.
const ftsPrefixes = (tokens: readonly string[], join: string) => tokens.map((t) => `"${t}"*`).join(join);
const tsPrefixes = (tokens: readonly string[], join: string) => tokens.map((t) => `${t}:*`).join(join);
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
