/** What a bench child opens: Redress's context on a fresh, migrated database (a SQLite dir or a PG URL). */
import pino from 'pino';
import type { AppContext } from '../src/app/context.ts';
import { MISO_PROCEDURE } from '../src/config/miso.ts';
import { isPostgresUrl, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrations/index.ts';

/** Redress's default pool size, used by the Redress servers and the baselines alike. */
export const POOL_SIZE = 10;

export async function openBenchContext(target: string): Promise<AppContext> {
  const db = await openDatabase({
    databaseUrl: isPostgresUrl(target) ? target : undefined,
    dataDir: target,
    poolSize: POOL_SIZE,
  });
  await migrate(db);
  return {
    db,
    procedure: MISO_PROCEDURE,
    now: () => new Date(),
    logger: pino({ level: 'silent' }),
    publicUrl: 'http://localhost',
  };
}
