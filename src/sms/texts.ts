/** What Redress says by text message: short (two messages at most), plain, and signed with the company's name. */
import type { Procedure } from '../domain/procedure.ts';

/** The one-time sign-in link to the customer portal, as a text. */
export function portalLinkText(
  procedure: Procedure,
  reference: string,
  link: string,
  minutes: number,
): string {
  return (
    `${procedure.company.tradingName}: here is your link to track complaint ${reference}. ` +
    `It works once, for ${minutes} minutes: ${link} ` +
    'If you did not ask for it, you can ignore this message.'
  );
}
