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
 * The start of a complaint reference as a person types it (`MISO-26-0001`, `miso-26-000123-k`): the
 * provider's 2 to 8 letters, a dash, a digit, then digits and dashes and perhaps the check letter. Its
 * canonical, upper-case form, or null for any other word.
 */
export function referencePrefix(word: string): string | null {
  const upper = word.toUpperCase();
  return /^[A-Z]{2,8}-\d[\d-]*[A-Z]?$/.test(upper) ? upper : null;
}

/**
 * The complaint's reference starts with `prefix`: a range of the reference's own index, read in reference
 * order (migration 0019 gives PostgreSQL one in byte order, whatever the database's collation; SQLite's
 * unique index is in byte order already). References are ASCII, so the range ends at the prefix with its
 * last character's successor.
 */
export function referenceStartsWith(dialect: Dialect, prefix: string): RawBuilder<boolean> {
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const column = referenceOrder(dialect);
  return sql<boolean>`${column} >= ${prefix} and ${column} < ${end}`;
}

/** The reference as its prefix index sorts it (see `referenceStartsWith`). */
export function referenceOrder(dialect: Dialect): RawBuilder<string> {
  return dialect === 'sqlite' ? sql<string>`c.reference` : sql<string>`c.reference collate "C"`;
}

/**
 * The complaint (`c`) matches one search word. A word that reads as the start of a reference
 * (`referencePrefix`) matches the references that start with it, from the reference's index. Any other word
 * matches when a word of the complaint's text starts with each of its tokens, or when it is a fragment of the
 * reference, email or phone digits (migration 0017's indexes).
 *
 * Why a reference is not also looked for as words and fragments: its parts start a word of every complaint
 * (PostgreSQL's `miso:*` expands to every reference's own lexeme, `miso-26-000123-k`), and every reference
 * holds the prefix's trigrams, so the indexes had to gather a million entries before intersecting them: 250 ms
 * on SQLite and up to 280 ms on PostgreSQL at a million complaints, against under a millisecond from the
 * reference's index. A reference typed in full or in part asks for that complaint; another complaint whose
 * text mentions it is found by the number alone (`000123`).
 */
export function matchesSearchWord(dialect: Dialect, word: string): RawBuilder<boolean> {
  const reference = referencePrefix(word);
  if (reference) return referenceStartsWith(dialect, reference);
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
 * PostgreSQL: how well a search vector (`search`, a candidate's `c.search`) matches the words, best first when
 * sorted ascending (minus ts_rank). Null when the words have no letters or digits to rank by. ts_rank reads
 * each vector it ranks, and no index answers it: it is for a bounded set of candidates (complaint-list.ts),
 * never for every match of a common word. (SQLite ranks from the index's own best matches: `bestMatches`.)
 */
export function postgresSearchRank(
  words: readonly string[],
  search: RawBuilder<unknown>,
): RawBuilder<number> | null {
  const tokens = words.flatMap(searchTokens);
  if (tokens.length === 0) return null;
  return sql<number>`-ts_rank(${search}, to_tsquery('simple', ${tsPrefixes(tokens, ' | ')}))`;
}

/**
 * SQLite: the newest `limit` matches of all the words' tokens (`k` a search key, `r` its bm25 rank, lower is
 * better), and for a single word that could be part of an identifier, up to `limit` complaints whose
 * reference, email or phone holds it, ranked after every word match. Null when there is nothing to match.
 *
 * The newest, read backwards along the index's doclists, not the best of all: `order by rank` computes bm25
 * for every match before it can return one, and a word in every complaint took 1.0 s at a million while
 * holding a reader thread (at 32 connections those searches timed out and starved every other screen). By
 * search key (given in insert order) FTS5 stops after `limit` matches and ranks only those: a rare word's
 * matches are all ranked as before; a common word's best among its newest 1,000 are shown — the same bound as
 * PostgreSQL's (complaint-list.ts), and the recent complaints a handler is most likely looking for.
 */
export function bestMatches(words: readonly string[], limit: number) {
  const tokens = words.flatMap(searchTokens);
  const parts: RawBuilder<unknown>[] = [];
  if (tokens.length) {
    parts.push(
      sql`select * from (select rowid as k, rank as r from complaint_words where complaint_words match ${ftsPrefixes(tokens, ' ')} order by rowid desc limit ${limit})`,
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
