/**
 * Wake-ups between the parts of Redress that share a database: "a job is due now", so a sleeping worker
 * claims it at once instead of at its next poll (WORKER_INTERVAL_MS, 15 s by default: before this, at 20 new
 * complaints a second the first acknowledgements waited most of a poll interval for nothing).
 *
 * - PostgreSQL: `pg_notify` inside the transaction that writes the job. PostgreSQL delivers it only when that
 *   transaction commits, and to every process LISTENing on the channel, so a `--role web` process wakes the
 *   `--role worker` processes on other hosts, and never before the job can be seen.
 * - SQLite: the processes on one file share no channel; a wake-up reaches the workers of this process (the
 *   usual case: `serve` runs every role). Its claim is a write transaction, so it waits for the one that
 *   wrote the job to commit. Another process's worker finds the job at its next poll.
 *
 * A wake-up is only a hint: lost ones (a listener reconnecting, another process on SQLite) cost a poll
 * interval, never a job.
 */
import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import { dialectOf, type Executor } from './database.ts';

export type Channel = 'redress_jobs';

/** In-process wake-ups (SQLite; and tests). One emitter per process is enough: a stray wake-up costs a poll. */
const local = new EventEmitter().setMaxListeners(0);

/** Says, within the caller's transaction, that `channel` has news. */
export async function notify(executor: Executor, channel: Channel): Promise<void> {
  if (dialectOf(executor) === 'postgres') {
    await sql`select pg_notify(${channel}, '')`.execute(executor);
  } else {
    local.emit(channel);
  }
}

export type Unlisten = () => Promise<void>;

/** Calls `onNews` for each notification on `channel` in this process (SQLite). */
export async function listenLocally(channel: Channel, onNews: () => void): Promise<Unlisten> {
  local.on(channel, onNews);
  return async () => {
    local.off(channel, onNews);
  };
}

/** How long a lost PostgreSQL listening connection waits before connecting again. */
const RECONNECT_MS = 1000;

/**
 * Calls `onNews` for each notification on `channel` from any process on this PostgreSQL database, over a
 * connection of its own (a pooled one cannot hold a LISTEN). When the connection drops (a restart, a
 * failover) it connects again every second, and calls `onNews` once it is back, since what was said
 * meanwhile was not heard. Resolves once listening, or once the first try has failed (the retries go on: a
 * database that is down must not stop a start).
 */
export async function listenOnPostgres(
  connectionString: string,
  channel: Channel,
  onNews: () => void,
): Promise<Unlisten> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (reconnecting: boolean) => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
    const lost = () => {
      next.removeAllListeners('notification');
      if (client === next) client = undefined;
      next.end().catch(() => undefined);
      if (!closed && retry === undefined) {
        retry = setTimeout(() => {
          retry = undefined;
          void connect(true);
        }, RECONNECT_MS);
      }
    };
    next.on('error', lost);
    next.on('end', () => {
      if (client === next) lost();
    });
    try {
      await next.connect();
      if (closed) {
        await next.end();
        return;
      }
      next.on('notification', (message) => {
        if (message.channel === channel) onNews();
      });
      await next.query(`listen ${channel}`);
      client = next;
      if (reconnecting) onNews();
    } catch {
      lost();
    }
  };
  await connect(false);

  return async () => {
    closed = true;
    clearTimeout(retry);
    const open = client;
    client = undefined;
    await open?.end().catch(() => undefined);
  };
}
