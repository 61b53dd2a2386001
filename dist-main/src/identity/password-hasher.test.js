import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { HashingOverloadedError, PasswordHasher } from './password-hasher.js';
const params = { memoryKib: 19456, iterations: 2, parallelism: 1, nice: 10 };
describe('password hashing', () => {
    it('makes argon2id PHC strings with the configured parameters and verifies them exactly', async () => {
        const h = new PasswordHasher({ ...params, maxConcurrent: 2, maxQueued: 4 });
        const stored = await h.hash('Pässword with spaces');
        assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
        assert.equal(await h.verify(stored, 'Pässword with spaces'), true);
        assert.equal(await h.verify(stored, 'pässword with spaces'), false);
        assert.equal(await h.verify('not a hash', 'x'), false);
        assert.equal(h.needsRehash(stored), false);
        assert.equal(new PasswordHasher({ ...params, iterations: 3, maxConcurrent: 1, maxQueued: 1 }).needsRehash(stored), true);
        await h.close();
    });
    it('refuses at once when the bounded queue is full (R55)', async () => {
        const h = new PasswordHasher({ ...params, maxConcurrent: 1, maxQueued: 1 });
        const stored = await h.hash('some password');
        const results = await Promise.allSettled([
            h.verify(stored, 'a'),
            h.verify(stored, 'b'),
            h.verify(stored, 'c'),
        ]);
        assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected']);
        assert.ok(results[2].reason instanceof HashingOverloadedError);
        assert.deepEqual(h.load, { active: 0, queued: 0 });
        await h.close();
    });
    it("an unknown user's check refused while the pool was full is not refused for ever after", async () => {
        const h = new PasswordHasher({ ...params, maxConcurrent: 1, maxQueued: 0 });
        const busy = h.hash('holds the only slot');
        await assert.rejects(h.verifyDummy('x'), HashingOverloadedError, 'the dummy hash could not be made: shed');
        await busy;
        assert.equal(await h.verifyDummy('x'), false, 'the next unknown user is checked normally');
        await h.close();
    });
    it('hashes in threads of lower CPU priority than the event loop', async () => {
        // /proc/self/task/<tid>/stat: field 19 is the thread's nice value.
        const niceOf = (tid) => {
            const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
            return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        };
        const niceOfThreads = () => readdirSync('/proc/self/task').map(niceOf);
        assert.ok(!niceOfThreads().includes(7));
        const h = new PasswordHasher({ ...params, nice: 7, maxConcurrent: 2, maxQueued: 4 });
        await h.hash('some password');
        assert.ok(niceOfThreads().includes(7), 'a hashing thread runs at nice 7');
        assert.equal(niceOf(process.pid), 0, 'the main thread keeps its priority');
        await h.close();
    });
});
//# sourceMappingURL=password-hasher.test.js.map