/** Rate limits of the endpoints anyone can call: password sign-in and the customer portal's forms. */
import type { AppOptions } from './app.ts';

/** A route's `config` limiting it to `formsPerMinute` requests a minute from one client address. */
export function formLimit(options: AppOptions) {
  return { rateLimit: { max: options.formsPerMinute ?? 20, timeWindow: '1 minute' } };
}
