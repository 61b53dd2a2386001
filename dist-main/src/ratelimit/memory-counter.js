/** Counters for a single node. Expired windows are swept so memory stays bounded by live keys. */
export class MemoryHitCounter {
    now;
    maxWindowMs;
    entries = new Map();
    sweeper;
    constructor(now = Date.now, sweepEveryMs = 60_000, maxWindowMs = 3_600_000) {
        this.now = now;
        this.maxWindowMs = maxWindowMs;
        this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
        this.sweeper.unref();
    }
    current(key, windowMs, add) {
        const t = this.now();
        const windowStart = t - (t % windowMs);
        let e = this.entries.get(key);
        if (!e || e.windowStart !== windowStart) {
            e = { windowStart, count: 0 };
            if (add > 0)
                this.entries.set(key, e);
        }
        e.count += add;
        return { count: e.count, resetInMs: windowStart + windowMs - t };
    }
    async hit(key, windowMs) {
        return this.current(key, windowMs, 1);
    }
    async peek(key, windowMs) {
        return this.current(key, windowMs, 0);
    }
    async reset(key) {
        this.entries.delete(key);
    }
    sweep() {
        const oldest = this.now() - this.maxWindowMs;
        for (const [k, e] of this.entries)
            if (e.windowStart < oldest)
                this.entries.delete(k);
    }
    async close() {
        clearInterval(this.sweeper);
        this.entries.clear();
    }
}
//# sourceMappingURL=memory-counter.js.map