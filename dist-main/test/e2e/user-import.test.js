// PRODUCT.md: "Users imported from other systems keep their password hashes and are rehashed on
// next login." SECURITY.md R48: argon2id, "rehash on login when parameters or algorithm change";
// R19: a wrong password answers the same whoever the user is.
import assert from 'node:assert/strict';
import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import bcrypt from 'bcryptjs';
import { tollgate } from '../helpers/process.js';
import { call, createFixture, startTestServer, } from '../helpers/tollgate.js';
import { ADMIN, INVALID_GRANT, auditEvents, passwordGrant } from '../protection/helpers.js';
const b64 = (b) => b.toString('base64');
function keycloakCredential(password) {
    const salt = randomBytes(16);
    const hash = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, 27500, 64, 'sha256');
    return {
        algorithm: 'pbkdf2-sha256',
        hashIterations: 27500,
        salt: b64(salt),
        hashedSaltedValue: b64(hash),
    };
}
function wso2Hash(password) {
    const salt = b64(randomBytes(16));
    return `$wso2-sha256$${salt}$${b64(createHash('sha256')
        .update(password + salt, 'utf8')
        .digest())}`;
}
describe('user import: foreign hashes work once, then become argon2id', () => {
    let server;
    let fx;
    before(async () => {
        server = await startTestServer({
            settings: {
                'protection.ip_throttle.max_failures': 10_000,
                'protection.spraying.max_accounts': 10_000,
            },
        });
        fx = await createFixture(server, { grantTypes: ['password', 'refresh_token'] });
        // The CLI works on the test server's database, as an operator's would.
        mkdirSync(join(server.home, 'conf'), { recursive: true });
        writeFileSync(join(server.home, 'conf', 'deployment.toml'), `[database]\npath = ${JSON.stringify(server.database.config.path)}\n`);
    });
    after(() => server?.close());
    const storedHash = async (name) => (await server.services.users.find(name)).passwordHash;
    it('imports PBKDF2 (Keycloak) and bcrypt users with the CLI; their original passwords get tokens and the hashes become argon2id', async () => {
        const file = join(server.home, 'users.json');
        writeFileSync(file, JSON.stringify([
            {
                username: 'kc-user',
                roles: ['reader'],
                credential: keycloakCredential('kc original pw'),
            },
            {
                username: 'bc-user',
                passwordHash: bcrypt.hashSync('bcrypt original pw', 10).replace(/^\$2b\$/, '$2y$'),
            },
        ]));
        const dry = tollgate(server.home, 'user', 'import', file, '--dry-run');
        assert.equal(dry.stdout, 'Dry run: 2 users would be imported; nothing written.\n', dry.stderr);
        assert.equal(await server.services.users.find('kc-user'), undefined);
        const r = tollgate(server.home, 'user', 'import', file);
        assert.equal(r.stdout, 'Imported 2 users.\n', r.stderr);
        assert.equal(r.status, 0);
        assert.match(await storedHash('kc-user'), /^\$pbkdf2-sha256\$i=27500\$/);
        assert.match(await storedHash('bc-user'), /^\$2y\$10\$/);
        const listed = JSON.parse(tollgate(server.home, 'user', 'list', '--json').stdout);
        assert.deepEqual(listed
            .filter((u) => u.username.endsWith('-user'))
            .map((u) => [u.username, u.passwordHashFormat, u.roles]), [
            ['bc-user', 'bcrypt', []],
            ['kc-user', 'pbkdf2-sha256', ['reader']],
        ]);
        for (const [name, pw] of [
            ['kc-user', 'kc original pw'],
            ['bc-user', 'bcrypt original pw'],
        ]) {
            const first = await passwordGrant(server, fx, name, pw);
            assert.equal(first.status, 200, first.text);
            assert.equal(first.json.token_type, 'Bearer');
            assert.match(await storedHash(name), /^\$argon2id\$v=19\$/, `${name} is rehashed`);
            const again = await passwordGrant(server, fx, name, pw);
            assert.equal(again.status, 200, `${name} still signs in after the rehash`);
        }
    });
    it('a wrong password for an imported user answers like one for a native user, and changes nothing', async () => {
        const file = join(server.home, 'wso2.csv');
        writeFileSync(file, `username,roles,password_hash\nws-user,a;b,${wso2Hash('wso2 original pw')}\n`);
        assert.equal(tollgate(server.home, 'user', 'import', file).stdout, 'Imported 1 user.\n');
        const before = await storedHash('ws-user');
        const imported = await passwordGrant(server, fx, 'ws-user', 'not the password');
        const native = await passwordGrant(server, fx, fx.username, 'not the password');
        assert.deepEqual([imported.status, imported.json], [400, INVALID_GRANT]);
        assert.deepEqual([native.status, native.json], [400, INVALID_GRANT]);
        assert.equal(await storedHash('ws-user'), before, 'a failed login keeps the imported hash');
        assert.equal((await passwordGrant(server, fx, 'ws-user', 'wso2 original pw')).status, 200);
        assert.match(await storedHash('ws-user'), /^\$argon2id\$/);
    });
    it('a file with a bad line imports nothing and names the line', async () => {
        const file = join(server.home, 'bad.csv');
        const good = bcrypt.hashSync('fine password', 4);
        writeFileSync(file, `username,roles,password_hash\nok-user,,${good}\nbad-user,,$pbkdf2-sha256$i=27500$not*base64$AAAA\nok-user,,${good}\n`);
        const r = tollgate(server.home, 'user', 'import', file);
        assert.equal(r.status, 1);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, 'line 3 (bad-user): Bad base64 in the PBKDF2 salt.\n' +
            'line 4 (ok-user): Duplicate username "ok-user" (first on line 2).\n' +
            'tollgate: nothing imported: 2 bad lines\n');
        assert.equal(await server.services.users.find('ok-user'), undefined);
    });
    it('POST /api/admin/v1/users/import: admin only, all or nothing, every bad entry listed', async () => {
        const url = `${server.management}/api/admin/v1/users/import`;
        const post = (body, authorization = ADMIN) => call(server, url, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify(body),
        });
        const users = [
            { username: 'rest-a', credential: keycloakCredential('rest a password') },
            { username: 'rest-b', passwordHash: '$md5$x$y' },
            { username: fx.username, passwordHash: wso2Hash('x') },
            { username: 'rest-c', credential: { ...keycloakCredential('c'), algorithm: 'sha1-plain' } },
        ];
        const bad = await post(users);
        assert.equal(bad.status, 400);
        assert.deepEqual(bad.json, {
            code: 400,
            message: 'Bad Request',
            description: 'Nothing imported: 3 entries are invalid.',
            errors: [
                {
                    entry: 2,
                    username: 'rest-b',
                    reason: 'Unknown password hash format (argon2id, argon2i, bcrypt, pbkdf2-sha256/-sha512/-sha1 or wso2-sha256).',
                },
                {
                    entry: 3,
                    username: fx.username,
                    reason: `A user named "${fx.username}" already exists.`,
                },
                {
                    entry: 4,
                    username: 'rest-c',
                    reason: 'Unknown credential algorithm (pbkdf2-sha256, pbkdf2-sha512 or pbkdf2).',
                },
            ],
        });
        assert.equal(await server.services.users.find('rest-a'), undefined);
        assert.equal((await post([users[0]], `Basic ${Buffer.from(`${fx.username}:${fx.password}`).toString('base64')}`)).status, 403);
        const ok = await post([users[0]]);
        assert.deepEqual([ok.status, ok.json], [201, { valid: 1, imported: 1, dryRun: false }]);
        assert.equal((await passwordGrant(server, fx, 'rest-a', 'rest a password')).status, 200);
        assert.match(await storedHash('rest-a'), /^\$argon2id\$/);
        // Every import (this one and the CLI's) is in the audit log; refused and dry-run ones are not.
        const imports = (await auditEvents(server, '?type=users.imported')).map((e) => [
            e.reason,
            e.detail,
        ]);
        assert.deepEqual(imports, [
            ['admin', '1 user by admin'],
            ['admin', `1 user from ${join(server.home, 'wso2.csv')} by cli`],
            ['admin', `2 users from ${join(server.home, 'users.json')} by cli`],
        ]);
    });
});
//# sourceMappingURL=user-import.test.js.map