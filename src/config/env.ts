/**
 * The environment Redress runs in. Every variable is optional: with none set, `npm start` runs on SQLite under
 * ./data on port 3000.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from '../domain/procedure.ts';
import type { SessionLimits } from '../domain/session-timeouts.ts';
import { parseRoleGroups, type StaffSignInSettings } from '../domain/sso.ts';
import { type ConfigProblem, describeIssues } from './load.ts';

const envObject = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(postgres|postgresql):\/\//,
      'must be a postgres:// URL (leave unset for the embedded SQLite database)',
    )
    .optional(),
  PUBLIC_URL: z.url().optional(),
  PROCEDURE_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_INTERVAL_MS: z.coerce.number().int().positive().default(15_000),
  SQLITE_READERS: z.coerce
    .number({ error: 'must be a whole number of reader threads' })
    .int({ error: 'must be a whole number of reader threads' })
    .min(0, { error: 'must be 0 (reads on the main thread) or more' })
    .max(64, { error: 'must be at most 64: more threads than cores only queue on the same cores' })
    .optional(),
  JOB_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1 (day): done jobs are kept that long before they are pruned' })
    .default(30),
  WORKER_CONCURRENCY: z.coerce
    .number({ error: 'must be a whole number of jobs' })
    .int({ error: 'must be a whole number of jobs' })
    .min(1, { error: 'must be at least 1' })
    .max(256)
    .default(8),
  RENDER_THREADS: z.coerce
    .number({ error: 'must be a whole number of threads' })
    .int({ error: 'must be a whole number of threads' })
    .min(0, { error: 'must be 0 (render in the main thread) or more' })
    .max(64)
    .optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(20_000),
  METRICS_TOKEN: z
    .string()
    .min(16, { error: 'must be at least 16 characters: it is all that guards /metrics from outside' })
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  SMTP_PORT: z.coerce.number().int().min(0).max(65_535).default(2525),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
  MAIL_FROM: z.string().optional(),
  MAIL_REPLY_TO: z.email().optional(),
  MAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  MAIL_NEW_MESSAGES: z.enum(['complaint', 'triage']).default('complaint'),
  SMTP_TLS_KEY_FILE: z.string().optional(),
  SMTP_TLS_CERT_FILE: z.string().optional(),
  SMTP_AUTH_USER: z.string().optional(),
  SMTP_AUTH_PASSWORD: z.string().min(12, { error: 'must be at least 12 characters' }).optional(),
  IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/[^/]*@/, { error: 'must be an imap:// or imaps:// URL with user and password' })
    .optional(),
  IMAP_FOLDER: z.string().default('INBOX'),
  IMAP_PROCESSED_FOLDER: z.string().optional(),
  IMAP_POLL_MS: z.coerce.number().int().min(1000).default(60_000),
  IMAP_TLS_REJECT_UNAUTHORIZED: z.enum(['true', 'false']).default('true'),
  SMS_GATEWAY_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, { error: 'must be an https:// (or http://) URL' })
    .optional(),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  SMS_FROM: z
    .string()
    .regex(/^([A-Za-z0-9 ]{1,11}|\+?[0-9]{6,15})$/, {
      error: 'must be a sender name of up to 11 letters, digits and spaces, or a phone number',
    })
    .optional(),
  DOCUMENT_STORE: z
    .string()
    .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, {
      error: 'must be s3://BUCKET or s3://BUCKET/PREFIX (leave unset for files under DATA_DIR/documents)',
    })
    .optional(),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, {
      error: 'must be the http(s):// URL of an S3-compatible server, e.g. http://127.0.0.1:9000',
    })
    .optional(),
  S3_REGION: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  AUDIT_KEY: z
    .string()
    .refine((v) => v.split(',').every((k) => k.trim().length >= 32), {
      error:
        'must be a key of at least 32 characters (e.g. `openssl rand -hex 32`), or several, comma-separated',
    })
    .optional(),
  AUDIT_KEY_FILE: z.string().optional(),
  AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_MAIL_TO: z.email({ error: 'must be an email address' }).optional(),
  AUDIT_CHECKPOINT_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, { error: 'must be an https:// (or http://) URL' })
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'must be a whole number of minutes' })
    .int({ error: 'must be a whole number of minutes' })
    .min(5, { error: 'must be at least 5 (minutes)' })
    .max(1440, { error: 'must be at most 1440 (a day)' })
    .default(60),
  SESSION_MAX_HOURS: z.coerce
    .number({ error: 'must be a whole number of hours' })
    .int({ error: 'must be a whole number of hours' })
    .min(1, { error: 'must be at least 1 (hour)' })
    .max(720, { error: 'must be at most 720 (30 days)' })
    .default(12),
  LOCAL_PASSWORDS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  OIDC_ISSUER: z
    .url({ error: 'must be the identity provider’s issuer URL, e.g. https://login.example.com/realms/staff' })
    .optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  OIDC_GROUPS_CLAIM: z.string().default('groups'),
  OIDC_ROLE_GROUPS: z.string().optional(),
  OIDC_BUTTON_LABEL: z.string().max(60).default('Sign in with single sign-on'),
  MFA_REQUIRED_ROLES: z
    .string()
    .refine(
      (v) => v.split(',').every((r) => r.trim() === '' || (ROLES as readonly string[]).includes(r.trim())),
      {
        error: `must be roles separated by commas, of ${ROLES.join(', ')} (e.g. admin,director)`,
      },
    )
    .default(''),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, {
      error: 'must be true, false, or comma-separated proxy addresses (CIDR ranges allowed)',
    })
    .default('false'),
});

const envSchema = envObject.superRefine((e, ctx) => {
  const pairs = [
    ['SMTP_TLS_KEY_FILE', 'SMTP_TLS_CERT_FILE'],
    ['SMTP_AUTH_USER', 'SMTP_AUTH_PASSWORD'],
  ] as const;
  for (const [a, b] of pairs) {
    if (Boolean(e[a]) !== Boolean(e[b])) {
      ctx.addIssue({
        code: 'custom',
        path: [e[a] ? b : a],
        message: `must be set together with ${e[a] ? a : b}`,
      });
    }
  }
  if (e.SMS_GATEWAY_URL && !e.SMS_FROM) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMS_FROM'],
      message: 'must be set with SMS_GATEWAY_URL: the sender name or number texts come from',
    });
  }
  for (const key of ['SMS_GATEWAY_TOKEN', 'SMS_FROM'] as const) {
    if (e[key] && !e.SMS_GATEWAY_URL) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'is used only with SMS_GATEWAY_URL' });
    }
  }
  if (e.SMS_GATEWAY_URL && e.SMS_GATEWAY_TOKEN && !sentSafely(e.SMS_GATEWAY_URL)) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMS_GATEWAY_URL'],
      message:
        'must be https:// when it has a token: the token and the sign-in links must not travel in clear',
    });
  }
  for (const key of ['S3_ENDPOINT', 'S3_REGION', 'S3_FORCE_PATH_STYLE'] as const) {
    if (e[key] && !e.DOCUMENT_STORE) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'is used only with DOCUMENT_STORE=s3://…' });
    }
  }
  checkOidc(e, ctx);
  if (e.AUDIT_KEY && e.AUDIT_KEY_FILE) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUDIT_KEY_FILE'],
      message: 'must not be set with AUDIT_KEY: the audit keys come from one place',
    });
  }
  if (e.SMTP_AUTH_USER && !e.SMTP_TLS_KEY_FILE) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMTP_AUTH_USER'],
      message: 'needs SMTP_TLS_KEY_FILE and SMTP_TLS_CERT_FILE: a password is never accepted in clear',
    });
  }
});

const OIDC_REQUIRED = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_GROUPS'] as const;

/** Single sign-on is all or nothing, and LOCAL_PASSWORDS=off needs it: nobody could sign in otherwise. */
function checkOidc(e: z.infer<typeof envObject>, ctx: z.RefinementCtx): void {
  if (e.OIDC_ISSUER) {
    for (const key of OIDC_REQUIRED) {
      if (!e[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'must be set with OIDC_ISSUER' });
    }
    if (e.OIDC_ROLE_GROUPS) {
      const parsed = parseRoleGroups(e.OIDC_ROLE_GROUPS);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['OIDC_ROLE_GROUPS'], message: parsed.message });
    }
    if (!e.OIDC_SCOPES.split(/\s+/).includes('openid')) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_SCOPES'], message: 'must include openid' });
    }
    if (!sentSafely(e.OIDC_ISSUER)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'must be https:// (or http:// to this machine): tokens and the client secret travel to it',
      });
    }
  } else {
    for (const key of OIDC_REQUIRED) {
      if (e[key]) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is used only with OIDC_ISSUER' });
      }
    }
  }
  if (e.LOCAL_PASSWORDS === 'off' && !e.OIDC_ISSUER) {
    ctx.addIssue({
      code: 'custom',
      path: ['LOCAL_PASSWORDS'],
      message:
        'can be off only with single sign-on (OIDC_ISSUER): otherwise no member of staff could sign in',
    });
  }
}

