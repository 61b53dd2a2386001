import { RoutingTable } from './routing-table.js';
/**
 * Keeps the Gateway's routing table current: polls the control plane every `intervalMs` with
 * the last ETag (an unchanged configuration costs a 304), and on any failure keeps serving the
 * last configuration it had (R56), logging once per outage.
 */
export function startConfigSync(opts) {
    let table;
    let etag;
    let failing = false;
    let stopped = false;
    let timer;
    let running = Promise.resolve();
    async function pollOnce() {
        try {
            const next = await opts.controlPlane.snapshot(etag);
            if (next) {
                table = new RoutingTable(next.snapshot);
                etag = next.etag;
            }
            if (failing)
                opts.log.info('gateway config sync: control plane reachable again');
            failing = false;
        }
        catch (err) {
            if (!failing)
                opts.log.warn({ err: err.message }, 'gateway config sync failed; serving the last known configuration');
            failing = true;
        }
    }
    function schedule() {
        if (stopped)
            return;
        timer = setTimeout(() => {
            running = pollOnce().finally(schedule);
        }, opts.intervalMs);
        timer.unref();
    }
    return {
        /** First fetch; the Gateway starts even when it fails (and answers 503 until a snapshot arrives). */
        async start() {
            running = pollOnce();
            await running;
            schedule();
        },
        table: () => table,
        /** Fetches now (used after a local change in the all-in-one profile and by tests). */
        refresh: () => pollOnce(),
        async stop() {
            stopped = true;
            clearTimeout(timer);
            await running;
        },
    };
}
//# sourceMappingURL=config-sync.js.map