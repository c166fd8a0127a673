/**
 * The listener's optional STARTTLS and AUTH: given a key, a certificate and an account, it takes mail only
 * from a sender who upgraded to TLS and then authenticated; a password is never accepted in clear.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { type SmtpListener, startSmtpListener } from '../../src/mail/inbound/smtp-listener.ts';
import { describeEachDialect } from '../support/databases.ts';
import { documentsOf } from '../support/documents.ts';

const OPENSSL = '/usr/bin/openssl';
const ACCOUNT = { user: 'relay', password: 'a-long-relay-password' };
/** The same account as nodemailer names it. */
const LOGIN = { user: ACCOUNT.user, pass: ACCOUNT.password };

/** A throwaway self-signed certificate for 127.0.0.1, made with Debian's openssl. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'redress-tls-'));
  execFileSync(
    OPENSSL,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-days',
      '1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

describeEachDialect('SMTP listener with STARTTLS and AUTH', (harness) => {
  const available = existsSync(OPENSSL);
  let listener: SmtpListener;
  beforeAll(async () => {
    if (!available) return;
    const db = await harness.freshDb();
    listener = await startSmtpListener(
      {
        db,
        documents: documentsOf(db),
        procedure: MISO_PROCEDURE,
        now: () => new Date(),
        logger: pino({ level: 'silent' }),
        publicUrl: 'http://localhost',
      },
      { port: 0, host: '127.0.0.1', maxBytes: 100_000, tls: selfSigned(), auth: ACCOUNT },
    );
  });
  afterAll(() => listener?.close());

  const send = (options: Record<string, unknown>) => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: listener.port,
      secure: false,
      tls: { rejectUnauthorized: false },
      connectionTimeout: 10_000,
      ...options,
    });
    return transport
      .sendMail({
        from: 'Jo <jo@example.org>',
        to: 'complaints@miso.test',
        subject: 'Broadband down',
        text: 'Down since Monday.',
      })
      .finally(() => transport.close());
  };

  it.skipIf(!available)('takes mail after STARTTLS and AUTH with the account', async () => {
    const sent = await send({ requireTLS: true, auth: LOGIN });
    expect(sent.response).toMatch(/^250 OK: new-complaint MISO-/);
  });

  it.skipIf(!available)(
    'refuses a sender who does not authenticate, or gets the password wrong',
    async () => {
      const anonymous = await send({ requireTLS: true }).catch((e: { responseCode?: number }) => e);
      expect((anonymous as { responseCode?: number }).responseCode).toBe(530);
      const wrong = await send({
        requireTLS: true,
        auth: { ...ACCOUNT, pass: 'nope', password: undefined },
      }).catch((e: { responseCode?: number }) => e);
      expect((wrong as { responseCode?: number }).responseCode).toBe(535);
    },
  );

  it.skipIf(!available)('never accepts the password in clear', async () => {
    const clear = await send({ ignoreTLS: true, auth: LOGIN }).catch((e: { responseCode?: number }) => e);
    expect((clear as { responseCode?: number }).responseCode).toBe(538);
  });
});