/** One SQLite reader thread per core, at most four: more would only queue on the same cores. */
export function defaultSqliteReaders(): number {
  return Math.min(4, availableParallelism());
}

/** An https:// URL, or http:// to this machine (a relay beside Redress, a test gateway). */
function sentSafely(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/** Which proxies may say who the client is (X-Forwarded-For), in Fastify's terms. */
export type TrustProxy = boolean | string[];

function parseTrustProxy(value: string): TrustProxy {
  if (value === 'true' || value === 'false') return value === 'true';
  return value.split(',');
}

/** The audit trail's keys and checkpoints (see config/audit-keys.ts and docs/DEPLOYMENT.md, "Audit keys"). */
export interface AuditSettings {
  /** AUDIT_KEY: the audit keys themselves, oldest first (the last hashes new rows). */
  keys: string[] | undefined;
  /** AUDIT_KEY_FILE: a file of audit keys, one a line, oldest first. */
  keyFile: string | undefined;
  /** Where `npm start` keeps the key it generated when none is configured (SQLite only). */
  generatedKeyFile: string;
  /** AUDIT_SIGNING_KEY_FILE: the Ed25519 private key (PEM) checkpoints are signed with; default under DATA_DIR. */
  signingKeyFile: string;
  /** AUDIT_CHECKPOINT_FILE: the append-only file of signed checkpoints; default under DATA_DIR. */
  checkpointFile: string;
  /** AUDIT_CHECKPOINT_MAIL_TO: each checkpoint is also mailed here. */
  mailTo: string | undefined;
  /** AUDIT_CHECKPOINT_URL: each checkpoint is also POSTed here (JSON). */
  url: string | undefined;
}

export interface Settings {
  /** How long staff sessions last (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS). */
  sessions: SessionLimits;
  /** LOCAL_PASSWORDS and single sign-on (OIDC_*). */
  staffSignIn: StaffSignInSettings;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  procedureFile: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  workerIntervalMs: number;
  /** SQLite reader threads for `redress serve` (SQLITE_READERS, default min(4, cores); 0: on the main thread). */
  sqliteReaders: number;
  /** Done jobs are deleted this many days after they finished (JOB_RETENTION_DAYS, default 30). */
  jobRetentionDays: number;
  /** Jobs a worker runs at once (WORKER_CONCURRENCY, default 8). */
  workerConcurrency: number;
  /** Letter render threads (RENDER_THREADS; 0: in the main thread; unset: cores − 1, at least 1). */
  renderThreads: number | undefined;
  /** How long a stopping process waits for requests and jobs in hand before it exits anyway. */
  shutdownTimeoutMs: number;
  /** Bearer token for /metrics (METRICS_TOKEN); unset: /metrics answers this machine only. */
  metricsToken: string | undefined;
  /** Behind a reverse proxy, which proxies to believe about the client's address (rate limits use it). */
  trustProxy: TrustProxy;
  mail: MailSettings;
  /** The SMS gateway, when SMS_GATEWAY_URL is set; without it, sign-in links go by email only. */
  sms: SmsSettings | undefined;
  /** Where letters, attachments and uploads are stored (DOCUMENT_STORE); default DATA_DIR/documents. */
  documents: DocumentStoreSettings;
  audit: AuditSettings;
}

export type DocumentStoreSettings =
  | { kind: 'file'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      /** Without leading or trailing slashes; empty: the bucket's root. */
      prefix: string;
      endpoint: string | undefined;
      region: string;
      forcePathStyle: boolean;
    };

function documentStoreSettings(
  e: z.infer<typeof envSchema>,
  dataDir: string,
  awsRegion: string | undefined,
): DocumentStoreSettings {
  if (!e.DOCUMENT_STORE) return { kind: 'file', dir: path.join(dataDir, 'documents') };
  const url = new URL(e.DOCUMENT_STORE);
  return {
    kind: 's3',
    bucket: url.hostname,
    prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, ''),
    endpoint: e.S3_ENDPOINT,
    // The SDK needs a region even for servers that ignore it; AWS_REGION is the SDK's own variable.
    region: e.S3_REGION || awsRegion || 'us-east-1',
    // S3-compatible servers mostly want the bucket in the path; AWS itself wants it in the host name.
    forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : e.S3_ENDPOINT !== undefined,
  };
}

