// RFC 6749 §4.3.2: "the authorization server MUST protect the endpoint against brute force
// attacks (e.g., using rate-limitation or generating alerts)". SECURITY.md R22: a per-account
// counter with an escalating temporary lock; R23: the lock expires, a successful sign-in
// resets it, an admin can unlock; R19: a locked account answers like a wrong password.
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tollgate } from '../helpers/process.js';
import { basic, call, createFixture, startTestServer, } from '../helpers/tollgate.js';
import { ADMIN, auditEvents, INVALID_GRANT, observable, passwordGrant } from './helpers.js';
const MINUTE = 60_000;
describe('brute force: escalating per-account lock (R22, R23)', () => {
    let server;
    let t = Date.now();
    before(async () => {
        server = await startTestServer({
            now: () => t,
            settings: {
                'protection.ip_throttle.max_failures': 10_000,
                'protection.spraying.max_accounts': 10_000,
            },
        });
    });
    after(() => server?.close());
    async function failFiveTimes(fx, f) {
        for (let i = 0; i < 5; i++) {
            const r = await passwordGrant(server, f, fx.username, `wrong password ${i}`);
            assert.equal(r.status, 400);
        }
    }
    it('locks after 5 wrong passwords; the right password then answers exactly like a wrong one', async () => {
        const fx = await createFixture(server);
        const wrong = await passwordGrant(server, fx, fx.username, 'not the password');
        assert.equal(wrong.status, 400);
        assert.deepEqual(wrong.json, INVALID_GRANT);
        for (let i = 0; i < 4; i++)
            await passwordGrant(server, fx, fx.username, `wrong ${i}`);
        const locked = await passwordGrant(server, fx, fx.username, fx.password);
        assert.deepEqual(observable(locked), observable(wrong));
        const lockedWrong = await passwordGrant(server, fx, fx.username, 'still wrong');
        assert.deepEqual(observable(lockedWrong), observable(wrong));
        const events = await auditEvents(server, `?type=account.locked`);
        const mine = events.filter((e) => e.username === fx.username);
        assert.equal(mine.length, 1);
        assert.equal(mine[0].reason, 'too_many_failures');
        assert.equal(mine[0].detail, `until ${new Date(t + 5 * MINUTE).toISOString()}`);
        const refusals = (await auditEvents(server, '?type=login.failed'))
            .filter((e) => e.username === fx.username)
            .map((e) => e.reason);
        assert.deepEqual(refusals.sort(), [...Array(5).fill('wrong_password'), 'locked', 'locked'].sort());
    });
    it('the lock expires by itself, then a success forgets earlier failures', async () => {
        const fx = await createFixture(server);
        await failFiveTimes(fx, fx);
        assert.equal((await passwordGrant(server, fx, fx.username, fx.password)).status, 400);
        t += 5 * MINUTE;
        assert.equal((await passwordGrant(server, fx, fx.username, fx.password)).status, 200);
        for (let i = 0; i < 4; i++)
            assert.equal((await passwordGrant(server, fx, fx.username, `wrong ${i}`)).status, 400);
        assert.equal((await passwordGrant(server, fx, fx.username, fx.password)).status, 200, 'four failures after a success do not lock');
    });
    it('each further lock lasts twice as long, up to the cap', async () => {
        const fx = await createFixture(server);
        await failFiveTimes(fx, fx);
        t += 5 * MINUTE;
        await failFiveTimes(fx, fx);
        t += 5 * MINUTE;
        assert.equal((await passwordGrant(server, fx, fx.username, fx.password)).status, 400, 'second lock: 10 minutes');
        t += 5 * MINUTE;
        assert.equal((await passwordGrant(server, fx, fx.username, fx.password)).status, 200);
    });
    it('an admin unlocks over REST (admin role only)', async () => {
        const fx = await createFixture(server);
        await failFiveTimes(fx, fx);
        const url = `${server.management}/api/admin/v1/users/${fx.username}/unlock`;
        const anonymous = await call(server, url, { method: 'POST' });
        assert.equal(anonymous.status, 401);
        assert.deepEqual(anonymous.json, {
            code: 401,
            message: 'Unauthorized',
            description: 'Authentication is required.',
        });
        const notAdmin = await call(server, url, {
            method: 'POST',
            headers: { authorization: basic(fx.username, fx.password) },
        });
        assert.equal(notAdmin.status, 401, 'the locked user cannot even authenticate');
        const other = await createFixture(server);
        const forbidden = await call(server, url, {
            method: 'POST',
            headers: { authorization: basic(other.username, other.password) },
        });
        assert.equal(forbidden.status, 403);
        const listed = await call(server, `${server.management}/api/admin/v1/locked-accounts`, {
            headers: { authorization: ADMIN },
        });
        assert.ok(listed.json.list.some((l) => l.username === fx.username));
        const ok = await call(server, url, { method: 'POST', headers: { authorization: ADMIN } });
        assert.equal(ok.status, 200);
        assert.deepEqual(ok.json, { username: fx.username, unlocked: true, hadFailures: true });
        assert.equal((await passwordGrant(server, fx, fx.username, fx.password)).status, 200);
        const unlocked = (await auditEvents(server, '?type=account.unlocked')).filter((e) => e.username === fx.username);
        assert.deepEqual(unlocked.map((e) => [e.reason, e.detail]), [['admin', 'by admin']]);
        const missing = await call(server, `${server.management}/api/admin/v1/users/nobody-here/unlock`, { method: 'POST', headers: { authorization: ADMIN } });
        assert.equal(missing.status, 404);
    });
    it('an admin unlocks with the CLI: tollgate user unlock NAME', async () => {
        const fx = await createFixture(server);
        await failFiveTimes(fx, fx);
        mkdirSync(join(server.home, 'conf'), { recursive: true });
        writeFileSync(join(server.home, 'conf', 'deployment.toml'), `[database]\npath = ${JSON.stringify(server.database.config.path)}\n`);
        const locked = tollgate(server.home, 'user', 'locked', '--json');
        assert.equal(locked.status, 0, locked.stderr);
        assert.ok(JSON.parse(locked.stdout).some((l) => l.username === fx.username));
        const r = tollgate(server.home, 'user', 'unlock', fx.username);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout.trim(), `User "${fx.username}" is unlocked; failed attempts are forgotten.`);
        assert.equal((await passwordGrant(server, fx, fx.username, fx.password)).status, 200);
        const audit = tollgate(server.home, 'audit', 'list', '--type', 'account.unlocked', '--json');
        assert.equal(audit.status, 0, audit.stderr);
        assert.ok(JSON.parse(audit.stdout).some((e) => e.username === fx.username && e.detail === 'by cli'));
    });
});
//# sourceMappingURL=brute-force.test.js.map