// R22: "a per-IP throttle answers 429 + Retry-After"; RFC 6749 §4.3.2: the server "MUST protect
// the endpoint against brute force attacks". A password can be tried on three surfaces: the
// Token API's password grant, web sign-in (POST /api/session) and HTTP Basic on the management
// REST APIs. They share one set of per-address and spraying counters, so a guesser refused on
// one surface cannot carry on from the same address on another.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basic, call, createFixture, startTestServer, } from '../helpers/tollgate.js';
import { ADMIN, auditEvents, passwordGrant } from './helpers.js';
const SLOW_DOWN = {
    error: 'slow_down',
    error_description: 'Too many failed attempts from this address; retry later.',
};
describe('one per-address and spraying throttle for every password surface', () => {
    let server;
    let fx;
    let t = 1_800_000_000_000;
    before(async () => {
        // The default limits: 30 failures per address per 5 min, 10 accounts per 15 min.
        server = await startTestServer({
            now: () => t,
            settings: { 'server.trusted_proxies': ['127.0.0.1/32', '::1'] },
        });
        fx = await createFixture(server);
    });
    after(() => server?.close());
    const from = (ip) => ({ 'x-forwarded-for': ip });
    const withBasic = (ip, username, password) => call(server, `${server.management}/api/devportal/v1/applications`, {
        headers: { authorization: basic(username, password), ...from(ip) },
    });
    const webSignIn = (ip, username, password) => call(server, `${server.management}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from(ip) },
        body: JSON.stringify({ username, password }),
    });
    it('throttles password spraying over HTTP Basic (45 usernames) like the Token API, on every surface', async () => {
        const ip = '203.0.113.21';
        const statuses = [];
        for (let i = 0; i < 45; i++)
            statuses.push((await withBasic(ip, `sprayed${i}`, 'Winter2026!')).status);
        assert.deepEqual(statuses, [...Array(10).fill(401), ...Array(35).fill(429)]);
        const refused = await withBasic(ip, fx.username, fx.password);
        assert.deepEqual([refused.status, refused.headers['retry-after'], refused.json], [
            429,
            '900',
            {
                code: 429,
                message: 'Too Many Requests',
                description: 'Too many failed sign-ins from this address; retry in 900 seconds.',
            },
        ]);
        const token = await passwordGrant(server, fx, fx.username, fx.password, from(ip));
        assert.deepEqual([token.status, token.json], [429, SLOW_DOWN]);
        assert.equal((await webSignIn(ip, fx.username, fx.password)).status, 429);
        const elsewhere = await withBasic('198.51.100.21', fx.username, fx.password);
        assert.equal(elsewhere.status, 200, 'another address is not affected');
        const events = (await auditEvents(server, '?type=request.throttled')).filter((e) => e.ip === ip);
        assert.ok(events.some((e) => e.reason === 'password_spraying'));
        assert.ok(events.some((e) => /management api$/.test(e.detail)));
        t += 900_000;
    });
    it('counts Token API failures against web sign-in and Basic, and web sign-in failures against the Token API', async () => {
        const tokenSide = '203.0.113.22';
        for (let i = 0; i < 10; i++)
            assert.equal((await passwordGrant(server, fx, `nobody${i}`, 'x', from(tokenSide))).status, 400);
        assert.equal((await withBasic(tokenSide, fx.username, fx.password)).status, 429);
        assert.equal((await webSignIn(tokenSide, fx.username, fx.password)).status, 429);
        const webSide = '203.0.113.23';
        for (let i = 0; i < 10; i++)
            assert.equal((await webSignIn(webSide, `nobody${i}`, 'x')).status, 401);
        const token = await passwordGrant(server, fx, fx.username, fx.password, from(webSide));
        assert.deepEqual([token.status, token.json], [429, SLOW_DOWN]);
        const failed = (await auditEvents(server, '?type=login.failed')).filter((e) => e.ip === webSide);
        assert.deepEqual([failed.length, failed[0].reason, failed[0].username, failed[0].detail], [10, 'unknown_user', null, 'web ui']);
        t += 900_000;
    });
    it('counts Basic failures per address: 30 wrong passwords on one account throttle the address', async () => {
        const ip = '203.0.113.24';
        for (let i = 0; i < 30; i++)
            assert.equal((await withBasic(ip, fx.username, `wrong-${i}`)).status, 401);
        const r = await call(server, `${server.management}/api/admin/v1/users`, {
            headers: { authorization: ADMIN, ...from(ip) },
        });
        assert.equal(r.status, 429);
        const events = (await auditEvents(server, '?type=request.throttled')).filter((e) => e.ip === ip);
        assert.equal(events[0].reason, 'ip_failures');
    });
});
//# sourceMappingURL=shared-throttle.test.js.map