/**
 * The `redress` command line as an operator runs it: real processes, their exit codes and what they print,
 * and what they leave in the database.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect, dialects, type TestDb } from '../support/databases.ts';
import {
  apiClient,
  type CliResult,
  describeRun,
  type Env,
  lastLine,
  redressEnv,
  runCli,
  staffToken,
  startServe,
  stopAllProcesses,
} from '../support/processes.ts';

const DAY = 86_400_000;

const scratch = mkdtempSync(join(tmpdir(), 'redress-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// Not afterEach at the top: it would kill the processes of tests still running side by side.
afterAll(stopAllProcesses);

/** A settings-only environment: the data directory is never opened by these commands. */
const noDb: Env = { DATA_DIR: join(scratch, 'unused') };

const expectExit = (result: CliResult, code: number) => expect(result.code, describeRun(result)).toBe(code);

// Independent one-shot commands: run side by side.
describe.concurrent('redress CLI, no database', () => {
  it('`redress --help` lists every command and exits 0', async () => {
    const help = await runCli(['--help'], noDb);
    expectExit(help, 0);
    for (const command of [
      'serve',
      'migrate',
      'jobs',
      'audit',
      'adr',
      'case-file',
      'backup',
      'demo',
      'config',
      'user',
      'token',
    ])
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('`redress --version` prints the version from package.json', async () => {
    const version = await runCli(['--version'], noDb);
    expectExit(version, 0);
    expect(version.stdout.trim()).toBe(
      (
        JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
          version: string;
        }
      ).version,
    );
  });

  it('`redress config check` accepts a valid override file with exit 0', async () => {
    const file = join(scratch, 'valid.json');
    writeFileSync(file, JSON.stringify({ timescales: { adrLimitWeeks: 6 }, adrScheme: 'cisas' }));
    const checked = await runCli(['config', 'check', file], noDb);
    expectExit(checked, 0);
    expect(checked.stdout).toMatch(/is valid: .*ADR scheme .*CISAS/i);
  });

  it('`redress config check` names every wrong path in one go and exits 1', async () => {
    const file = join(scratch, 'several-errors.json');
    writeFileSync(
      file,
      JSON.stringify({ timescales: { adrLimitWeeks: 'six' }, company: { email: 'nope' }, colour: 1 }),
    );
    const checked = await runCli(['config', 'check', file], noDb);
    expectExit(checked, 1);
    expect(checked.stderr).toMatch(/3 problems/);
    for (const path of ['timescales.adrLimitWeeks', 'company.email', 'colour'])
      expect(checked.stderr).toMatch(new RegExp(`^\\s+${path.replace('.', '\\.')}: \\S`, 'm'));
  });

  it('`redress config check` on malformed JSON exits 1 saying it is not valid JSON', async () => {
    const file = join(scratch, 'malformed.json');
    writeFileSync(file, '{"timescales": {"adrLimitWeeks": 6,}');
    const checked = await runCli(['config', 'check', file], noDb);
    expectExit(checked, 1);
    expect(checked.stderr).toContain(file);
    expect(checked.stderr).toMatch(/not valid JSON/);
  });

  it('a bad setting in the environment (DATABASE_URL=mysql://x) exits 2 naming the variable', async () => {
    const run = await runCli(['migrate'], { ...noDb, DATABASE_URL: 'mysql://x' });
    expectExit(run, 2);
    expect(run.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(existsSync(join(noDb.DATA_DIR ?? '', 'redress.sqlite'))).toBe(false);
  });
});

describeEachDialect('redress CLI', (harness) => {
  afterEach(stopAllProcesses);
  // The same code on both databases, and a process start costs a second or two: one run is enough, on
  // SQLite when it runs too. (Backup and restore, which differ by dialect, have their own test on both.)
  describe.skipIf(harness.dialect !== 'sqlite' && dialects.includes('sqlite'))(
    'staff, tokens and jobs',
    () => {
      let db: TestDb;
      let env: Env;
      let staff: { email: string; token: string };
      beforeAll(async () => {
        db = await harness.freshDb();
        env = redressEnv(db.options);
        staff = await staffToken(env, { email: 'agent@test.redress' });
      });
      const usersWithEmail = (email: string) =>
        db.kysely.selectFrom('users').select('id').where('email', '=', email).execute();

      it('`redress user add` with an unknown role exits 2 with a message and writes no user', async () => {
        const added = await runCli(
          ['user', 'add', '--email', 'wiz@test.redress', '--name', 'Wiz', '--role', 'wizard'],
          env,
        );
        expectExit(added, 2);
        expect(added.stderr).toMatch(/unknown role wizard/);
        expect(await usersWithEmail('wiz@test.redress')).toEqual([]);
      });

      it('`redress user add` with an email already taken (in another case) exits 2 and adds nobody', async () => {
        const added = await runCli(
          ['user', 'add', '--email', 'Agent@Test.Redress', '--name', 'Twin', '--role', 'agent'],
          env,
        );
        expectExit(added, 2);
        expect(added.stderr).toMatch(/already exists/);
        expect(await usersWithEmail('agent@test.redress')).toHaveLength(1);
      });

      it('`redress user add` with a guessable password exits 2 saying why, and adds nobody', async () => {
        const added = await runCli(
          ['user', 'add', '--email', 'gus@test.redress', '--name', 'Gus', '--role', 'agent'].concat([
            '--password',
            'password1234',
          ]),
          env,
        );
        expectExit(added, 2);
        expect(added.stderr).toMatch(
          /password is too easy to guess\. This is similar to a commonly used password/,
        );
        expect(await usersWithEmail('gus@test.redress')).toEqual([]);
      });

      it('`redress token create` prints a token on its last line that the running server accepts', async () => {
        const server = await startServe(env, { role: 'web' });
        const me = await apiClient(server.api, staff.token).get('/auth/me');
        expect(me.status, JSON.stringify(me.body)).toBe(200);
        expect(me.body).toMatchObject({ email: staff.email });
        // A second token is a different token, and both work; a made-up one does not.
        const another = await runCli(['token', 'create', '--email', staff.email, '--name', 'cron'], env);
        expectExit(another, 0);
        const second = lastLine(another.stdout);
        expect(second).not.toBe(staff.token);
        expect((await apiClient(server.api, second).get('/auth/me')).status).toBe(200);
        expect((await apiClient(server.api, `${second}x`).get('/auth/me')).status).toBe(401);
        expect(await server.stop(), 'SIGTERM shuts serve down cleanly').toEqual({ code: 0, signal: null });
      });

      it('`redress jobs run` files the time-limit letter of a complaint first expressed 43 days ago, once', async () => {
        // Logged past its limit, the complaint gets its letter as it is logged; `--role web` is the API without
        // the worker, so only `jobs run` can file the letter's PDF (and send it).
        const server = await startServe(env, { role: 'web' });
        const created = await apiClient(server.api, staff.token).post(
          '/complaints',
          phoneComplaint({ firstExpressedAt: new Date(Date.now() - 43 * DAY).toISOString() }),
        );
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        await server.stop();
        const letters = () =>
          db.kysely
            .selectFrom('adr_letters')
            .select('trigger')
            .where('complaint_id', '=', created.body.id as string)
            .execute();
        const filed = () =>
          db.kysely
            .selectFrom('documents')
            .select('kind')
            .where('complaint_id', '=', created.body.id as string)
            .where('kind', '=', 'adr-letter-time-limit')
            .execute();
        expect(await letters()).toEqual([{ trigger: 'time-limit' }]);
        expect(await filed()).toEqual([]);

        const first = await runCli(['jobs', 'run'], env);
        expectExit(first, 0);
        const ran = /jobs: (\d+) claimed, (\d+) done, 0 to retry, 0 failed/.exec(first.stdout);
        expect(ran, first.stdout).not.toBeNull();
        expect(Number(ran?.[1])).toBeGreaterThan(0);
        expect(ran?.[2]).toBe(ran?.[1]);
        expect(await letters()).toEqual([{ trigger: 'time-limit' }]);
        expect(await filed()).toHaveLength(1);

        const second = await runCli(['jobs', 'run'], env);
        expectExit(second, 0);
        expect(second.stdout).toMatch(/jobs: 0 claimed, 0 done/);
        expect(await letters()).toHaveLength(1);
        expect(await filed()).toHaveLength(1);
      });

      it('`redress migrate` analyzes a database that has no planner statistics (SQLite)', async () => {
        const server = await startServe(env, { role: 'web' });
        const created = await apiClient(server.api, staff.token).post('/complaints', phoneComplaint());
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        expect(await server.stop()).toEqual({ code: 0, signal: null });
        // As a database from before statistics were kept, or restored without them.
        if (harness.dialect === 'sqlite') await sql`drop table if exists sqlite_stat1`.execute(db.kysely);

        const migrated = await runCli(['migrate'], env);
        expectExit(migrated, 0);
        if (harness.dialect === 'postgres') {
          expect(migrated.stdout).toBe('database is up to date\n');
          return;
        }
        expect(migrated.stdout).toBe('database is up to date; planner statistics updated\n');
        const { rows } = await sql<{ idx: string }>`
          select idx from sqlite_stat1 where tbl = 'complaints'
        `.execute(db.kysely);
        expect(rows.map((r) => r.idx)).toContain('complaints_stage_received_id_idx');
        // Current now: a second run has nothing to change.
        expect((await runCli(['migrate'], env)).stdout).toBe('database is up to date\n');
      });

      it('`redress jobs run --until` refuses a database a serve is using (exit 2) and drills it once stopped', async () => {
        const soon = new Date(Date.now() + 2 * 3_600_000).toISOString();
        const server = await startServe(env, { role: 'web' });
        const refused = await runCli(['jobs', 'run', '--until', soon], env);
        expectExit(refused, 2);
        expect(refused.stderr).toMatch(/this database is in use: redress serve \(web\)/);
        expectExit(await runCli(['jobs', 'run', '--until', 'next tuesday'], env), 2);
        expectExit(await runCli(['jobs', 'run', '--force'], env), 2);
        expect(await server.stop()).toEqual({ code: 0, signal: null });

        // Stopped: its heartbeat is gone, and the drill runs the sweeps of the next two hours at their hours.
        const drill = await runCli(['jobs', 'run', '--until', soon], env);
        expectExit(drill, 0);
        expect(drill.stdout).toMatch(/^drill: clock from \S+ to /m);
        expect(drill.stdout).toMatch(/^ {2}adr-sweep\s+[23]\s+first /m);
        expect(drill.stdout).toMatch(/none sent/);
      }, 180_000);

      it('`redress jobs prune` deletes done jobs older than JOB_RETENTION_DAYS and keeps the rest', async () => {
        const done = await db.kysely.selectFrom('jobs').select('id').where('status', '=', 'done').execute();
        expect(done.length).toBeGreaterThan(1); // left by `jobs run` above
        const [old] = done;
        const aged = new Date(Date.now() - 8 * DAY).toISOString();
        await db.kysely
          .updateTable('jobs')
          .set({ completed_at: aged })
          .where('id', '=', old?.id ?? '')
          .execute();

        expectExit(await runCli(['jobs', 'prune', '--days', '0'], env), 2);
        const kept = await runCli(['jobs', 'prune'], env);
        expectExit(kept, 0);
        expect(kept.stdout).toMatch(/jobs: 0 done job\(s\) deleted/);
        const pruned = await runCli(['jobs', 'prune'], { ...env, JOB_RETENTION_DAYS: '7' });
        expectExit(pruned, 0);
        expect(pruned.stdout).toMatch(/jobs: 1 done job\(s\) deleted/);
        const left = await db.kysely.selectFrom('jobs').select('id').where('status', '=', 'done').execute();
        const young = done.slice(1).map((j) => j.id);
        expect(left.map((j) => j.id).sort()).toEqual(young.sort());
      });
    },
  );

  describe('signed audit checkpoints', () => {
    // The commands are the same on both databases (the use cases are tested on both): one run is enough.
    it.skipIf(harness.dialect !== 'sqlite' && dialects.includes('sqlite'))(
      '`redress audit checkpoint` writes a signed checkpoint; `audit verify --checkpoints` passes, and fails naming a deleted checkpoint line',
      async () => {
        const db = await harness.freshDb();
        const env = redressEnv(db.options);
        const written = await runCli(['audit', 'checkpoint'], env);
        expectExit(written, 0);
        const file = join(db.options.dataDir, 'audit-checkpoints.jsonl');
        expect(written.stdout).toMatch(
          new RegExp(`audit checkpoint 1 written to ${file}: anchor 1 [0-9a-f]{64}`),
        );
        expectExit(await runCli(['audit', 'checkpoint'], env), 0);
        const verified = await runCli(['audit', 'verify', '--checkpoints', file], env);
        expectExit(verified, 0);
        expect(verified.stdout).toMatch(
          /audit trail intact up to the latest checkpoint and after: .* 2 checkpoint\(s\)/,
        );
        const lines = readFileSync(file, 'utf8').trim().split('\n');
        const copy = join(db.options.dataDir, 'copy.jsonl');
        writeFileSync(copy, `${lines.slice(0, -1).join('\n')}\n`);
        const cut = await runCli(['audit', 'verify', '--checkpoints', copy], env);
        expectExit(cut, 1);
        expect(cut.stdout).toMatch(
          /TAMPERING: 1 finding\(s\)\n {2}checkpoint 2 is recorded in the database but missing from the file/,
        );
      },
    );

    it.runIf(harness.dialect === 'postgres')(
      'refuses to start on PostgreSQL without AUDIT_KEY or AUDIT_KEY_FILE: exit 2, saying why',
      async () => {
        const db = await harness.freshDb();
        const refused = await runCli(['audit', 'verify'], { ...redressEnv(db.options), AUDIT_KEY: '' });
        expectExit(refused, 2);
        expect(refused.stderr).toMatch(/the audit key is not configured: with PostgreSQL set AUDIT_KEY/);
      },
    );
  });

  // The commands below run the use cases that the API and restore tests run on both databases; once, on
  // SQLite when it runs, keeps the suite's time (a process start and the demo cost seconds each).
  describe.skipIf(harness.dialect !== 'sqlite' && dialects.includes('sqlite'))(
    'demo data, backup and the audit trail',
    () => {
      let db: TestDb;
      let env: Env;
      let demo: CliResult;
      beforeAll(async () => {
        db = await harness.freshDb();
        env = redressEnv(db.options);
        demo = await runCli(['demo'], env);
      });

      it('`redress demo` exits 0 and leaves complaints at four or more stages', async () => {
        expectExit(demo, 0);
        const stages = await db.kysely.selectFrom('complaints').select('stage').distinct().execute();
        expect(stages.length, JSON.stringify(stages)).toBeGreaterThanOrEqual(4);
        const count = Number(/demo data: (\d+) complaints/.exec(demo.stdout)?.[1]);
        expect(await db.kysely.selectFrom('complaints').select('id').execute()).toHaveLength(count);
      });

      it('`redress backup FILE` writes a copy holding the complaints, and refuses a file that exists', async () => {
        const complaints = await db.kysely.selectFrom('complaints').select('reference').execute();
        expect(complaints.length).toBeGreaterThan(0);
        const file = join(db.options.dataDir, `backup-${harness.dialect}`);
        const written = await runCli(['backup', file], env);
        expectExit(written, 0);
        let copied: string[];
        if (harness.dialect === 'sqlite') {
          const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
          try {
            expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
            copied = copy
              .prepare('select reference from complaints')
              .all()
              .map((r) => (r as { reference: string }).reference);
          } finally {
            copy.close();
          }
        } else {
          copied = readFileSync(file, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as { table: string; row: { reference?: string } })
            .filter((entry) => entry.table === 'complaints')
            .map((entry) => entry.row.reference ?? '');
        }
        expect(copied.sort()).toEqual(complaints.map((c) => c.reference).sort());

        const before = statSync(file);
        const again = await runCli(['backup', file], env);
        expectExit(again, 2);
        expect(again.stderr).toMatch(/already exists/);
        expect(statSync(file)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
      });

      it('`redress audit anchor` anchors the changed chains once; `audit verify` exits 0 on a healthy trail, printing the anchor, and 1 naming a row whose payload was edited', async () => {
        const anchored = await runCli(['audit', 'anchor'], env);
        expectExit(anchored, 0);
        expect(anchored.stdout).toMatch(
          /audit anchored: 1 anchor\(s\) of \d+ changed chain\(s\)\nlatest anchor 1 at .*: [0-9a-f]{64}/,
        );
        const again = await runCli(['audit', 'anchor'], env);
        expect(again.stdout).toMatch(/no chain changed since the last anchor\nlatest anchor 1 /);
        const healthy = await runCli(['audit', 'verify'], env);
        expectExit(healthy, 0);
        expect(healthy.stdout).toMatch(
          /audit trail intact: \d+ events checked in \d+ chains, 1 anchors; latest anchor 1 /,
        );

        const victim = await db.kysely
          .selectFrom('audit_events')
          .select('seq')
          .orderBy('seq')
          .offset(5)
          .limit(1)
          .executeTakeFirstOrThrow();
        await db.kysely
          .updateTable('audit_events')
          .set({ payload: '{"description":"nothing to see here"}' })
          .where('seq', '=', victim.seq)
          .execute();
        const damaged = await runCli(['audit', 'verify'], env);
        expectExit(damaged, 1);
        expect(damaged.stdout).toMatch(/audit trail damaged: 1 problem/);
        expect(damaged.stdout).toMatch(new RegExp(`seq ${victim.seq}: edited`));
      });

      it('`redress adr audit` exits 0 once the jobs have run, and 1 naming a complaint whose letter is missing', async () => {
        expectExit(await runCli(['jobs', 'run'], env), 0);
        const healthy = await runCli(['adr', 'audit'], env);
        expectExit(healthy, 0);
        expect(healthy.stdout).toMatch(/none missing or late/);

        // A complaint whose limit passed with no letter (as if the clock had been stopped for months).
        const victim = await db.kysely
          .selectFrom('complaints')
          .select(['id', 'reference'])
          .where('stage', 'in', ['attempt-1', 'attempt-2'])
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(selectFrom('adr_letters').select('id').whereRef('complaint_id', '=', 'complaints.id')),
            ),
          )
          .limit(1)
          .executeTakeFirstOrThrow();
        await db.kysely
          .updateTable('complaints')
          .set({ adr_due_on: '2020-01-01' })
          .where('id', '=', victim.id)
          .execute();
        const missing = await runCli(['adr', 'audit'], env);
        expectExit(missing, 1);
        expect(missing.stdout).toMatch(new RegExp(`${victim.reference}\\s+missing: .*2020-01-01`));
      });

      it('`redress case-file CRN --out FILE` writes the ZIP, and refuses a file that exists or an unknown CRN', async () => {
        const { reference } = await db.kysely
          .selectFrom('complaints')
          .select('reference')
          .where('stage', '=', 'deadlock')
          .limit(1)
          .executeTakeFirstOrThrow();
        const file = join(db.options.dataDir, `case-file-${harness.dialect}.zip`);
        const written = await runCli(['case-file', reference, '--out', file], env);
        expectExit(written, 0);
        expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
        const again = await runCli(['case-file', reference, '--out', file], env);
        expectExit(again, 2);
        expect(again.stderr).toMatch(/already exists/);
        const unknown = await runCli(['case-file', 'MISO-26-999999-A', '--out', `${file}.2`], env);
        expectExit(unknown, 2);
        expect(existsSync(`${file}.2`)).toBe(false);
      });
    },
  );
});
