// RFC 6749 §2.3.1: the server "MUST protect any endpoint utilizing it against brute force
// attacks"; SECURITY.md R16/R22: per-address throttle answering 429 + Retry-After; R24:
// X-Forwarded-For only from configured proxies (RFC 9700 §4.13). Password spraying (one
// password over many usernames) from one address is throttled too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basic, createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
import { auditEvents, passwordGrant } from './helpers.js';
const SLOW_DOWN = {
    error: 'slow_down',
    error_description: 'Too many failed attempts from this address; retry later.',
};
describe('per-address throttle, X-Forwarded-For from trusted proxies only', () => {
    let server;
    let fx;
    let t = 1_800_000_000_000;
    before(async () => {
        server = await startTestServer({
            now: () => t,
            settings: {
                'protection.ip_throttle.max_failures': 4,
                'protection.ip_throttle.window_seconds': 60,
                'protection.spraying.max_accounts': 1000,
                'server.trusted_proxies': ['127.0.0.1/32', '::1'],
            },
        });
        fx = await createFixture(server);
    });
    after(() => server?.close());
    const from = (ip) => ({ 'x-forwarded-for': ip });
    it('answers 429 slow_down + Retry-After once an address has failed too often, even with good credentials', async () => {
        const ip = '203.0.113.7';
        for (let i = 0; i < 2; i++)
            assert.equal((await passwordGrant(server, fx, fx.username, `wrong ${i}`, from(ip))).status, 400);
        const badClient = await postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials' }, { authorization: basic(fx.consumerKey, 'wrong-secret'), ...from(ip) });
        assert.equal(badClient.status, 401);
        assert.equal((await passwordGrant(server, fx, 'nobody-at-all', 'whatever', from(ip))).status, 400);
        const throttled = await passwordGrant(server, fx, fx.username, fx.password, from(ip));
        assert.equal(throttled.status, 429);
        assert.deepEqual(throttled.json, SLOW_DOWN);
        assert.equal(throttled.headers['retry-after'], '60', 'the window of 60 s that began at t (a multiple of 60 s)');
        assert.equal(throttled.headers['cache-control'], 'no-store');
        const introspect = await postForm(server, `${server.management}/oauth2/introspect`, { token: 'x' }, { authorization: basic(fx.consumerKey, 'another-wrong-secret'), ...from(ip) });
        assert.equal(introspect.status, 429, 'a failed client authentication is throttled too');
        const other = await passwordGrant(server, fx, fx.username, fx.password, from('198.51.100.1'));
        assert.equal(other.status, 200, 'another address behind the proxy is not affected');
        const events = (await auditEvents(server, '?type=request.throttled')).filter((e) => e.ip === ip);
        assert.equal(events.length, 2);
        assert.deepEqual([events[0].reason, events[0].detail], ['ip_failures', 'retry_after=60']);
        t += 60_000;
        assert.equal((await passwordGrant(server, fx, fx.username, fx.password, from(ip))).status, 200, 'the window ends');
    });
    it('takes the rightmost address not a trusted proxy, so a spoofed left-hand entry changes nothing', async () => {
        const ip = '203.0.113.50';
        for (let i = 0; i < 4; i++)
            await passwordGrant(server, fx, fx.username, `wrong ${i}`, {
                'x-forwarded-for': `10.9.9.${i}, ${ip}`,
            });
        const r = await passwordGrant(server, fx, fx.username, fx.password, {
            'x-forwarded-for': `1.2.3.4, ${ip}`,
        });
        assert.equal(r.status, 429);
        t += 60_000;
    });
});
// Issue #11 item 5: one office or carrier NAT shares one address. An attacker behind it may
// lock out password guessing from there, not the services that authenticate with their own
// secret or a refresh token.
describe('a throttled address still serves clients that prove their secret', () => {
    let server;
    let fx;
    const ip = '203.0.113.99';
    before(async () => {
        server = await startTestServer({
            settings: {
                'protection.ip_throttle.max_failures': 3,
                'protection.spraying.max_accounts': 2,
                'server.trusted_proxies': ['127.0.0.1/32', '::1'],
            },
        });
        fx = await createFixture(server);
    });
    after(() => server?.close());
    const grant = (form, authorization = fx.authorization) => postForm(server, `${server.gateway}/token`, form, {
        authorization,
        'x-forwarded-for': ip,
    });
    it('passes client_credentials, refresh_token, revocation and introspection; refuses passwords and wrong secrets', async () => {
        const issued = await grant({
            grant_type: 'password',
            username: fx.username,
            password: fx.password,
        });
        assert.equal(issued.status, 200, issued.text);
        for (const name of ['mallory1', 'mallory2', 'mallory3'])
            await grant({ grant_type: 'password', username: name, password: 'Spring2026!' });
        assert.deepEqual((await grant({ grant_type: 'password', username: fx.username, password: fx.password })).json, SLOW_DOWN, 'the address is throttled for passwords');
        const cc = await grant({ grant_type: 'client_credentials' });
        assert.equal(cc.status, 200, cc.text);
        const refreshed = await grant({
            grant_type: 'refresh_token',
            refresh_token: issued.json.refresh_token,
        });
        assert.equal(refreshed.status, 200, refreshed.text);
        const introspected = await postForm(server, `${server.management}/oauth2/introspect`, { token: refreshed.json.access_token }, { authorization: fx.authorization, 'x-forwarded-for': ip });
        assert.equal(introspected.json.active, true);
        const revoked = await postForm(server, `${server.gateway}/revoke`, { token: refreshed.json.refresh_token }, { authorization: fx.authorization, 'x-forwarded-for': ip });
        assert.equal(revoked.status, 200);
        const wrongSecret = await grant({ grant_type: 'client_credentials' }, basic(fx.consumerKey, 'not-the-secret'));
        assert.deepEqual([wrongSecret.status, wrongSecret.json], [429, SLOW_DOWN]);
    });
});
describe('X-Forwarded-For from an untrusted peer is ignored', () => {
    let server;
    let fx;
    before(async () => {
        server = await startTestServer({
            settings: {
                'protection.ip_throttle.max_failures': 3,
                'protection.spraying.max_accounts': 1000,
            },
        });
        fx = await createFixture(server);
    });
    after(() => server?.close());
    it('counts the socket address whatever X-Forwarded-For says', async () => {
        for (let i = 0; i < 3; i++)
            await passwordGrant(server, fx, fx.username, `wrong ${i}`, {
                'x-forwarded-for': `192.0.2.${i}`,
            });
        const r = await passwordGrant(server, fx, fx.username, fx.password, {
            'x-forwarded-for': '192.0.2.200',
        });
        assert.equal(r.status, 429);
        assert.deepEqual(r.json, SLOW_DOWN);
        const events = await auditEvents(server, '?type=request.throttled');
        assert.ok(events.every((e) => e.ip === '127.0.0.1'), JSON.stringify(events));
    });
});
describe('password spraying: many accounts failed from one address', () => {
    let server;
    let fx;
    before(async () => {
        server = await startTestServer({
            settings: {
                'protection.ip_throttle.max_failures': 1000,
                'protection.spraying.max_accounts': 3,
            },
        });
        fx = await createFixture(server);
    });
    after(() => server?.close());
    it('throttles an address that tried one password on several usernames, while retries on one account do not count as spraying', async () => {
        for (let i = 0; i < 6; i++)
            assert.equal((await passwordGrant(server, fx, fx.username, 'Summer2025!')).status, 400, 'one account: the account lock, not spraying');
        for (const name of ['alice', 'bob'])
            assert.equal((await passwordGrant(server, fx, name, 'Summer2025!')).status, 400);
        const r = await passwordGrant(server, fx, 'carol', 'Summer2025!');
        assert.equal(r.status, 429);
        assert.deepEqual(r.json, SLOW_DOWN);
        const events = await auditEvents(server, '?type=request.throttled');
        assert.equal(events[0].reason, 'password_spraying');
    });
});
describe('two nodes share throttle counts through Redis ([redis] url)', () => {
    let nodeA;
    let nodeB;
    let fx;
    before(async () => {
        const settings = {
            'redis.url': process.env['TOLLGATE_TEST_REDIS_URL'] || 'redis://127.0.0.1:6379',
            'redis.key_prefix': `tollgate-test:${process.pid}:${Date.now()}:`,
            'protection.ip_throttle.max_failures': 3,
            'protection.spraying.max_accounts': 1000,
        };
        nodeA = await startTestServer({ settings });
        nodeB = await startTestServer({ settings });
        fx = await createFixture(nodeA);
    });
    after(async () => {
        await nodeA?.close();
        await nodeB?.close();
    });
    it('failures counted on one node throttle the address on the other', async () => {
        for (let i = 0; i < 3; i++)
            assert.equal((await passwordGrant(nodeA, fx, fx.username, `wrong ${i}`)).status, 400);
        // Node B has its own database here, so the client is unknown there: a failed client
        // authentication from a throttled address.
        const r = await postForm(nodeB, `${nodeB.gateway}/token`, { grant_type: 'client_credentials' }, { authorization: basic('anyclient', 'anysecret') });
        assert.equal(r.status, 429);
        assert.deepEqual(r.json, SLOW_DOWN);
    });
});
//# sourceMappingURL=throttle.test.js.map