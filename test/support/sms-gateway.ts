/**
 * A real HTTP SMS gateway on loopback that speaks what Redress sends (src/sms/http-gateway.ts): a JSON POST
 * `{to, from, text}` with a bearer token. It keeps every text it accepts, refuses a wrong token with 401, and
 * can be made to answer with an error, to play an outage.
 *
 *   const gateway = await startSmsGateway();
 *   ctx.sms = httpSmsGateway(gateway.settings);
 *   gateway.texts  // what arrived
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpSmsGatewaySettings } from '../../src/sms/http-gateway.ts';

export interface ReceivedText {
  to: string;
  from: string;
  text: string;
  idempotencyKey: string | undefined;
  at: number;
}

export interface TestSmsGateway {
  url: string;
  /** What Redress needs to send here (URL, token, sender name). */
  settings: HttpSmsGatewaySettings;
  texts: ReceivedText[];
  /** Requests refused (outage or wrong token), by status. */
  refused: number[];
  /** From now on, answer every request with this status (null: accept again). */
  failWith(status: number | null): void;
  /** The sign-in link tokens texted so far, oldest first (to one number, when given). */
  linkTokens(to?: string): string[];
  close(): Promise<void>;
}

const TOKEN = 'test-gateway-token-0123456789';

/** The token of each portal sign-in link in a message's text. */
export function linkTokensIn(text: string): string[] {
  return [...text.matchAll(/\/track\/sign-in\?token=([A-Za-z0-9_-]+)/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

export async function startSmsGateway(): Promise<TestSmsGateway> {
  const texts: ReceivedText[] = [];
  const refused: number[] = [];
  let failing: number | null = null;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status =
        failing ??
        (request.headers.authorization === `Bearer ${TOKEN}` && request.method === 'POST' ? 200 : 401);
      if (status !== 200) {
        refused.push(status);
        response.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"refused"}');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<ReceivedText, 'at'>;
      const key = request.headers['idempotency-key'];
      texts.push({ ...body, idempotencyKey: typeof key === 'string' ? key : undefined, at: Date.now() });
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `sms-${texts.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`;
  return {
    url,
    settings: { url, token: TOKEN, from: 'Miso' },
    texts,
    refused,
    failWith: (status) => {
      failing = status;
    },
    linkTokens: (to) =>
      texts.filter((t) => to === undefined || t.to === to).flatMap((t) => linkTokensIn(t.text)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
