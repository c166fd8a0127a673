/**
 * A customer signed in to the portal as they would be: they ask for the one-time link, the worker emails it,
 * and they follow it from their mailbox (here the test SMTP sink). The token is never read from a log.
 */
import type { TestApi } from './api.ts';
import { linkTokensIn } from './sms-gateway.ts';
import type { SmtpSink } from './smtp-sink.ts';

/** The portal session cookie (`name=value`) of the customer with this email, signed in for `reference`. */
export async function portalSessionCookie(
  t: TestApi,
  sink: SmtpSink,
  reference: string,
  email: string,
): Promise<string> {
  const asked = await t.as(null).post('/portal/sign-in-link', { reference, contact: email });
  if (asked.status !== 202) throw new Error(`sign-in link refused: ${JSON.stringify(asked.body)}`);
  await t.runJobs();
  const token = (await sink.parsed())
    .filter((m) => m.subject?.includes(`[${reference}]`))
    .flatMap((m) => linkTokensIn(m.text ?? ''))
    .at(-1);
  const signedIn = await t.as(null).post('/portal/sign-in', { token });
  if (signedIn.status !== 200) throw new Error(`sign-in refused: ${JSON.stringify(signedIn.body)}`);
  return (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