export interface SmsSettings {
  /** Where each text is POSTed as JSON `{to, from, text}` (SMS_GATEWAY_URL). */
  gatewayUrl: string;
  /** Sent as `Authorization: Bearer …` (SMS_GATEWAY_TOKEN). */
  token: string | undefined;
  /** The sender name or number texts come from (SMS_FROM). */
  from: string;
}

export interface MailSettings {
  /** Outbound SMTP server; without it, mail goes to a local mailbox under DATA_DIR. */
  smtpUrl: string | undefined;
  /** Most connections kept open to `smtpUrl` (SMTP_MAX_CONNECTIONS, default 5). */
  smtpMaxConnections: number;
  /** Port of the built-in inbound SMTP listener (0: any free port). */
  smtpPort: number;
  /** From header of outbound mail; default: the company's complaints address from the procedure. */
  from: string | undefined;
  /** Where replies go (the inbound address); default: the From address. */
  replyTo: string | undefined;
  /** Largest message the listener (and the IMAP poller) accepts, in bytes. */
  maxBytes: number;
  /** What a new message from a person becomes: a complaint at once, or an item staff triage. */
  newMessages: 'complaint' | 'triage';
  /** STARTTLS for the listener, when a key and certificate (PEM files) are given. */
  listenerTls: { keyFile: string; certFile: string } | undefined;
  /** The one account senders must authenticate as (after STARTTLS), when set. */
  listenerAuth: { user: string; password: string } | undefined;
  /** The IMAP poller, when IMAP_URL is set. */
  imap: ImapSettings | undefined;
}

