/**
 * One autocannon run, measured exactly: every response's status and latency (autocannon's own latency
 * histogram has a 1 ms floor, too coarse for a bare SELECT), and the run's throughput.
 */
import autocannon from 'autocannon';
import { type Latency, latency } from './latency.ts';

export interface Load {
  /** The server's origin, `http://127.0.0.1:1234`. */
  origin: string;
  method: 'GET' | 'POST';
  /** One path, or several that successive requests cycle through. */
  paths: readonly string[];
  headers?: Record<string, string>;
  body?: string;
  /** The one status every response must have. */
  expectStatus: number;
  seconds: number;
  connections: number;
}

/** Latency over every response. */
export interface Measured extends Latency {
  /** Responses per second over the run (all statuses). */
  requestsPerSecond: number;
  responses: number;
  seconds: number;
  /** Responses whose status was not `expectStatus`, by status. */
  unexpected: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
}

/** How many requests went wrong in a run (wrong status, connection error or timeout). */
export function failures(m: Measured): number {
  return Object.values(m.unexpected).reduce((a, b) => a + b, 0) + m.errors;
}

export function runLoad(load: Load): Promise<Measured> {
  const [first] = load.paths;
  if (first === undefined) throw new Error('runLoad needs at least one path');
  let next = 0;
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.origin + first,
        method: load.method,
        connections: load.connections,
        duration: load.seconds,
        headers: load.headers ?? {},
        ...(load.body === undefined ? {} : { body: load.body }),
        ...(load.paths.length > 1
          ? {
              requests: [
                {
                  setupRequest: (request) => {
                    request.path = load.paths[next++ % load.paths.length] ?? first;
                    return request;
                  },
                },
              ],
            }
          : {}),
      },
      (error: unknown, result) => {
        if (error) return reject(error);
        const seconds = result.duration;
        resolve({
          requestsPerSecond: latencies.length / seconds,
          ...latency(latencies),
          responses: latencies.length,
          seconds,
          unexpected,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== load.expectStatus) unexpected[statusCode] = (unexpected[statusCode] ?? 0) + 1;
    });
  });
}
