import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, createSqlStores } from '../store/index.js';
import { createTestDatabase } from '../store/testing.js';
import { PasswordHasher } from './password-hasher.js';
import { createUserService } from './users.js';
const wso2 = '$wso2-sha256$c2FsdHNhbHRzYWx0c2FsdA==$' + 'A'.repeat(43) + '=';
describe('user import validation (SQLite)', () => {
    let testDb;
    let database;
    let hasher;
    let users;
    before(async () => {
        testDb = await createTestDatabase('sqlite');
        database = await openDatabase(testDb.config);
        const stores = createSqlStores(database);
        hasher = new PasswordHasher({
            memoryKib: 19456,
            iterations: 2,
            parallelism: 1,
            nice: 10,
            maxConcurrent: 1,
            maxQueued: 4,
        });
        users = createUserService({
            store: stores.users,
            hasher,
            policy: { minLength: 8 },
            isClientId: async (n) => n === 'client-id-1',
        });
        await users.create({ username: 'existing', password: 'a fine password' });
    });
    after(async () => {
        await hasher.close();
        await database.close();
        await testDb.drop();
    });
    it('reports every bad entry with its reason and writes nothing', async () => {
        const r = await users.importUsers([
            {
                ref: 1,
                value: { username: 'ok', passwordHash: wso2, roles: ['r1'], status: 'disabled' },
            },
            { ref: 2, value: 'not an object' },
            { ref: 3, value: { username: 'x', passwordhash: wso2 } },
            { ref: 4, value: { username: 'nopw' } },
            { ref: 5, value: { username: 'two', password: 'a fine password', passwordHash: wso2 } },
            { ref: 6, value: { username: 'weak', password: 'short' } },
            { ref: 7, value: { username: 'Existing', passwordHash: wso2 } },
            { ref: 8, value: { username: 'client-id-1', passwordHash: wso2 } },
            { ref: 9, value: { username: 'OK', passwordHash: wso2 } },
            { ref: 10, value: { username: 'badrole', passwordHash: wso2, roles: ['no spaces'] } },
            { ref: 11, value: { username: 'st', passwordHash: wso2, status: 'locked' } },
            {
                ref: 12,
                value: {
                    username: 'kc',
                    credential: {
                        algorithm: 'pbkdf2-sha256',
                        hashIterations: '27500',
                        salt: 'AAAA',
                        hashedSaltedValue: 'AAAA',
                    },
                },
            },
            { ref: 13, problem: 'Expected 3 columns.' },
        ], { refName: 'line' });
        assert.deepEqual(r.imported, 0);
        assert.deepEqual(r.problems.map((p) => [p.ref, p.reason]), [
            [2, 'An entry must be an object with at least "username".'],
            [3, 'Unknown field "passwordhash".'],
            [4, 'Give exactly one of "passwordHash", "credential" or "password".'],
            [5, 'Give exactly one of "passwordHash", "credential" or "password".'],
            [
                6,
                (await users
                    .create({ username: 'probe', password: 'short' })
                    .catch((e) => e.message)),
            ],
            [7, 'A user named "existing" already exists.'],
            [8, 'This username is not available.'],
            [9, 'Duplicate username "ok" (first on line 1).'],
            [10, '"no spaces" is not a valid role name (letters, digits and . _ : -).'],
            [11, '"status" is "active" or "disabled".'],
            [12, '"hashIterations" must be an integer.'],
            [13, 'Expected 3 columns.'],
        ]);
        assert.equal(await users.find('ok'), undefined);
    });
    it('imports a clean batch: hashes kept, plain passwords hashed with argon2id, roles and status', async () => {
        const dry = await users.importUsers([{ ref: 1, value: { username: 'dry', passwordHash: wso2 } }], { dryRun: true });
        assert.deepEqual(dry, { valid: 1, imported: 0, dryRun: true, problems: [] });
        assert.equal(await users.find('dry'), undefined);
        const r = await users.importUsers([
            {
                ref: 1,
                value: { username: 'Legacy', passwordHash: wso2, roles: ['r1', 'r2'], status: 'disabled' },
            },
            { ref: 2, value: { username: 'plain', password: 'a plain fine password' } },
        ]);
        assert.deepEqual(r, { valid: 2, imported: 2, dryRun: false, problems: [] });
        const legacy = (await users.find('legacy'));
        assert.deepEqual([legacy.passwordHash, legacy.roles, legacy.status], [wso2, ['r1', 'r2'], 'disabled']);
        assert.match((await users.find('plain')).passwordHash, /^\$argon2id\$/);
        assert.equal((await users.authenticate('plain', 'a plain fine password')).ok, true);
    });
});
//# sourceMappingURL=user-import.test.js.map