export interface ImapSettings {
  /** `imap://user:password@host:143` (STARTTLS when offered) or `imaps://user:password@host:993`. */
  url: string;
  /** Where new mail arrives (IMAP_FOLDER, default INBOX). */
  folder: string;
  /** Where processed mail is moved (IMAP_PROCESSED_FOLDER); unset: it stays, marked \Seen. */
  processedFolder: string | undefined;
  /** Time between polls (IMAP_POLL_MS, default 60 000). */
  pollMs: number;
  /** IMAP_TLS_REJECT_UNAUTHORIZED=false accepts a server certificate that does not verify. */
  tlsRejectUnauthorized: boolean;
}

function staffSignInSettings(e: z.infer<typeof envSchema>): StaffSignInSettings {
  const parsed = e.OIDC_ROLE_GROUPS ? parseRoleGroups(e.OIDC_ROLE_GROUPS) : undefined;
  const oidc =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET && parsed?.ok
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          scopes: e.OIDC_SCOPES,
          groupsClaim: e.OIDC_GROUPS_CLAIM,
          roleGroups: parsed.roleGroups,
          buttonLabel: e.OIDC_BUTTON_LABEL,
        }
      : undefined;
  const mfaRequiredRoles = [
    ...new Set(
      e.MFA_REQUIRED_ROLES.split(',')
        .map((r) => r.trim())
        .filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    ),
  ];
  return { localPasswords: e.LOCAL_PASSWORDS === 'on', oidc, mfaRequiredRoles };
}

