/** Recognising the database's own refusals, the same way on both dialects. */

/** A UNIQUE or PRIMARY KEY constraint refused the write (PostgreSQL 23505; SQLite's constraint codes). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
