/**
 * Rate limits of the endpoints anyone can call: password sign-in and the customer portal's forms. The
 * counts live in the database (app/count-request.ts), so every process on one database shares them: a
 * client cannot multiply its allowance by the number of web processes behind the load balancer.
 */
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { AppContext } from '../app/context.ts';
import { countRequest } from '../app/count-request.ts';
import type { AppOptions } from './app.ts';

/** A route's `config` limiting it to `formsPerMinute` requests a minute from one client address. */
export function formLimit(options: AppOptions) {
  return { rateLimit: { max: options.formsPerMinute ?? 20, timeWindow: '1 minute' } };
}

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

/**
 * @fastify/rate-limit's store, counting in the database: one upsert per limited request. Each route gets
 * its own child, whose keys begin with the route, so sign-in and the portal's forms are counted apart.
 */
export function databaseRateLimitStore(ctx: AppContext): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = '',
    ) {}

    // The plugin passes the window and the maximum after the callback; its types stop at the callback.
    incr(key: string, callback: Callback, timeWindow?: number): void {
      countRequest(ctx, `${this.prefix}${key}`, timeWindow ?? 60_000).then(
        ({ count, msLeft }) => callback(null, { current: count, ttl: msLeft }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new DatabaseStore({}, `${String(route?.method ?? '')} ${String(route?.url ?? '')} `);
    }
  }
  return DatabaseStore;
}
