import { Piscina } from 'piscina';
/** Raised when the bounded hashing queue is full: answered 503 + Retry-After (R55). */
export class HashingOverloadedError extends Error {
    name = 'HashingOverloadedError';
    status = 503;
    expose = true;
    headers = { 'retry-after': '1' };
    constructor() {
        super('Too many sign-in attempts are in progress; retry shortly.');
    }
}
/**
 * Argon2id (R48) in worker threads, never on the event loop, with at most `maxConcurrent`
 * hashes running and `maxQueued` waiting; beyond that a task is refused at once instead of
 * queueing without bound (R55). The threads run at a lower CPU priority (`nice`), so during
 * a login flood the event loop (refresh, introspection, the Gateway) still gets a core
 * whenever it has work, while hashing takes all the CPU left over.
 */
export class LocalHashPool {
    cfg;
    onLoad;
    active = 0;
    waiting = [];
    pool;
    /** `onLoad` hears every change of the load (a cluster primary tells its workers). */
    constructor(cfg, onLoad) {
        this.cfg = cfg;
        this.onLoad = onLoad;
    }
    /** Threads start at the first hash; idle ones end after a minute so an idle server stays small. */
    run(task) {
        return this.gated(() => {
            this.pool ??= new Piscina({
                filename: new URL('./hash-worker.js', import.meta.url).href,
                minThreads: 0,
                maxThreads: this.cfg.maxConcurrent,
                idleTimeout: 60_000,
                niceIncrement: this.cfg.nice,
            });
            return this.pool.run(task);
        });
    }
    get saturated() {
        return this.active >= this.cfg.maxConcurrent && this.waiting.length >= this.cfg.maxQueued;
    }
    get load() {
        return { active: this.active, queued: this.waiting.length };
    }
    /** Ends the threads (at shutdown, and for the CLI's one-shot commands). */
    async close() {
        const pool = this.pool;
        this.pool = undefined;
        await pool?.close();
    }
    changed() {
        this.onLoad?.(this.load, this.saturated);
    }
    async gated(work) {
        if (this.active >= this.cfg.maxConcurrent) {
            if (this.waiting.length >= this.cfg.maxQueued)
                throw new HashingOverloadedError();
            const turn = new Promise((resolve) => this.waiting.push(resolve));
            this.changed();
            await turn;
        }
        else {
            this.active++;
            this.changed();
        }
        try {
            return await work();
        }
        finally {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.active--;
            this.changed();
        }
    }
}
//# sourceMappingURL=hash-pool.js.map