/**
 * Reads the settings from environment variables, or lists what is wrong with them. An empty variable
 * (`PORT=` in an env file) counts as unset: otherwise `PORT=` would be port 0, a random one.
 */
export function readSettings(
  env: NodeJS.ProcessEnv,
): { ok: true; settings: Settings } | { ok: false; problems: ConfigProblem[] } {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };
  const e = parsed.data;
  return {
    ok: true,
    settings: {
      sessions: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
      staffSignIn: staffSignInSettings(e),
      port: e.PORT,
      host: e.HOST,
      dataDir: path.resolve(e.DATA_DIR),
      databaseUrl: e.DATABASE_URL || undefined,
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
      procedureFile: e.PROCEDURE_FILE,
      logLevel: e.LOG_LEVEL,
      workerIntervalMs: e.WORKER_INTERVAL_MS,
      sqliteReaders: e.SQLITE_READERS ?? defaultSqliteReaders(),
      jobRetentionDays: e.JOB_RETENTION_DAYS,
      workerConcurrency: e.WORKER_CONCURRENCY,
      renderThreads: e.RENDER_THREADS,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      metricsToken: e.METRICS_TOKEN,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
      mail: {
        smtpUrl: e.SMTP_URL,
        smtpMaxConnections: e.SMTP_MAX_CONNECTIONS,
        smtpPort: e.SMTP_PORT,
        from: e.MAIL_FROM,
        replyTo: e.MAIL_REPLY_TO,
        maxBytes: e.MAIL_MAX_BYTES,
        newMessages: e.MAIL_NEW_MESSAGES,
        listenerTls:
          e.SMTP_TLS_KEY_FILE && e.SMTP_TLS_CERT_FILE
            ? { keyFile: e.SMTP_TLS_KEY_FILE, certFile: e.SMTP_TLS_CERT_FILE }
            : undefined,
        listenerAuth:
          e.SMTP_AUTH_USER && e.SMTP_AUTH_PASSWORD
            ? { user: e.SMTP_AUTH_USER, password: e.SMTP_AUTH_PASSWORD }
            : undefined,
        imap: e.IMAP_URL
          ? {
              url: e.IMAP_URL,
              folder: e.IMAP_FOLDER,
              processedFolder: e.IMAP_PROCESSED_FOLDER,
              pollMs: e.IMAP_POLL_MS,
              tlsRejectUnauthorized: e.IMAP_TLS_REJECT_UNAUTHORIZED === 'true',
            }
          : undefined,
      },
      documents: documentStoreSettings(e, path.resolve(e.DATA_DIR), env.AWS_REGION),
      audit: {
        keys: e.AUDIT_KEY?.split(',').map((k) => k.trim()),
        keyFile: e.AUDIT_KEY_FILE && path.resolve(e.AUDIT_KEY_FILE),
        generatedKeyFile: path.resolve(e.DATA_DIR, 'audit-key'),
        signingKeyFile: path.resolve(
          e.AUDIT_SIGNING_KEY_FILE ?? path.join(e.DATA_DIR, 'audit-signing-key.pem'),
        ),
        checkpointFile: path.resolve(
          e.AUDIT_CHECKPOINT_FILE ?? path.join(e.DATA_DIR, 'audit-checkpoints.jsonl'),
        ),
        mailTo: e.AUDIT_CHECKPOINT_MAIL_TO,
        url: e.AUDIT_CHECKPOINT_URL,
      },
      sms:
        e.SMS_GATEWAY_URL && e.SMS_FROM
          ? { gatewayUrl: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN, from: e.SMS_FROM }
          : undefined,
    },
  };
}
