import type { Logger } from 'pino';
import { RoutingTable } from './routing-table.js';
import type { ControlPlane } from './snapshot.js';

/**
 * Keeps the Gateway's routing table current: polls the control plane every `intervalMs` with
 * the last ETag (an unchanged configuration costs a 304), and on any failure keeps serving the
 * last configuration it had (R56), logging once per outage.
 */
export function startConfigSync(opts: {
  controlPlane: ControlPlane;
  intervalMs: number;
  log: Logger;
}) {
  let table: RoutingTable | undefined;
  let etag: string | undefined;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function pollOnce(): Promise<void> {
    try {
      const next = await opts.controlPlane.snapshot(etag);
      if (next) {
        table = new RoutingTable(next.snapshot);
        etag = next.etag;
      }
      if (failing) opts.log.info('gateway config sync: control plane reachable again');
      failing = false;
    } catch (err) {
      if (!failing)
        opts.log.warn(
          { err: (err as Error).message },
          'gateway config sync failed; serving the last known configuration',
        );
      failing = true;
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pollOnce().finally(schedule);
    }, opts.intervalMs);
    timer.unref();
  }

  return {
    /** First fetch; the Gateway starts even when it fails (and answers 503 until a snapshot arrives). */
    async start(): Promise<void> {
      running = pollOnce();
      await running;
      schedule();
    },
    table: () => table,
    /** Fetches now (used after a local change in the all-in-one profile and by tests). */
    refresh: () => pollOnce(),
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type ConfigSync = ReturnType<typeof startConfigSync>;
