/**
 * Redress as a browser test needs it: the real server (API and web app) on a fresh SQLite database, staff
 * who sign in with a password, the worker run on demand, and a clock the test moves.
 *
 * The browser tests run on SQLite only: what they test is the UI, and every endpoint they call is tested
 * on both databases by the API tests.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { addUser } from '../../../src/app/add-user.ts';
import { changePassword } from '../../../src/app/change-password.ts';
import type { AppContext } from '../../../src/app/context.ts';
import { jobHandlers } from '../../../src/app/job-handlers.ts';
import { MISO_PROCEDURE } from '../../../src/config/miso.ts';
import { auditKeyring } from '../../../src/db/audit-keys.ts';
import { openDatabase } from '../../../src/db/database.ts';
import { migrate } from '../../../src/db/migrations/index.ts';
import type { Actor } from '../../../src/domain/actor.ts';
import type { Role } from '../../../src/domain/procedure.ts';
import type { StaffSignInSettings } from '../../../src/domain/sso.ts';
import { buildApp } from '../../../src/http/app.ts';
import { runDueJobs } from '../../../src/jobs/worker.ts';
import { httpSmsGateway } from '../../../src/sms/http-gateway.ts';
import { fileDocumentStore } from '../../../src/storage/file-store.ts';
import { linkTokensIn, startSmsGateway, type TestSmsGateway } from '../../support/sms-gateway.ts';

export const PASSWORD = 'browser-test-password';
/** What an admin gives a new member of staff: it must be changed at first sign-in. */
export const ONE_TIME_PASSWORD = 'chosen-for-you-once-1';

export const STAFF = {
  agent: { name: 'Alex Agent', roles: ['agent'] },
  reviewer: { name: 'Rita Reviewer', roles: ['reviewer'] },
  director: { name: 'Dev Director', roles: ['director'] },
  admin: { name: 'Ada Admin', roles: ['admin', 'director'] },
} as const satisfies Record<string, { name: string; roles: Role[] }>;
export type StaffName = keyof typeof STAFF;

export interface WebApp {
  url: string;
  ctx: AppContext;
  staff: Record<StaffName, { id: string; email: string; name: string }>;
  /** A member of staff as the use cases take them, for what a test does behind the browser's back. */
  actor(name: StaffName): Extract<Actor, { kind: 'staff' }>;
  /** Runs every job that is due, as the worker would. */
  runJobs(): Promise<void>;
  /**
   * The one-time portal sign-in links sent so far, oldest first, from where customers get them: the dev
   * mailbox and the test SMS gateway's texts (to one number, when given).
   */
  signInLinks(textedTo?: string): Promise<string[]>;
  /** The satisfaction-survey links emailed so far, oldest first, pointed at this server. */
  surveyLinks(): Promise<string[]>;
  /** Everything the server logged, one JSON line each. */
  logs: string[];
  /** The test SMS gateway, when the app was started with one. */
  smsGateway: TestSmsGateway | undefined;
  setNow(now: string): void;
  close(): Promise<void>;
}

export async function startWebApp(
  options: {
    now?: string;
    sms?: boolean;
    /** Listen on this port, which is then in the public URL (single sign-on's redirect must name it). */
    port?: number;
    /** Single sign-on and LOCAL_PASSWORDS, as the environment would set them. */
    staffSignIn?: StaffSignInSettings;
  } = {},
): Promise<WebApp> {
  const dir = mkdtempSync(join(tmpdir(), 'redress-browser-'));
  const mailboxDir = join(dir, 'mailbox');
  const smsGateway = options.sms ? await startSmsGateway() : undefined;
  const publicUrl = options.port ? `http://127.0.0.1:${options.port}` : 'http://127.0.0.1';
  const db = await openDatabase({ dataDir: dir });
  await migrate(db);
  // The browser's own clock is real: by default the server's starts at the same moment, so "today" agrees.
  let now = options.now ? new Date(options.now) : new Date();
  const logs: string[] = [];
  const ctx: AppContext = {
    db,
    documents: fileDocumentStore(join(dir, 'documents')),
    procedure: MISO_PROCEDURE,
    now: () => now,
    logger: pino({ level: 'info' }, { write: (line: string) => logs.push(line) }),
    publicUrl,
    mail: { mailboxDir },
    sms: smsGateway && httpSmsGateway(smsGateway.settings),
    // The audit trail is hashed without keys here; second factors are still sealed, never stored plain.
    sealingKeys: auditKeyring([Buffer.from('test sealing key, only ever used by test harnesses')]),
  };
  const staff = {} as WebApp['staff'];
  for (const [key, s] of Object.entries(STAFF) as [StaffName, (typeof STAFF)[StaffName]][]) {
    const email = `${key}@test.redress`;
    // As in life: an admin sets a one-time password, and the member of staff chooses their own.
    const user = await addUser(ctx, {
      email,
      name: s.name,
      roles: [...s.roles],
      password: ONE_TIME_PASSWORD,
    });
    await changePassword(ctx, user.id, { currentPassword: ONE_TIME_PASSWORD, newPassword: PASSWORD });
    staff[key] = { id: user.id, email, name: s.name };
  }
  // After the staff chose their passwords: with LOCAL_PASSWORDS=off, that would be refused.
  if (options.staffSignIn) ctx.staffSignIn = options.staffSignIn;
  const app = await buildApp(ctx, { publicUrl, formsPerMinute: 100_000 });
  const url = await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  return {
    url,
    ctx,
    staff,
    actor: (name) => ({ kind: 'staff', id: staff[name].id, roles: [...STAFF[name].roles] }),
    runJobs: async () => {
      await runDueJobs(db, jobHandlers(ctx), { now: () => now, owner: 'browser-test' });
    },
    logs,
    smsGateway,
    signInLinks: async (textedTo) => {
      const files = existsSync(mailboxDir) ? readdirSync(mailboxDir).map((f) => join(mailboxDir, f)) : [];
      const emailed = await Promise.all(
        files.map(async (file) => ({
          at: statSync(file).mtimeMs,
          text: (await simpleParser(readFileSync(file))).text ?? '',
        })),
      );
      const texted = (smsGateway?.texts ?? []).map((m) => ({ at: m.at, text: m.text, to: m.to }));
      const sent = textedTo ? texted.filter((m) => m.to === textedTo) : [...emailed, ...texted];
      // A link is written with the configured public URL: point it at this server.
      return sent
        .sort((a, b) => a.at - b.at)
        .flatMap((m) => linkTokensIn(m.text))
        .map((token) => `${url}/track/sign-in?token=${token}`);
    },
    surveyLinks: async () => {
      const files = existsSync(mailboxDir) ? readdirSync(mailboxDir).map((f) => join(mailboxDir, f)) : [];
      const emailed = await Promise.all(
        files.map(async (file) => ({
          at: statSync(file).mtimeMs,
          text: (await simpleParser(readFileSync(file))).text ?? '',
        })),
      );
      return emailed
        .sort((a, b) => a.at - b.at)
        .flatMap((m) =>
          [...m.text.matchAll(/\/survey#([A-Za-z0-9_-]{20,})/g)].map((x) => `${url}/survey#${x[1]}`),
        );
    },
    setNow: (value) => {
      now = new Date(value);
    },
    close: async () => {
      await app.close();
      await smsGateway?.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
