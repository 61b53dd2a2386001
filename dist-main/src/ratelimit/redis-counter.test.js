// RedisHitCounter against the real Redis at 127.0.0.1:6379 (a unique key prefix per run):
// the same fixed-window semantics as MemoryHitCounter, shared by several nodes.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MemoryHitCounter } from './memory-counter.js';
import { RedisHitCounter } from './redis-counter.js';
const URL = process.env['TOLLGATE_TEST_REDIS_URL'] || 'redis://127.0.0.1:6379';
describe('RedisHitCounter', () => {
    const prefix = `tollgate-test:${randomBytes(6).toString('hex')}:`;
    let t = 1_800_000_000_000;
    let a;
    let b;
    before(async () => {
        a = new RedisHitCounter({ url: URL, keyPrefix: prefix, now: () => t });
        b = new RedisHitCounter({ url: URL, keyPrefix: prefix, now: () => t });
        await Promise.all([a.ready(), b.ready()]);
    });
    after(async () => {
        await a?.close();
        await b?.close();
    });
    it('counts hits in the window, shared by two nodes, and says when it ends', async () => {
        assert.deepEqual(await a.peek('k1', 60_000), { count: 0, resetInMs: 60_000 });
        assert.deepEqual(await a.hit('k1', 60_000), { count: 1, resetInMs: 60_000 });
        t += 15_000;
        assert.deepEqual(await b.hit('k1', 60_000), { count: 2, resetInMs: 45_000 });
        assert.deepEqual(await a.peek('k1', 60_000), { count: 2, resetInMs: 45_000 });
    });
    it('starts again from zero in the next window, like MemoryHitCounter', async () => {
        const memory = new MemoryHitCounter(() => t);
        try {
            for (const c of [a, memory]) {
                await c.hit('k2', 10_000);
                await c.hit('k2', 10_000);
            }
            t += 10_000;
            assert.deepEqual(await a.peek('k2', 10_000), await memory.peek('k2', 10_000));
            assert.equal((await a.hit('k2', 10_000)).count, 1);
        }
        finally {
            await memory.close();
        }
    });
    it('reset forgets a key on every node; other keys are untouched', async () => {
        await a.hit('k3', 60_000);
        await a.hit('k4', 60_000);
        await b.reset('k3');
        assert.equal((await a.peek('k3', 60_000)).count, 0);
        assert.equal((await a.peek('k4', 60_000)).count, 1);
    });
    it('fails fast, without hanging, when Redis is unreachable', async () => {
        const down = new RedisHitCounter({
            url: 'redis://127.0.0.1:1',
            keyPrefix: prefix,
            now: () => t,
        });
        try {
            await assert.rejects(down.hit('k5', 1000));
        }
        finally {
            await down.close();
        }
    });
});
//# sourceMappingURL=redis-counter.test.js.map