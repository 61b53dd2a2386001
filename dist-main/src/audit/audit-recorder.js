/**
 * Writes audit events in batches off the request path: a refusal is answered without
 * waiting for its audit row, and a flood of refusals costs one insert per batch, not per
 * request.
 */
export function createAuditRecorder(opts) {
    const maxBuffered = opts.maxBuffered ?? 10_000;
    const batchSize = opts.batchSize ?? 500;
    let buffer = [];
    let dropped = 0;
    let flushing;
    async function writeAll() {
        while (buffer.length > 0) {
            const batch = buffer.slice(0, batchSize);
            buffer = buffer.slice(batch.length);
            try {
                await opts.store.append(batch);
            }
            catch (err) {
                dropped += batch.length;
                opts.onError(err, batch.length);
                return;
            }
        }
    }
    function flush() {
        flushing ??= writeAll().finally(() => (flushing = undefined));
        return flushing;
    }
    const timer = setInterval(() => void flush(), opts.flushEveryMs ?? 200);
    timer.unref();
    async function flushPending() {
        await flushing;
        await flush();
    }
    return {
        record: (event) => {
            if (buffer.length >= maxBuffered) {
                dropped++;
                return;
            }
            buffer.push(event);
            if (buffer.length >= batchSize)
                void flush();
        },
        /** Writes what is pending (before listing, at shutdown). */
        flush: flushPending,
        get dropped() {
            return dropped;
        },
        async close() {
            clearInterval(timer);
            await flushPending();
        },
    };
}
//# sourceMappingURL=audit-recorder.js.map