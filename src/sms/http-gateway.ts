/**
 * The SMS gateway Redress speaks out of the box: a JSON POST per message to `SMS_GATEWAY_URL`,
 *
 *   POST <url>   Authorization: Bearer <SMS_GATEWAY_TOKEN>   Idempotency-Key: <job id>
 *   {"to": "+447700900123", "from": "<SMS_FROM>", "text": "…"}
 *
 * answered by any 2xx (with `{"id": "…"}` when the gateway gives the message an id). Most providers accept
 * this shape directly or through a small relay; another API is another `SmsSender`.
 *
 * An error never quotes the gateway's answer: a gateway that echoes the request would put the sign-in link
 * in the job's error, which is logged and stored.
 */
import type { SmsSender, TextMessage } from '../app/context.ts';

export interface HttpSmsGatewaySettings {
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string | undefined;
  /** The sender shown on the phone: an alphanumeric id (up to 11 characters) or a number. */
  from: string;
  /** How long to wait for an answer (default 30 s). */
  timeoutMs?: number | undefined;
}

export function httpSmsGateway(settings: HttpSmsGatewaySettings): SmsSender {
  return {
    async send(message: TextMessage) {
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': message.idempotencyKey,
            ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
          },
          body: JSON.stringify({ to: message.to, from: settings.from, text: message.text }),
          signal: AbortSignal.timeout(settings.timeoutMs ?? 30_000),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: unknown } }).cause?.code;
        throw new Error(
          `the SMS gateway could not be reached: ${(error as Error).message}${cause ? ` (${String(cause)})` : ''}`,
        );
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`the SMS gateway refused the message: HTTP ${response.status}`);
      }
      const answer: unknown = await response.json().catch(() => null);
      const id = (answer as { id?: unknown } | null)?.id;
      return { id: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
    },
  };
}
