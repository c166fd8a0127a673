/**
 * One server under load, in a process of its own so that it does not share an event loop (or a core) with
 * the load generator. Started by bench/run.ts:
 *
 *   node --import tsx bench/server.ts redress  <sqlite-dir | postgres-url>
 *   node --import tsx bench/server.ts baseline <sqlite-dir | postgres-url>
 *
 * `redress` is the real application (buildApp) on a fresh, migrated database with one staff user and a
 * bearer token. `baseline` is a bare Fastify app doing one INSERT or one SELECT through the same driver
 * (better-sqlite3 with the pragmas Redress sets, or a pg Pool of Redress's default size): no zod, no auth,
 * no Kysely. When listening it prints one JSON line on stdout, `{"port":…,"token":…}`, and it stops on
 * SIGTERM/SIGINT or when its stdin closes (so it never outlives the parent).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { addUser } from '../src/app/add-user.ts';
import { createApiToken } from '../src/app/create-api-token.ts';
import { isPostgresUrl, openSqliteFile } from '../src/db/database.ts';
import { buildApp } from '../src/http/app.ts';
import { openBenchContext, POOL_SIZE } from './context.ts';

export type Role = 'redress' | 'baseline';

/** Redress's pool size (openDatabase's default), used for the baseline pool too. */

interface Started {
  app: FastifyInstance;
  token?: string;
  close(): Promise<void>;
}

async function startRedress(target: string): Promise<Started> {
  const ctx = await openBenchContext(target);
  const { db } = ctx;
  const email = 'bench@bench.redress';
  await addUser(ctx, { email, name: 'Bench Agent', roles: ['agent'] });
  const { token } = await createApiToken(ctx, email, 'bench');
  const app = await buildApp(ctx, { publicUrl: 'http://127.0.0.1' });
  return { app, token, close: () => db.close() };
}

/** A row comparable to a new complaint: a few text columns, a text primary key. */
interface BaselineRow {
  id: string;
  customer_name: string;
  customer_email: string | null;
  channel: string;
  category: string;
  description: string;
  created_at: string;
}

const CREATE_TABLE = `create table if not exists bench_rows (
  id text primary key,
  customer_name text not null,
  customer_email text,
  channel text not null,
  category text not null,
  description text not null,
  created_at text not null
)`;

interface BaselineStore {
  insert(row: BaselineRow): Promise<void> | void;
  select(id: string): Promise<BaselineRow | undefined> | BaselineRow | undefined;
  close(): Promise<void>;
}

function sqliteStore(dir: string): BaselineStore {
  mkdirSync(dir, { recursive: true });
  // The same pragmas as Redress's own database: WAL, and a synced commit per transaction.
  const database = openSqliteFile(join(dir, 'baseline.sqlite'));
  database.exec(CREATE_TABLE);
  const insert = database.prepare(
    'insert into bench_rows (id, customer_name, customer_email, channel, category, description, created_at) ' +
      'values (@id, @customer_name, @customer_email, @channel, @category, @description, @created_at)',
  );
  const select = database.prepare('select * from bench_rows where id = ?');
  return {
    insert: (row) => {
      insert.run(row);
    },
    select: (id) => select.get(id) as BaselineRow | undefined,
    close: async () => {
      database.close();
    },
  };
}

async function postgresStore(url: string): Promise<BaselineStore> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  await pool.query(CREATE_TABLE);
  return {
    insert: async (row) => {
      await pool.query(
        'insert into bench_rows (id, customer_name, customer_email, channel, category, description, created_at) ' +
          'values ($1, $2, $3, $4, $5, $6, $7)',
        [
          row.id,
          row.customer_name,
          row.customer_email,
          row.channel,
          row.category,
          row.description,
          row.created_at,
        ],
      );
    },
    select: async (id) => {
      const result = await pool.query<BaselineRow>('select * from bench_rows where id = $1', [id]);
      return result.rows[0];
    },
    close: () => pool.end(),
  };
}

async function startBaseline(target: string): Promise<Started> {
  const store = isPostgresUrl(target) ? await postgresStore(target) : sqliteStore(target);
  const app = Fastify({ logger: false });
  app.post('/insert', async (request, reply) => {
    const body = request.body as {
      customer?: { name?: string; email?: string };
      channel?: string;
      category?: string;
      description?: string;
    };
    const id = randomUUID();
    await store.insert({
      id,
      customer_name: body.customer?.name ?? '',
      customer_email: body.customer?.email ?? null,
      channel: body.channel ?? 'other',
      category: body.category ?? 'other',
      description: body.description ?? '',
      created_at: new Date().toISOString(),
    });
    return reply.code(201).send({ id });
  });
  app.get<{ Params: { id: string } }>('/select/:id', async (request, reply) => {
    const row = await store.select(request.params.id);
    if (!row) return reply.code(404).send({ error: 'not found' });
    return row;
  });
  await app.ready();
  return { app, close: () => store.close() };
}

async function main(): Promise<void> {
  const [role, target] = process.argv.slice(2);
  if ((role !== 'redress' && role !== 'baseline') || !target) {
    throw new Error('usage: server.ts <redress|baseline> <sqlite-dir|postgres-url>');
  }
  const started = role === 'redress' ? await startRedress(target) : await startBaseline(target);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      try {
        await started.app.close();
        await started.close();
      } finally {
        // A normal exit (not a signal death) so that --cpu-prof writes its profile.
        process.exit(0);
      }
    })();
    return stopping;
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();

  const address = await started.app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(address).port);
  process.stdout.write(`${JSON.stringify({ port, token: started.token })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
