/** Small pieces shared by the migrations. Migrations never import the live `Schema`: they are frozen in time. */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration runs against whatever schema existed before it.
export type AnyDb = Kysely<any>;

/** CHECK expression: a 0/1 boolean column. */
export const isBool = (column: string) => sql<boolean>`${sql.ref(column)} in (0, 1)`;

/** CHECK expression: the column holds one of `values`. */
export const isOneOf = (column: string, values: readonly string[]) =>
  sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
