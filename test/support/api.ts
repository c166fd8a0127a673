/**
 * A running Redress API on a fresh database, reached over real HTTP, with a clock the test moves.
 *
 *   const t = await startApi(harness);            // staff: agent, reviewer, director, director2, admin
 *   const res = await t.as('agent').post('/complaints', body);
 *
 * or typed from the OpenAPI document, as the web app calls it, so that a renamed route, a wrong body or a
 * misread answer fails `tsc` (`npm run typecheck`) rather than at run time:
 *
 *   const { data, error, response } = await t.typed('agent').POST('/api/v1/complaints', { body: newComplaint() });
 *   const complaint = await command(t.typed('agent'), reference, 'propose', { summary, steps });
 */
import createClient, { type Client as OpenApiClient } from 'openapi-fetch';
import pino from 'pino';
import { addUser } from '../../src/app/add-user.ts';
import type { AppContext, SmsSender } from '../../src/app/context.ts';
import { createApiToken } from '../../src/app/create-api-token.ts';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { auditKeyring } from '../../src/db/audit-keys.ts';
import type { Procedure, Role } from '../../src/domain/procedure.ts';
import { buildApp } from '../../src/http/app.ts';
import { type RunSummary, runDueJobs } from '../../src/jobs/worker.ts';
import type { OutboundMailSettings } from '../../src/mail/outbound/transport.ts';
import { createMetrics } from '../../src/metrics/metrics.ts';
import { withQueryTiming } from '../../src/metrics/query-timing.ts';
import type { components, paths } from '../../web/src/api/schema.d.ts';
import type { DialectHarness, TestDb } from './databases.ts';
import { documentsOf } from './documents.ts';

export const STAFF = {
  agent: ['agent'],
  agent2: ['agent'],
  reviewer: ['reviewer'],
  director: ['director'],
  director2: ['director'],
  admin: ['admin'],
} as const satisfies Record<string, Role[]>;
export type StaffName = keyof typeof STAFF;

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies freely
  body: any;
}

export interface Client {
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  patch(path: string, body?: unknown): Promise<Reply>;
  raw(path: string, init: RequestInit): Promise<Reply>;
  /** A download: the body as bytes, not parsed. */
  bytes(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; bytes: Buffer }>;
}

/**
 * The API typed from its OpenAPI document (web/src/api/schema.d.ts, written by `npm run api-types`, which a
 * test keeps current): paths, parameters, bodies and answers are all checked by the compiler.
 */
export type TypedClient = OpenApiClient<paths>;
export type ApiPaths = paths;
export type Schemas = components['schemas'];

/** `POST /api/v1/complaints/{reference}/<name>` for each procedure command (and reply). */
type CommandPath = {
  [P in keyof paths]: P extends `/api/v1/complaints/{reference}/${infer Name}`
    ? Name extends `${string}/${string}`
      ? never
      : paths[P] extends { post: object }
        ? P
        : never
    : never;
}[keyof paths];
type CommandOperation<C extends CommandName> = NonNullable<
  paths[Extract<CommandPath, `/api/v1/complaints/{reference}/${C}`>]['post']
>;
/** The commands by their names in the API: `propose`, `record-response`, `take`, … */
export type CommandName = CommandPath extends `/api/v1/complaints/{reference}/${infer Name}` ? Name : never;
/** What a command takes. */
export type CommandBody<C extends CommandName> =
  CommandOperation<C>['requestBody']['content']['application/json'];
/** What an accepted command answers: the complaint as it now stands. */
export type CommandResult<C extends CommandName> =
  CommandOperation<C>['responses'][200]['content']['application/json'];

/** Issues a command through a typed client; throws (failing the test) unless it is accepted. */
export async function command<C extends CommandName>(
  client: TypedClient,
  reference: string,
  name: C,
  body: CommandBody<C>,
): Promise<CommandResult<C>> {
  // One call for every command: the signature above is what checks the name and the body.
  const path = `/api/v1/complaints/{reference}/${name}` as '/api/v1/complaints/{reference}/add-note';
  const { data, error, response } = await client.POST(path, {
    params: { path: { reference } },
    body: body as CommandBody<'add-note'>,
  });
  if (!data) throw new Error(`${name} answered ${response.status}: ${JSON.stringify(error)}`);
  return data as CommandResult<C>;
}

export interface TestApi {
  db: TestDb;
  /** What the application logged, one JSON line each (never a sign-in link's token: tests check). */
  logs: string[];
  ctx: AppContext;
  url: string;
  users: Record<StaffName, { id: string; token: string }>;
  /** Sets the clock every use case reads. */
  setNow(now: Date | string): void;
  now(): Date;
  as(name: StaffName | null): Client;
  /** The same API as `as`, typed from the OpenAPI document; paths are whole (`/api/v1/complaints`). */
  typed(name: StaffName | null): TypedClient;
  /** Issues a procedure command as a member of staff; fails the test unless it is accepted (200). */
  command(who: StaffName, reference: string, name: string, body?: unknown): Promise<Reply['body']>;
  /** Runs every job due now, as the worker would (`jobHandlers` on this context). */
  runJobs(): Promise<RunSummary>;
  close(): Promise<void>;
}

