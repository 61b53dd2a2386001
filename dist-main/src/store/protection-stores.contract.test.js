// The contract of the lockout and audit stores (issue #5), run against SQLite and PostgreSQL
// for real, like db.stores.contract.test.ts.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describeOnEachDatabase } from './testing.js';
const T0 = 1_700_000_000_000;
const id = (prefix) => `${prefix}-${randomBytes(6).toString('hex')}`;
const newUser = () => ({
    id: id('u'),
    username: id('user'),
    passwordHash: 'h',
    roles: [],
    status: 'active',
    createdAt: T0,
});
const event = (at, type, reason, extra = {}) => ({
    at,
    type,
    reason,
    username: null,
    consumerKey: null,
    ip: '192.0.2.1',
    detail: null,
    ...extra,
});
describeOnEachDatabase('lockout and audit stores', (db) => {
    async function user() {
        const u = newUser();
        await db.stores.users.create(u);
        return u;
    }
    it('counts failures one by one, also when they arrive at once', async () => {
        const u = await user();
        assert.equal(await db.stores.lockouts.get(u.id), undefined);
        assert.deepEqual(await db.stores.lockouts.addFailure(u.id, T0, T0 - 1000), {
            failures: 1,
            lockCount: 0,
            lockedUntil: null,
        });
        const concurrent = await Promise.all([1, 2, 3, 4].map((i) => db.stores.lockouts.addFailure(u.id, T0 + i, T0 - 1000)));
        assert.deepEqual(concurrent.map((s) => s.failures).sort(), [2, 3, 4, 5]);
        assert.deepEqual(await db.stores.lockouts.get(u.id), {
            failures: 5,
            lockCount: 0,
            lockedUntil: null,
        });
    });
    it('forgets failures older than the memory window', async () => {
        const u = await user();
        await db.stores.lockouts.addFailure(u.id, T0, T0 - 1000);
        await db.stores.lockouts.addFailure(u.id, T0 + 1, T0 - 1000);
        assert.equal((await db.stores.lockouts.addFailure(u.id, T0 + 10_000, T0 + 5000)).failures, 1);
    });
    it('locks once per threshold: of two nodes locking at once only one wins', async () => {
        const u = await user();
        for (let i = 0; i < 5; i++)
            await db.stores.lockouts.addFailure(u.id, T0, T0 - 1);
        const wins = await Promise.all([
            db.stores.lockouts.lock(u.id, 5, T0 + 300_000),
            db.stores.lockouts.lock(u.id, 5, T0 + 300_000),
        ]);
        assert.deepEqual(wins.sort(), [false, true]);
        assert.deepEqual(await db.stores.lockouts.get(u.id), {
            failures: 0,
            lockCount: 1,
            lockedUntil: T0 + 300_000,
        });
        assert.deepEqual(await db.stores.lockouts.listLocked(T0), [
            { userId: u.id, lockedUntil: T0 + 300_000 },
        ]);
        assert.deepEqual(await db.stores.lockouts.listLocked(T0 + 300_000), []);
        assert.equal(await db.stores.lockouts.lock(u.id, 5, T0 + 1), false, 'below the threshold nothing changes');
    });
    it('reset forgets everything; removing the user removes its row', async () => {
        const u = await user();
        await db.stores.lockouts.addFailure(u.id, T0, T0 - 1);
        assert.equal(await db.stores.lockouts.reset(u.id), true);
        assert.equal(await db.stores.lockouts.reset(u.id), false);
        assert.equal(await db.stores.lockouts.get(u.id), undefined);
        await db.stores.lockouts.addFailure(u.id, T0, T0 - 1);
        await db.stores.users.remove(u.id);
        assert.equal(await db.stores.lockouts.get(u.id), undefined);
    });
    it('appends audit events in batches and lists them newest first, by type and time', async () => {
        await db.stores.audit.append([]);
        await db.stores.audit.append([
            event(T0, 'login.failed', 'wrong_password', {
                username: 'alice',
                consumerKey: 'ck1',
                detail: 'grant_type=password',
            }),
            event(T0 + 1, 'account.locked', 'too_many_failures', { username: 'alice' }),
            event(T0 + 2, 'login.failed', 'unknown_user'),
        ]);
        const all = await db.stores.audit.list({ limit: 10 });
        assert.deepEqual(all.map((e) => [e.type, e.reason]), [
            ['login.failed', 'unknown_user'],
            ['account.locked', 'too_many_failures'],
            ['login.failed', 'wrong_password'],
        ]);
        const { id: _id, ...first } = all[2];
        assert.deepEqual(first, event(T0, 'login.failed', 'wrong_password', {
            username: 'alice',
            consumerKey: 'ck1',
            detail: 'grant_type=password',
        }));
        assert.deepEqual((await db.stores.audit.list({ limit: 10, type: 'login.failed' })).map((e) => e.reason), ['unknown_user', 'wrong_password']);
        assert.deepEqual((await db.stores.audit.list({ limit: 10, since: T0 + 1 })).map((e) => e.at), [T0 + 2, T0 + 1]);
        assert.equal((await db.stores.audit.list({ limit: 1 })).length, 1);
    });
});
//# sourceMappingURL=protection-stores.contract.test.js.map