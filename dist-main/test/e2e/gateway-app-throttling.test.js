// The application's throttling policy at the Gateway, over real HTTPS (all-in-one profile,
// the Gateway reading the control plane's snapshot). WSO2 API Manager, "Rate Limiting":
// "Application-level rate limiting policies are applied per application and per user: the
// limit is counted for each user of the application, across all the APIs it subscribes to."
// The server's clock is injected and frozen one second into a minute window, so the 11th call
// of a "10PerMin" application is refused deterministically and moving the clock a minute on
// opens the next window without sleeping.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, eventually } from '../helpers/gateway-setup.js';
import { basic, call, createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
const THROTTLED = {
    code: 900803,
    message: 'Message throttled out',
    description: "You have exceeded the request limit of your application's throttling policy: retry after the time in Retry-After.",
};
describe('Gateway: application throttling policy (per application and end user, across APIs)', () => {
    let server;
    let backend;
    let clock = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
    let ann;
    let appId = '';
    let other;
    const tokens = {};
    const json = (user, password) => ({
        authorization: basic(user, password),
        'content-type': 'application/json',
    });
    const setPolicy = async (policy) => {
        const r = await call(server, `${server.management}/api/devportal/v1/applications/${appId}`, {
            method: 'PUT',
            headers: json('ann', ann.password),
            body: JSON.stringify({ throttlingPolicy: policy }),
        });
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json.throttlingPolicy, policy);
    };
    const get = (path, token) => call(server, `${server.gateway}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const password = async (fx, username, userPassword) => (await postForm(server, `${server.gateway}/token`, { grant_type: 'password', username, password: userPassword }, { authorization: fx.authorization })).json.access_token;
    before(async () => {
        backend = await startBackend('app-throttling');
        server = await startTestServer({
            now: () => clock,
            settings: { 'apim.gateway.sync_interval_ms': 200 },
        });
        const s = server.services;
        await s.users.create({
            username: 'publisher',
            password: 'publisher-password-1',
            roles: ['publisher'],
        });
        const publisher = await s.users.get('publisher');
        for (const [name, context] of [
            ['Menu', '/menu'],
            ['Weather', '/weather'],
        ]) {
            const api = await s.apis.create({
                name,
                context,
                version: 'v1',
                productionUrl: backend.url,
                resources: [{ method: 'GET', uriTemplate: '/*' }],
            }, publisher.id);
            await s.apis.changeLifecycle(api.id, 'publish');
        }
        ann = await createFixture(server, {
            username: 'ann',
            appName: 'AnnApp',
            grantTypes: ['password', 'client_credentials'],
        });
        await s.users.create({ username: 'bob', password: 'bob-password-123', roles: [] });
        other = await createFixture(server, { username: 'ann', appName: 'OtherApp' });
        const owner = await s.users.get('ann');
        appId = (await s.applications.get(owner.id, 'AnnApp')).id;
        const otherId = (await s.applications.get(owner.id, 'OtherApp')).id;
        const apis = await s.apis.list();
        // Unlimited subscription tiers: only the application policy limits these calls.
        for (const applicationId of [appId, otherId]) {
            for (const api of apis) {
                const r = await call(server, `${server.management}/api/devportal/v1/subscriptions`, {
                    method: 'POST',
                    headers: json('ann', ann.password),
                    body: JSON.stringify({ applicationId, apiId: api.id, throttlingPolicy: 'Unlimited' }),
                });
                assert.equal(r.status, 201, r.text);
            }
        }
        await setPolicy('10PerMin');
        tokens['ann'] = await password(ann, 'ann', ann.password);
        tokens['bob'] = await password(ann, 'bob', 'bob-password-123');
        tokens['client'] = (await postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials' }, { authorization: ann.authorization })).json.access_token;
        tokens['otherApp'] = await password(other, 'ann', ann.password);
        for (const t of Object.values(tokens))
            assert.ok(t);
        // Once ann's calls get refused, the Gateway knows the APIs, subscriptions and the 10PerMin policy.
        const known = await eventually(() => get('/menu/v1/today', tokens['ann']), (r) => r.status === 429);
        assert.equal(known.status, 429, known.text);
    });
    after(async () => {
        await server?.close();
        await backend?.stop();
    });
    it("lets a 10PerMin application's user make 10 calls a minute across its APIs; the 11th gets 429 + Retry-After", async () => {
        clock += 60_000; // a fresh window
        for (let i = 1; i <= 10; i++) {
            const r = await get(i % 2 === 0 ? '/menu/v1/today' : '/weather/v1/today', tokens['ann']);
            assert.equal(r.status, 200, `call ${i}: ${r.text}`);
        }
        const eleventh = await get('/menu/v1/today', tokens['ann']);
        assert.equal(eleventh.status, 429);
        assert.equal(eleventh.headers['retry-after'], '59'); // the clock stands one second into the window
        assert.deepEqual(eleventh.json, THROTTLED);
        assert.equal((await get('/weather/v1/today', tokens['ann'])).status, 429, 'the limit covers every API of the application');
    });
    it('counts each end user apart: another user, the client itself (client_credentials) and another application still pass', async () => {
        for (const who of ['bob', 'client', 'otherApp']) {
            const r = await get('/menu/v1/today', tokens[who]);
            assert.equal(r.status, 200, `${who}: ${r.text}`);
        }
        assert.equal((await get('/menu/v1/today', tokens['ann'])).status, 429);
    });
    it('opens the next minute window', async () => {
        clock += 60_000;
        assert.equal((await get('/menu/v1/today', tokens['ann'])).status, 200);
    });
    it('applies a policy changed in the Developer Portal without a restart; Unlimited is never throttled', async () => {
        assert.equal((await eventually(() => get('/menu/v1/today', tokens['ann']), (r) => r.status === 429)).status, 429);
        await setPolicy('Unlimited');
        // Over the old limit, calls pass once config sync brings the change; then any number do.
        const passing = await eventually(() => get('/menu/v1/today', tokens['ann']), (r) => r.status === 200);
        assert.equal(passing.status, 200);
        for (let i = 0; i < 60; i++)
            assert.equal((await get('/weather/v1/today', tokens['ann'])).status, 200, `call ${i}`);
        await setPolicy('20PerMin');
        clock += 60_000;
        // 20 per minute from the window where the new policy is known.
        const limited = await eventually(() => get('/menu/v1/today', tokens['ann']), (r) => r.status === 429);
        assert.deepEqual(limited.json, THROTTLED);
        clock += 60_000;
        for (let i = 1; i <= 20; i++)
            assert.equal((await get('/menu/v1/today', tokens['ann'])).status, 200, `call ${i}`);
        assert.equal((await get('/menu/v1/today', tokens['ann'])).status, 429);
    });
    it('lists the application policies in the Developer Portal REST API', async () => {
        const r = await call(server, `${server.management}/api/devportal/v1/throttling-policies/application`, { headers: { authorization: basic('ann', ann.password) } });
        assert.equal(r.status, 200);
        assert.deepEqual(r.json, {
            count: 4,
            list: [
                { name: 'Unlimited', requestsPerMinute: null },
                { name: '50PerMin', requestsPerMinute: 50 },
                { name: '20PerMin', requestsPerMinute: 20 },
                { name: '10PerMin', requestsPerMinute: 10 },
            ],
        });
        const bad = await call(server, `${server.management}/api/devportal/v1/applications/${appId}`, {
            method: 'PUT',
            headers: json('ann', ann.password),
            body: JSON.stringify({ throttlingPolicy: '5PerMin' }),
        });
        assert.equal(bad.status, 400);
    });
});
//# sourceMappingURL=gateway-app-throttling.test.js.map