async function send(url: string, init: RequestInit): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** Starts the API on a fresh, migrated database of the harness's dialect. */
export async function startApi(
  harness: DialectHarness,
  options: {
    now?: string;
    procedure?: Procedure;
    formsPerMinute?: number;
    /** Outbound mail (a test SMTP sink, a dev mailbox directory); without it, emails go nowhere. */
    mail?: OutboundMailSettings;
    /** Text messages (the test SMS gateway); without it, nothing is texted and phone sign-in is refused. */
    sms?: SmsSender;
    /** Metrics as `serve` sets them up (queries timed, mail counted), /metrics guarded by this token. */
    metrics?: { token?: string };
    /** Listen on this port, named in the public URL (single sign-on's redirect URI must name it). */
    port?: number;
  } = {},
): Promise<TestApi> {
  const publicUrl = options.port ? `http://127.0.0.1:${options.port}` : 'http://localhost';
  const db = await harness.freshDb();
  let now = new Date(options.now ?? '2026-11-02T10:00:00Z');
  const logs: string[] = [];
  const metrics = options.metrics ? createMetrics() : undefined;
  const ctx: AppContext = {
    db: metrics ? withQueryTiming(db, metrics) : db,
    documents: documentsOf(db),
    ...(metrics ? { metrics } : {}),
    procedure: options.procedure ?? MISO_PROCEDURE,
    now: () => now,
    logger: pino({ level: 'info' }, { write: (line: string) => logs.push(line) }),
    publicUrl,
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.sms ? { sms: options.sms } : {}),
    // The audit trail is hashed without keys here; second factors are still sealed, never stored plain.
    sealingKeys: auditKeyring([Buffer.from('test sealing key, only ever used by test harnesses')]),
  };
  const users = {} as TestApi['users'];
  for (const [name, roles] of Object.entries(STAFF) as [StaffName, Role[]][]) {
    const email = `${name}@test.redress`;
    const user = await addUser(ctx, { email, name: `Test ${name}`, roles });
    users[name] = { id: user.id, token: (await createApiToken(ctx, email)).token };
  }
  // Tests send many requests from one address: the forms' rate limit is tested on its own.
  const app = await buildApp(ctx, {
    publicUrl,
    formsPerMinute: options.formsPerMinute ?? 100_000,
    metrics,
    metricsToken: options.metrics?.token,
  });
  const address = await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const base = `${address}/api/v1`;
  const client = (name: StaffName | null): Client => {
    // Sent as the web app's own fetches are, so that a session cookie a test adds is not taken for a
    // cross-site request (test/api/cross-site.test.ts sends those itself).
    const auth: Record<string, string> = {
      'sec-fetch-site': 'same-origin',
      ...(name ? { authorization: `Bearer ${users[name].token}` } : {}),
    };
    const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      get: (path) => send(base + path, { headers: auth }),
      post: (path, body = {}, headers = {}) => send(base + path, json('POST', body, headers)),
      patch: (path, body = {}) => send(base + path, json('PATCH', body)),
      raw: (path, init) =>
        send(base + path, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } }),
      bytes: async (path, init = {}) => {
        const headers = { ...auth, ...(init.headers as Record<string, string> | undefined) };
        const response = await fetch(base + path, { ...init, headers });
        return {
          status: response.status,
          headers: response.headers,
          bytes: Buffer.from(await response.arrayBuffer()),
        };
      },
    };
  };
  return {
    db,
    logs,
    ctx,
    url: address,
    users,
    setNow: (value) => {
      now = new Date(value);
    },
    now: () => now,
    as: client,
    typed: (name) =>
      createClient<paths>({
        baseUrl: address,
        headers: name ? { authorization: `Bearer ${users[name].token}` } : {},
      }),
    command: async (who, reference, name, body = {}) => {
      const res = await client(who).post(`/complaints/${reference}/${name}`, body);
      // Thrown, not `expect`ed: this module is also the bench's (no vitest there).
      if (res.status !== 200) throw new Error(`${name} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    runJobs: () => runDueJobs(ctx.db, jobHandlers(ctx), { now: () => now, owner: 'test' }),
    close: () => app.close(),
  };
}

/** What `POST /api/v1/complaints` takes. */
export type NewComplaint = NonNullable<
  paths['/api/v1/complaints']['post']['requestBody']
>['content']['application/json'];

/** A complaint body as the phone team would send it, typed: for the typed client. */
export function newComplaint(overrides: Partial<NewComplaint> = {}): NewComplaint {
  return {
    customer: { name: 'Jo Bloggs', email: 'jo@example.org', phone: '01632 960 123' },
    channel: 'phone',
    description: 'I was charged twice for October.',
    category: 'billing',
    formal: true,
    desiredOutcome: 'A refund of the second charge',
    ...overrides,
  };
}

/** The same, with any overrides, valid or not: for the untyped client. */
export function phoneComplaint(overrides: Record<string, unknown> = {}) {
  return { ...newComplaint(), ...overrides };
}
