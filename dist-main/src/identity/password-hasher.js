import { randomBytes } from 'node:crypto';
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
 * hashes running and `maxQueued` waiting; beyond that the check is refused at once
 * instead of queueing without bound (R55). The worker threads run at a lower CPU priority
 * (`nice`), so during a login flood the event loop (refresh, introspection, the Gateway)
 * still gets a core whenever it has work, while hashing takes all the CPU left over.
 */
export class PasswordHasher {
    cfg;
    active = 0;
    waiting = [];
    dummyHash;
    params;
    pool;
    constructor(cfg) {
        this.cfg = cfg;
        this.params = `m=${cfg.memoryKib},t=${cfg.iterations},p=${cfg.parallelism}`;
    }
    /** Started at the first hash; idle threads end after a minute so an idle server stays small. */
    run(task) {
        this.pool ??= new Piscina({
            filename: new URL('./hash-worker.js', import.meta.url).href,
            minThreads: 0,
            maxThreads: this.cfg.maxConcurrent,
            idleTimeout: 60_000,
            niceIncrement: this.cfg.nice,
        });
        return this.pool.run(task);
    }
    hash(password) {
        return this.gated(() => this.run({
            op: 'hash',
            password,
            memoryCost: this.cfg.memoryKib,
            timeCost: this.cfg.iterations,
            parallelism: this.cfg.parallelism,
        }));
    }
    /**
     * False for a malformed stored hash too: a corrupt record never becomes a 500. A hash other
     * than Argon2 (an imported user not yet rehashed, foreign-hashes.ts) is checked in the worker
     * too, followed by the same argon2id work as a real check, so that such a user, whose legacy
     * hash may take microseconds (salted SHA-256), is not told apart by time from an unknown user (R20).
     */
    async verify(stored, password) {
        const pad = stored.startsWith('$argon2') ? undefined : await this.dummy();
        return this.gated(() => this.run({ op: 'verify', stored, password, ...(pad !== undefined ? { pad } : {}) }));
    }
    /** The unknown user's hash, made once; a refusal (pool full) is not remembered, the next call tries again. */
    dummy() {
        if (!this.dummyHash) {
            const made = this.hash(randomBytes(16).toString('hex'));
            this.dummyHash = made;
            made.catch(() => {
                if (this.dummyHash === made)
                    this.dummyHash = undefined;
            });
        }
        return this.dummyHash;
    }
    /** Ends the worker threads (at shutdown, and for the CLI's one-shot commands). */
    async close() {
        const pool = this.pool;
        this.pool = undefined;
        await pool?.close();
    }
    /** The same work as a real check, for an unknown user (R20). Always false. */
    async verifyDummy(password) {
        await this.verify(await this.dummy(), password);
        return false;
    }
    /**
     * True when the stored hash used other parameters or algorithm than configured (R48): every
     * imported hash (bcrypt, PBKDF2, WSO2 SHA-256, Argon2i or other Argon2id parameters) too.
     */
    needsRehash(stored) {
        const m = /^\$argon2id\$v=19\$([^$]+)\$/.exec(stored);
        return !m || m[1] !== this.params;
    }
    /** True when a new check would be refused: every slot busy and the queue full (R55). */
    get saturated() {
        return this.active >= this.cfg.maxConcurrent && this.waiting.length >= this.cfg.maxQueued;
    }
    get load() {
        return { active: this.active, queued: this.waiting.length };
    }
    async gated(work) {
        if (this.active >= this.cfg.maxConcurrent) {
            if (this.waiting.length >= this.cfg.maxQueued)
                throw new HashingOverloadedError();
            await new Promise((resolve) => this.waiting.push(resolve));
        }
        else {
            this.active++;
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
        }
    }
}
//# sourceMappingURL=password-hasher.js.map