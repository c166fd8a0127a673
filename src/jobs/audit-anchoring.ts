/**
 * Anchors the audit chains every `everyMs` in a process that runs the worker. Housekeeping on a timer of its
 * own, not a durable job: an anchor is about "now", a missed one is simply taken by the next run, and a clock
 * drill (`jobs run --until`) must not replay a year of minutely anchors. Several processes may run it: the
 * anchors serialise on their own lock, and a run that finds nothing changed writes nothing.
 */
import { anchorAuditTrail } from '../app/anchor-audit-trail.ts';
import type { AppContext } from '../app/context.ts';

export interface AuditAnchoring {
  /** Stops the timer and waits for the run in progress. */
  stop(): Promise<void>;
}

/** Starts anchoring, the first run after `everyMs`. A failing run is logged and the next one tries again. */
export function startAuditAnchoring(ctx: AppContext, options: { everyMs: number }): AuditAnchoring {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = anchorAuditTrail(ctx)
      .then(
        () => undefined,
        (error: unknown) => ctx.logger.error({ err: error }, 'anchoring the audit chains failed'),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.everyMs);
      });
  };
  timer = setTimeout(tick, options.everyMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
