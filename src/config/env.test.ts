import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from './env.ts';

describe('readSettings', () => {
  it('runs on SQLite under ./data on port 3000 with nothing set', () => {
    expect(readSettings({})).toEqual({
      ok: true,
      settings: {
        sessions: { idleMinutes: 60, maxHours: 12 },
        staffSignIn: { localPasswords: true, oidc: undefined, mfaRequiredRoles: [] },
        port: 3000,
        host: '127.0.0.1',
        dataDir: path.resolve('./data'),
        databaseUrl: undefined,
        publicUrl: 'http://localhost:3000',
        procedureFile: undefined,
        logLevel: 'info',
        workerIntervalMs: 15_000,
        sqliteReaders: Math.min(4, availableParallelism()),
        jobRetentionDays: 30,
        workerConcurrency: 8,
        renderThreads: undefined,
        shutdownTimeoutMs: 20_000,
        trustProxy: false,
        mail: {
          smtpUrl: undefined,
          smtpMaxConnections: 5,
          smtpPort: 2525,
          from: undefined,
          replyTo: undefined,
          maxBytes: 10 * 1024 * 1024,
          newMessages: 'complaint',
          imap: undefined,
        },
        documents: { kind: 'file', dir: path.resolve('./data/documents') },
        audit: {
          keys: undefined,
          keyFile: undefined,
          generatedKeyFile: path.resolve('./data/audit-key'),
          signingKeyFile: path.resolve('./data/audit-signing-key.pem'),
          checkpointFile: path.resolve('./data/audit-checkpoints.jsonl'),
          mailTo: undefined,
          url: undefined,
        },
      },
    });
  });

  it('reads the audit keys (several, comma-separated), refuses a short key and AUDIT_KEY with AUDIT_KEY_FILE', () => {
    const long = 'a'.repeat(32);
    expect(readSettings({ AUDIT_KEY: `${long}, ${'b'.repeat(40)}` })).toMatchObject({
      ok: true,
      settings: { audit: { keys: [long, 'b'.repeat(40)] } },
    });
    expect(readSettings({ AUDIT_KEY: 'short' })).toMatchObject({
      ok: false,
      problems: [{ path: 'AUDIT_KEY', message: expect.stringMatching(/at least 32 characters/) }],
    });
    expect(readSettings({ AUDIT_KEY: long, AUDIT_KEY_FILE: '/etc/redress/audit-key' })).toMatchObject({
      ok: false,
      problems: [
        { path: 'AUDIT_KEY_FILE', message: expect.stringMatching(/must not be set with AUDIT_KEY/) },
      ],
    });
  });

  it('refuses a role MFA_REQUIRED_ROLES does not know', () => {
    expect(readSettings({ MFA_REQUIRED_ROLES: 'admin,boss' })).toMatchObject({
      ok: false,
      problems: [
        { path: 'MFA_REQUIRED_ROLES', message: expect.stringMatching(/of agent, reviewer, director, admin/) },
      ],
    });
  });

  it('reads every variable, numbers from text', () => {
    const result = readSettings({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/redress',
      DATABASE_URL: 'postgres://redress@db/redress',
      PUBLIC_URL: 'https://complaints.example.co.uk',
      PROCEDURE_FILE: 'procedure.json',
      LOG_LEVEL: 'debug',
      WORKER_INTERVAL_MS: '5000',
      SQLITE_READERS: '0',
      JOB_RETENTION_DAYS: '90',
      WORKER_CONCURRENCY: '16',
      RENDER_THREADS: '0',
      SHUTDOWN_TIMEOUT_MS: '5000',
      SMTP_MAX_CONNECTIONS: '3',
      TRUST_PROXY: '10.0.0.1,10.1.0.0/16',
      SMTP_URL: 'smtp://mail.example.co.uk:587',
      SMTP_PORT: '25',
      MAIL_FROM: 'Miso Complaints <complaints@miso.example>',
      MAIL_REPLY_TO: 'complaints@miso.example',
      MAIL_MAX_BYTES: '1000000',
      MAIL_NEW_MESSAGES: 'triage',
      IMAP_URL: 'imaps://complaints%40miso.example:secret@imap.example.co.uk',
      IMAP_FOLDER: 'Complaints',
      IMAP_PROCESSED_FOLDER: 'Complaints/Done',
      IMAP_POLL_MS: '30000',
      IMAP_TLS_REJECT_UNAUTHORIZED: 'false',
      SESSION_IDLE_MINUTES: '30',
      SESSION_MAX_HOURS: '10',
      LOCAL_PASSWORDS: 'off',
      OIDC_ISSUER: 'https://login.example.co.uk/realms/staff',
      OIDC_CLIENT_ID: 'redress',
      OIDC_CLIENT_SECRET: 'a client secret',
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_GROUPS_CLAIM: 'roles',
      OIDC_ROLE_GROUPS: 'redress-agents:agent, redress-admins:admin,idp:directors:director',
      OIDC_BUTTON_LABEL: 'Sign in with Miso',
      MFA_REQUIRED_ROLES: 'admin, director,admin',
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        sessions: { idleMinutes: 30, maxHours: 10 },
        staffSignIn: {
          localPasswords: false,
          mfaRequiredRoles: ['admin', 'director'],
          oidc: {
            issuer: 'https://login.example.co.uk/realms/staff',
            clientId: 'redress',
            clientSecret: 'a client secret',
            scopes: 'openid email profile groups',
            groupsClaim: 'roles',
            roleGroups: [
              { group: 'redress-agents', role: 'agent' },
              { group: 'redress-admins', role: 'admin' },
              { group: 'idp:directors', role: 'director' },
            ],
            buttonLabel: 'Sign in with Miso',
          },
        },
        port: 8080,
        host: '0.0.0.0',
        dataDir: '/var/lib/redress',
        databaseUrl: 'postgres://redress@db/redress',
        documents: { kind: 'file', dir: '/var/lib/redress/documents' },
        audit: {
          keys: undefined,
          keyFile: undefined,
          generatedKeyFile: '/var/lib/redress/audit-key',
          signingKeyFile: '/var/lib/redress/audit-signing-key.pem',
          checkpointFile: '/var/lib/redress/audit-checkpoints.jsonl',
          mailTo: undefined,
          url: undefined,
        },
        publicUrl: 'https://complaints.example.co.uk',
        procedureFile: 'procedure.json',
        logLevel: 'debug',
        workerIntervalMs: 5000,
        sqliteReaders: 0,
        jobRetentionDays: 90,
        workerConcurrency: 16,
        renderThreads: 0,
        shutdownTimeoutMs: 5000,
        trustProxy: ['10.0.0.1', '10.1.0.0/16'],
        mail: {
          smtpUrl: 'smtp://mail.example.co.uk:587',
          smtpMaxConnections: 3,
          smtpPort: 25,
          from: 'Miso Complaints <complaints@miso.example>',
          replyTo: 'complaints@miso.example',
          maxBytes: 1_000_000,
          newMessages: 'triage',
          imap: {
            url: 'imaps://complaints%40miso.example:secret@imap.example.co.uk',
            folder: 'Complaints',
            processedFolder: 'Complaints/Done',
            pollMs: 30_000,
            tlsRejectUnauthorized: false,
          },
        },
      },
    });
  });

  it('trusts a proxy only when told to, and refuses a setting it cannot read', () => {
    expect(readSettings({ TRUST_PROXY: 'true' })).toMatchObject({ settings: { trustProxy: true } });
    const bad = readSettings({ TRUST_PROXY: 'the usual one' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['TRUST_PROXY']);
  });

  it('polls IMAP only when IMAP_URL is set, INBOX every minute by default, and checks the URL', () => {
    expect(readSettings({ IMAP_URL: 'imap://u:p@127.0.0.1:1143' })).toMatchObject({
      ok: true,
      settings: {
        mail: {
          imap: {
            url: 'imap://u:p@127.0.0.1:1143',
            folder: 'INBOX',
            processedFolder: undefined,
            pollMs: 60_000,
            tlsRejectUnauthorized: true,
          },
        },
      },
    });
    const bad = readSettings({ IMAP_URL: 'pop3://u:p@mail', IMAP_POLL_MS: '10' });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path).sort()).toEqual(['IMAP_POLL_MS', 'IMAP_URL']);
  });

  it('takes STARTTLS and AUTH for the listener only together, and AUTH only with TLS', () => {
    const tls = { SMTP_TLS_KEY_FILE: '/etc/redress/key.pem', SMTP_TLS_CERT_FILE: '/etc/redress/cert.pem' };
    const auth = { SMTP_AUTH_USER: 'relay', SMTP_AUTH_PASSWORD: 'a-long-relay-password' };
    expect(readSettings({ ...tls, ...auth })).toMatchObject({
      settings: {
        mail: {
          listenerTls: { keyFile: '/etc/redress/key.pem', certFile: '/etc/redress/cert.pem' },
          listenerAuth: { user: 'relay', password: 'a-long-relay-password' },
        },
      },
    });
    const paths = (env: Record<string, string>) => {
      const read = readSettings(env);
      return read.ok ? [] : read.problems.map((p) => p.path);
    };
    expect(paths({ SMTP_TLS_KEY_FILE: '/k.pem' })).toEqual(['SMTP_TLS_CERT_FILE']);
    expect(paths({ ...tls, SMTP_AUTH_PASSWORD: 'a-long-relay-password' })).toEqual(['SMTP_AUTH_USER']);
    expect(paths(auth)).toEqual(['SMTP_AUTH_USER']);
  });

  it('texts through an SMS gateway only with its URL and a sender, and never sends its token in clear', () => {
    expect(readSettings({})).toMatchObject({ ok: true, settings: { sms: undefined } });
    const gateway = { SMS_GATEWAY_URL: 'https://sms.example.net/v1/messages', SMS_FROM: 'Miso' };
    expect(readSettings({ ...gateway, SMS_GATEWAY_TOKEN: 'secret-token' })).toMatchObject({
      ok: true,
      settings: {
        sms: { gatewayUrl: 'https://sms.example.net/v1/messages', token: 'secret-token', from: 'Miso' },
      },
    });
    const paths = (env: Record<string, string>) => {
      const read = readSettings(env);
      return read.ok ? [] : read.problems.map((p) => p.path).sort();
    };
    expect(paths({ SMS_GATEWAY_URL: 'https://sms.example.net' })).toEqual(['SMS_FROM']);
    expect(paths({ SMS_FROM: 'Miso', SMS_GATEWAY_TOKEN: 't' })).toEqual(['SMS_FROM', 'SMS_GATEWAY_TOKEN']);
    expect(paths({ ...gateway, SMS_FROM: 'Miso Communications' })).toEqual(['SMS_FROM']);
    expect(paths({ ...gateway, SMS_GATEWAY_URL: 'ftp://sms.example.net' })).toEqual(['SMS_GATEWAY_URL']);
    const clear = { SMS_GATEWAY_URL: 'http://sms.example.net/send', SMS_GATEWAY_TOKEN: 't' };
    expect(paths({ ...gateway, ...clear })).toEqual(['SMS_GATEWAY_URL']);
    expect(paths({ ...gateway, ...clear, SMS_GATEWAY_URL: 'http://127.0.0.1:9000/send' })).toEqual([]);
    expect(paths({ ...gateway, SMS_FROM: '+447700900000' })).toEqual([]);
  });

  it('derives the public URL from the port when none is given', () => {
    expect(readSettings({ PORT: '4000' })).toMatchObject({
      settings: { publicUrl: 'http://localhost:4000' },
    });
  });

  it('treats an empty variable as unset, as an env file with `PORT=` means', () => {
    expect(readSettings({ PORT: '', DATABASE_URL: '', PUBLIC_URL: '', LOG_LEVEL: '' })).toMatchObject({
      ok: true,
      settings: { port: 3000, databaseUrl: undefined, publicUrl: 'http://localhost:3000', logLevel: 'info' },
    });
  });

  it('names each bad variable', () => {
    const result = readSettings({
      PORT: '70000',
      DATABASE_URL: 'mysql://db',
      LOG_LEVEL: 'loud',
      WORKER_INTERVAL_MS: '0',
      PUBLIC_URL: 'not a url',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'PUBLIC_URL',
      'WORKER_INTERVAL_MS',
    ]);
    expect(result.problems.find((p) => p.path === 'DATABASE_URL')?.message).toMatch(/postgres:\/\//);
  });

  it('keeps done jobs at least a whole day, and says so', () => {
    for (const value of ['0', '-3', '1.5', 'a month']) {
      const result = readSettings({ JOB_RETENTION_DAYS: value });
      expect(result).toMatchObject({ ok: false, problems: [{ path: 'JOB_RETENTION_DAYS' }] });
      if (!result.ok) expect(result.problems[0]?.message).toMatch(/day/);
    }
  });

  it('takes a metrics token only long enough to guard /metrics', () => {
    expect(readSettings({ METRICS_TOKEN: 'short' })).toMatchObject({
      ok: false,
      problems: [{ path: 'METRICS_TOKEN', message: expect.stringMatching(/16 characters/) }],
    });
    const read = readSettings({ METRICS_TOKEN: 'a-long-enough-metrics-token' });
    expect(read.ok && read.settings.metricsToken).toBe('a-long-enough-metrics-token');
  });

  it('keeps documents under DATA_DIR, or in the S3 bucket DOCUMENT_STORE names, and checks the S3 settings', () => {
    expect(readSettings({ DATA_DIR: '/srv/redress' })).toMatchObject({
      ok: true,
      settings: { documents: { kind: 'file', dir: '/srv/redress/documents' } },
    });
    const s3 = { DOCUMENT_STORE: 's3://miso-redress/prod/documents/', S3_ENDPOINT: 'http://127.0.0.1:9000' };
    expect(readSettings({ ...s3, AWS_REGION: 'eu-west-2' })).toMatchObject({
      ok: true,
      settings: {
        documents: {
          kind: 's3',
          bucket: 'miso-redress',
          prefix: 'prod/documents',
          endpoint: 'http://127.0.0.1:9000',
          region: 'eu-west-2',
          forcePathStyle: true,
        },
      },
    });
    expect(readSettings({ DOCUMENT_STORE: 's3://miso-redress', S3_REGION: 'eu-west-1' })).toMatchObject({
      settings: {
        documents: { prefix: '', endpoint: undefined, region: 'eu-west-1', forcePathStyle: false },
      },
    });
    const paths = (env: Record<string, string>) => {
      const read = readSettings(env);
      return read.ok ? [] : read.problems.map((p) => p.path).sort();
    };
    expect(paths({ DOCUMENT_STORE: '/srv/documents' })).toEqual(['DOCUMENT_STORE']);
    expect(paths({ DOCUMENT_STORE: 's3://Bad_Bucket' })).toEqual(['DOCUMENT_STORE']);
    expect(paths({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_REGION: 'x' })).toEqual([
      'S3_ENDPOINT',
      'S3_REGION',
    ]);
    expect(paths({ ...s3, S3_ENDPOINT: 'minio:9000' })).toEqual(['S3_ENDPOINT']);
  });

  it('refuses a port that is not a number', () => {
    expect(readSettings({ PORT: 'http' })).toMatchObject({ ok: false, problems: [{ path: 'PORT' }] });
  });

  it('takes single sign-on whole, checks its group mapping, and lets passwords off only with it', () => {
    const problems = (env: Record<string, string>) => {
      const result = readSettings(env);
      return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems({ LOCAL_PASSWORDS: 'off' })).toEqual([
      'LOCAL_PASSWORDS: can be off only with single sign-on (OIDC_ISSUER): otherwise no member of staff could sign in',
    ]);
    expect(problems({ OIDC_ISSUER: 'https://idp.example' })).toEqual([
      'OIDC_CLIENT_ID: must be set with OIDC_ISSUER',
      'OIDC_CLIENT_SECRET: must be set with OIDC_ISSUER',
      'OIDC_ROLE_GROUPS: must be set with OIDC_ISSUER',
    ]);
    const whole = { OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'r', OIDC_CLIENT_SECRET: 's' };
    expect(problems({ ...whole, OIDC_ROLE_GROUPS: 'staff:boss' })).toEqual([
      'OIDC_ROLE_GROUPS: "staff:boss": the role must be one of agent, reviewer, director, admin',
    ]);
    expect(problems({ ...whole, OIDC_ROLE_GROUPS: 'staff:agent', OIDC_SCOPES: 'email' })).toEqual([
      'OIDC_SCOPES: must include openid',
    ]);
    expect(
      problems({ ...whole, OIDC_ROLE_GROUPS: 'staff:agent', OIDC_ISSUER: 'http://idp.example' }),
    ).toEqual([
      'OIDC_ISSUER: must be https:// (or http:// to this machine): tokens and the client secret travel to it',
    ]);
    expect(problems({ OIDC_CLIENT_ID: 'r' })).toEqual(['OIDC_CLIENT_ID: is used only with OIDC_ISSUER']);
    expect(problems({ SESSION_IDLE_MINUTES: '2', SESSION_MAX_HOURS: '0' })).toEqual([
      'SESSION_IDLE_MINUTES: must be at least 5 (minutes)',
      'SESSION_MAX_HOURS: must be at least 1 (hour)',
    ]);
  });
});
