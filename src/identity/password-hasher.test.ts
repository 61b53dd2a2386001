import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HashingOverloadedError, PasswordHasher } from './password-hasher.js';

const params = { memoryKib: 19456, iterations: 2, parallelism: 1 };

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
  });

  it('refuses at once when the bounded queue is full (R55)', async () => {
    const h = new PasswordHasher({ ...params, maxConcurrent: 1, maxQueued: 1 });
    const stored = await h.hash('some password');
    const results = await Promise.allSettled([h.verify(stored, 'a'), h.verify(stored, 'b'), h.verify(stored, 'c')]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected']);
    assert.ok((results[2] as PromiseRejectedResult).reason instanceof HashingOverloadedError);
    assert.deepEqual(h.load, { active: 0, queued: 0 });
  });
});
