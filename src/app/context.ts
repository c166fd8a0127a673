/**
 * What every use case runs with: the database, the procedure, and the clock. The clock is the one thing tests
 * replace, through `now`.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { Procedure } from '../domain/procedure.ts';

export interface AppContext {
  db: Db;
  procedure: Procedure;
  now: () => Date;
  logger: Logger;
  /** Where people reach Redress (links sent to customers). */
  publicUrl: string;
}
