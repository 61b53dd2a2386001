// Issue #3 end to end, with every part in its own process on loopback: a control plane
// (`tollgate start --profile control-plane`), a Gateway (`--profile gateway`, another
// [server] offset, [apim.key_manager] configuration.ServerURL pointing at the control plane)
// and two backends (production, sandbox). PRODUCT.md item 4: "If an API resource is bound to
// scope `update`, a token issued for `read update` may call it, and a token issued for `read`
// only is blocked by the Gateway (403, insufficient scope)."
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Agent } from 'undici';
import { startBackend, http, eventually, } from '../helpers/gateway-setup.js';
import { startServerProcess, tollgate, writeDeploymentToml, } from '../helpers/process.js';
const SECRET = 'gateway-sync-secret-for-tests-0123456789';
function cli(home, ...args) {
    const r = tollgate(home, ...args);
    assert.equal(r.status, 0, `tollgate ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
}
describe('Gateway and control plane in separate processes', () => {
    const cpHome = mkdtempSync(join(tmpdir(), 'tollgate-cp-'));
    const gwHome = mkdtempSync(join(tmpdir(), 'tollgate-gw-'));
    let cp;
    let gw;
    let prod;
    let sandbox;
    let dispatcher;
    let cpAgent;
    let gateway = '';
    let management = '';
    const token = async (key, form) => {
        const r = await http(dispatcher, `${gateway}/token`, {
            method: 'POST',
            body: new URLSearchParams(form).toString(),
            headers: {
                'content-type': 'application/x-www-form-urlencoded',
                authorization: `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}`,
            },
        });
        assert.equal(r.status, 200, JSON.stringify(r.json));
        return r.json.access_token;
    };
    const call = (path, accessToken, init = {}) => http(dispatcher, `${gateway}${path}`, {
        ...init,
        headers: {
            ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
            ...init.headers,
        },
    });
    const keys = (app, owner, env = 'production') => JSON.parse(cli(cpHome, 'keys', 'generate', app, '--owner', owner, '--env', env, '--json'));
    let alice;
    let aliceSandbox;
    let opaque;
    let unsubscribed;
    before(async () => {
        [prod, sandbox] = await Promise.all([startBackend('production'), startBackend('sandbox')]);
        // Offsets from the pid, retried when another test run holds the ports.
        for (let attempt = 0;; attempt++) {
            const offset = 600 + ((process.pid + attempt * 7) % 130) * 3;
            writeDeploymentToml(cpHome, [
                '[server]',
                `offset = ${offset}`,
                'bind_address = "127.0.0.1"',
                '[apim.gateway]',
                `shared_secret = "${SECRET}"`,
                '[apim.throttling]',
                'subscription_tiers = ["Unlimited:0", "Gold:5000", "Tiny:3"]',
            ].join('\n'));
            writeDeploymentToml(gwHome, [
                '[server]',
                `offset = ${offset + 1}`,
                'bind_address = "127.0.0.1"',
                '[apim.key_manager]',
                `configuration.ServerURL = "https://127.0.0.1:${9443 + offset}"`,
                `ca_file = "${join(cpHome, 'data', 'tls', 'cert.pem')}"`,
                '[apim.gateway]',
                `shared_secret = "${SECRET}"`,
                'sync_interval_ms = 200',
                'token_cache_ttl_ms = 500',
                'backend_timeout_ms = 1000',
            ].join('\n'));
            try {
                cp = await startServerProcess(cpHome, ['--profile', 'control-plane']);
                gw = await startServerProcess(gwHome, ['--profile', 'gateway']);
                gateway = `https://localhost:${8243 + offset + 1}`;
                management = `https://localhost:${9443 + offset}`;
                break;
            }
            catch (err) {
                await cp?.stop();
                if (attempt < 4 && /EADDRINUSE/.test(String(err)))
                    continue;
                throw err;
            }
        }
        // One agent per server: both certificates are self-signed for "localhost".
        dispatcher = new Agent({
            connect: { ca: readFileSync(join(gwHome, 'data', 'tls', 'cert.pem'), 'utf8') },
        });
        cpAgent = new Agent({
            connect: { ca: readFileSync(join(cpHome, 'data', 'tls', 'cert.pem'), 'utf8') },
        });
        cli(cpHome, 'user', 'add', 'alice', '--password', 'alice-s3cret-pw', '--roles', 'updater');
        cli(cpHome, 'user', 'add', 'bob', '--password', 'bob-s3cret-pw-1');
        cli(cpHome, 'scope', 'add', 'read');
        cli(cpHome, 'scope', 'add', 'update', '--roles', 'updater');
        cli(cpHome, 'api', 'create', 'PizzaShack', '--context', '/pizzashack', '--version', '1.0.0', '--production', `${prod.url}/pizzashack`, '--sandbox', `${sandbox.url}/pizzashack`, '--resource', 'GET /menu', '--resource', 'POST /order/{orderId} scope=update', '--resource', 'GET /slow', '--resource', 'GET /reset', '--resource', 'GET /health auth=none');
        cli(cpHome, 'api', 'lifecycle', 'PizzaShack', '1.0.0', 'publish');
        cli(cpHome, 'app', 'create', 'PizzaApp', '--owner', 'alice');
        alice = keys('PizzaApp', 'alice');
        aliceSandbox = keys('PizzaApp', 'alice', 'sandbox');
        cli(cpHome, 'subscription', 'add', 'PizzaApp', 'PizzaShack', '1.0.0', '--owner', 'alice', '--tier', 'Gold');
        cli(cpHome, 'app', 'create', 'OpaqueApp', '--owner', 'alice', '--token-type', 'opaque');
        opaque = keys('OpaqueApp', 'alice');
        cli(cpHome, 'subscription', 'add', 'OpaqueApp', 'PizzaShack', '1.0.0', '--owner', 'alice');
        cli(cpHome, 'app', 'create', 'Lurker', '--owner', 'bob');
        unsubscribed = keys('Lurker', 'bob');
    });
    after(async () => {
        await gw?.stop();
        await cp?.stop();
        await Promise.all([prod?.stop(), sandbox?.stop()]);
        await dispatcher?.close();
        await cpAgent?.close();
        rmSync(cpHome, { recursive: true, force: true });
        rmSync(gwHome, { recursive: true, force: true });
    });
    it('calls the backend with a token for a subscribed application (RFC 6750 §2.1)', async () => {
        const at = await token(alice, {
            grant_type: 'password',
            username: 'alice',
            password: 'alice-s3cret-pw',
        });
        const r = await eventually(() => call('/pizzashack/1.0.0/menu?size=large', at), (x) => x.status !== 403);
        assert.equal(r.status, 200);
        assert.equal(r.json.backend, 'production');
        assert.equal(r.json.method, 'GET');
        assert.equal(r.json.url, '/pizzashack/menu?size=large');
        assert.equal(r.json.headers['x-forwarded-proto'], 'https');
        assert.equal(r.json.headers['x-forwarded-for'], '127.0.0.1');
        assert.equal(r.json.headers.authorization, undefined, 'the token is not passed to the backend');
    });
    it('refuses a request without a token: 401, 900902, WWW-Authenticate without an error code (RFC 6750 §3.1)', async () => {
        const r = await call('/pizzashack/1.0.0/menu');
        assert.equal(r.status, 401);
        assert.equal(r.headers['www-authenticate'], 'Bearer realm="tollgate"');
        assert.deepEqual(r.json, {
            code: 900902,
            message: 'Missing Credentials',
            description: 'Make sure your API invocation call has a header: "Authorization: Bearer ACCESS_TOKEN".',
        });
    });
    it('refuses an invalid token: 401, 900901, error="invalid_token"', async () => {
        for (const bad of ['not-a-real-token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl']) {
            const r = await call('/pizzashack/1.0.0/menu', bad);
            assert.equal(r.status, 401);
            assert.match(r.headers['www-authenticate'], /^Bearer realm="tollgate", error="invalid_token"/);
            assert.equal(r.json.code, 900901);
        }
    });
    it('passes a token issued for "read update" on a resource bound to update, and blocks one for "read" (403, 900910)', async () => {
        const both = await token(alice, {
            grant_type: 'password',
            username: 'alice',
            password: 'alice-s3cret-pw',
            scope: 'read update',
        });
        const readOnly = await token(alice, {
            grant_type: 'password',
            username: 'alice',
            password: 'alice-s3cret-pw',
            scope: 'read',
        });
        const ok = await call('/pizzashack/1.0.0/order/42', both, {
            method: 'POST',
            body: '{"pizza":"margherita"}',
            headers: { 'content-type': 'application/json' },
        });
        assert.equal(ok.status, 200);
        assert.equal(ok.json.url, '/pizzashack/order/42');
        assert.equal(ok.json.body, '{"pizza":"margherita"}');
        const blocked = await call('/pizzashack/1.0.0/order/42', readOnly, {
            method: 'POST',
            body: '{}',
            headers: { 'content-type': 'application/json' },
        });
        assert.equal(blocked.status, 403);
        assert.equal(blocked.headers['www-authenticate'], 'Bearer realm="tollgate", error="insufficient_scope", scope="update"');
        assert.equal(blocked.json.code, 900910);
    });
    it('requires a subscription: 403, 900908', async () => {
        const at = await token(unsubscribed, { grant_type: 'client_credentials' });
        const r = await call('/pizzashack/1.0.0/menu', at);
        assert.equal(r.status, 403);
        assert.deepEqual(r.json, {
            code: 900908,
            message: 'Resource forbidden',
            description: 'The application is not subscribed to this API.',
        });
    });
    it('routes sandbox keys to the sandbox backend and production keys to production', async () => {
        const sb = await token(aliceSandbox, { grant_type: 'client_credentials' });
        const pr = await token(alice, { grant_type: 'client_credentials' });
        assert.equal((await call('/pizzashack/1.0.0/menu', sb)).json.backend, 'sandbox');
        assert.equal((await call('/pizzashack/1.0.0/menu', pr)).json.backend, 'production');
    });
    it('serves a resource without authentication to anyone', async () => {
        const r = await call('/pizzashack/1.0.0/health');
        assert.equal(r.status, 200);
        assert.equal(r.json.url, '/pizzashack/health');
    });
    it('answers CORS preflights without a token and adds CORS headers for another origin ([apim.cors] defaults)', async () => {
        const preflight = await call('/pizzashack/1.0.0/menu', undefined, {
            method: 'OPTIONS',
            headers: {
                origin: 'https://spa.example',
                'access-control-request-method': 'GET',
                'access-control-request-headers': 'authorization',
            },
        });
        assert.equal(preflight.status, 204);
        assert.equal(preflight.headers['access-control-allow-origin'], '*');
        assert.equal(preflight.headers['access-control-allow-headers'], 'authorization, content-type, soapaction, apikey');
        const at = await token(alice, { grant_type: 'client_credentials' });
        const r = await call('/pizzashack/1.0.0/menu', at, {
            headers: { origin: 'https://spa.example' },
        });
        assert.equal(r.status, 200);
        assert.equal(r.headers['access-control-allow-origin'], '*');
        assert.equal(r.json.headers.origin, 'https://spa.example');
        // The API's own settings, from the CLI: one origin, with credentials.
        const own = JSON.parse(cli(cpHome, 'api', 'cors', 'PizzaShack', '1.0.0', '--origins', 'https://spa.example', '--credentials', '--json'));
        assert.deepEqual(own.accessControlAllowOrigins, ['https://spa.example']);
        assert.equal(own.accessControlAllowCredentials, true);
        const refused = await eventually(() => call('/pizzashack/1.0.0/menu', at, { headers: { origin: 'https://other.example' } }), (x) => x.status === 403);
        assert.equal(refused.status, 403);
        const allowed = await call('/pizzashack/1.0.0/menu', at, {
            headers: { origin: 'https://spa.example' },
        });
        assert.equal(allowed.headers['access-control-allow-origin'], 'https://spa.example');
        assert.equal(allowed.headers['access-control-allow-credentials'], 'true');
        assert.notEqual(tollgate(cpHome, 'api', 'cors', 'PizzaShack', '1.0.0', '--origins', '*', '--credentials')
            .status, 0);
        assert.match(cli(cpHome, 'api', 'cors', 'PizzaShack', '1.0.0', '--gateway-default'), /\[apim\.cors\] applies/);
    });
    it('refuses unknown resources, other methods and ambiguous paths without reaching the backend', async () => {
        const at = await token(alice, { grant_type: 'client_credentials' });
        assert.equal((await call('/pizzashack/1.0.0/admin', at)).json.code, 900906);
        assert.equal((await call('/pizzashack/1.0.0/menu', at, { method: 'DELETE' })).status, 405);
        assert.equal((await call('/pizzashack/1.0.0/health/..%2fmenu', at)).status, 400);
        assert.equal((await call('/pizzashack/1.0.0//menu', at)).status, 400);
        assert.equal((await call('/nothing/1.0.0/menu', at)).status, 404);
    });
    it('validates opaque tokens by introspection and refuses them once revoked', async () => {
        const at = await token(opaque, { grant_type: 'client_credentials' });
        assert.doesNotMatch(at, /\./);
        assert.equal((await eventually(() => call('/pizzashack/1.0.0/menu', at), (x) => x.status === 200)).status, 200);
        const revoke = await http(dispatcher, `${gateway}/revoke`, {
            method: 'POST',
            body: new URLSearchParams({ token: at }).toString(),
            headers: {
                'content-type': 'application/x-www-form-urlencoded',
                authorization: `Basic ${Buffer.from(`${opaque.consumerKey}:${opaque.consumerSecret}`).toString('base64')}`,
            },
        });
        assert.equal(revoke.status, 200);
        // Within [apim.gateway] token_cache_ttl_ms (500 here) the cached answer may still pass.
        const r = await eventually(() => call('/pizzashack/1.0.0/menu', at), (x) => x.status === 401);
        assert.equal(r.status, 401);
        assert.equal(r.json.code, 900901);
    });
    it('refuses a revoked JWT once config sync brings the revocation', async () => {
        const at = await token(alice, { grant_type: 'client_credentials' });
        assert.equal((await call('/pizzashack/1.0.0/menu', at)).status, 200);
        const revoke = await http(dispatcher, `${gateway}/revoke`, {
            method: 'POST',
            body: new URLSearchParams({ token: at }).toString(),
            headers: {
                'content-type': 'application/x-www-form-urlencoded',
                authorization: `Basic ${Buffer.from(`${alice.consumerKey}:${alice.consumerSecret}`).toString('base64')}`,
            },
        });
        assert.equal(revoke.status, 200);
        const r = await eventually(() => call('/pizzashack/1.0.0/menu', at), (x) => x.status === 401);
        assert.equal(r.status, 401);
    });
    it('answers 504 for a slow backend and 502 for a reset connection, and keeps serving', async () => {
        const at = await token(alice, { grant_type: 'client_credentials' });
        const slow = await call('/pizzashack/1.0.0/slow', at);
        assert.equal(slow.status, 504);
        assert.equal(slow.json.code, 101504);
        const reset = await call('/pizzashack/1.0.0/reset', at);
        assert.equal(reset.status, 502);
        assert.equal((await call('/pizzashack/1.0.0/menu', at)).status, 200);
    });
    it('publishes through the Publisher REST API, subscribes through the Developer Portal REST API, and enforces lifecycle and tier', async () => {
        cli(cpHome, 'user', 'add', 'pat', '--password', 'pat-publisher-pw', '--roles', 'publisher');
        const pat = `Basic ${Buffer.from('pat:pat-publisher-pw').toString('base64')}`;
        const bobAuth = `Basic ${Buffer.from('bob:bob-s3cret-pw-1').toString('base64')}`;
        const json = { 'content-type': 'application/json' };
        // bob has no publisher role
        assert.equal((await http(cpAgent, `${management}/api/publisher/v1/apis`, {
            headers: { authorization: bobAuth },
        })).status, 403);
        const created = await http(cpAgent, `${management}/api/publisher/v1/apis`, {
            method: 'POST',
            headers: { authorization: pat, ...json },
            body: JSON.stringify({
                name: 'Weather',
                context: '/weather',
                version: 'v1',
                productionUrl: `${prod.url}/weather`,
                resources: [{ method: 'GET', uriTemplate: '/today' }],
            }),
        });
        assert.equal(created.status, 201, JSON.stringify(created.json));
        assert.equal(created.json.status, 'CREATED');
        const apiId = created.json.id;
        const lifecycle = (action) => http(cpAgent, `${management}/api/publisher/v1/apis/${apiId}/lifecycle?action=${action}`, {
            method: 'POST',
            headers: { authorization: pat },
        });
        assert.equal((await lifecycle('retire')).status, 409);
        assert.equal((await lifecycle('publish')).json.status, 'PUBLISHED');
        const listed = await http(cpAgent, `${management}/api/devportal/v1/apis`, {
            headers: { authorization: bobAuth },
        });
        assert.deepEqual(listed.json.list.map((a) => a.path).sort(), [
            '/pizzashack/1.0.0',
            '/weather/v1',
        ]);
        const appId = JSON.parse(cli(cpHome, 'app', 'list', '--owner', 'bob', '--json')).find((a) => a.name === 'Lurker').id;
        const sub = await http(cpAgent, `${management}/api/devportal/v1/subscriptions`, {
            method: 'POST',
            headers: { authorization: bobAuth, ...json },
            body: JSON.stringify({ applicationId: appId, apiId, throttlingPolicy: 'Tiny' }),
        });
        assert.equal(sub.status, 201, JSON.stringify(sub.json));
        // alice cannot see or touch bob's subscription
        const aliceAuth = `Basic ${Buffer.from('alice:alice-s3cret-pw').toString('base64')}`;
        assert.equal((await http(cpAgent, `${management}/api/devportal/v1/subscriptions/${sub.json.subscriptionId}`, { method: 'DELETE', headers: { authorization: aliceAuth } })).status, 404);
        const at = await token(unsubscribed, { grant_type: 'client_credentials' });
        const first = await eventually(() => call('/weather/v1/today', at), (x) => x.status !== 404 && x.status !== 403);
        assert.equal(first.status, 200);
        // Tier "Tiny" allows 3 requests a minute: the 4th (at the latest) is throttled.
        let throttled;
        for (let i = 0; i < 4 && !throttled; i++) {
            const r = await call('/weather/v1/today', at);
            if (r.status === 429)
                throttled = r;
        }
        assert.ok(throttled, 'tier limit reached');
        assert.equal(throttled.json.code, 900804);
        assert.match(throttled.headers['retry-after'], /^\d+$/);
        assert.equal((await lifecycle('block')).json.status, 'BLOCKED');
        const blocked = await eventually(() => call('/weather/v1/today', at), (x) => x.status === 503);
        assert.equal(blocked.json.code, 700700);
        assert.equal((await lifecycle('deprecate')).json.status, 'DEPRECATED');
        assert.equal((await lifecycle('retire')).json.status, 'RETIRED');
        const retired = await eventually(() => call('/weather/v1/today', at), (x) => x.status === 404);
        assert.equal(retired.status, 404);
    });
    it('enforces the application throttling policy per end user, and a policy change in the portal without a restart', async () => {
        // WSO2 counts an application policy per application and end user, across APIs; the
        // Gateway learns the policy from the snapshot, and the opaque token's user from introspection.
        const aliceAuth = {
            authorization: `Basic ${Buffer.from('alice:alice-s3cret-pw').toString('base64')}`,
            'content-type': 'application/json',
        };
        const appId = JSON.parse(cli(cpHome, 'app', 'list', '--owner', 'alice', '--json')).find((a) => a.name === 'OpaqueApp').id;
        const setPolicy = async (throttlingPolicy) => {
            const r = await http(cpAgent, `${management}/api/devportal/v1/applications/${appId}`, {
                method: 'PUT',
                headers: aliceAuth,
                body: JSON.stringify({ throttlingPolicy }),
            });
            assert.equal(r.status, 200, JSON.stringify(r.json));
        };
        await setPolicy('10PerMin');
        const client = await token(opaque, { grant_type: 'client_credentials' });
        const user = await token(opaque, {
            grant_type: 'password',
            username: 'alice',
            password: 'alice-s3cret-pw',
        });
        // Real time here: within 2 windows of 10 calls the 21st is refused at the latest.
        const throttled = await eventually(() => call('/pizzashack/1.0.0/menu', client), (r) => r.status === 429);
        assert.equal(throttled.status, 429);
        assert.deepEqual(throttled.json, {
            code: 900803,
            message: 'Message throttled out',
            description: "You have exceeded the request limit of your application's throttling policy: retry after the time in Retry-After.",
        });
        assert.match(throttled.headers['retry-after'], /^\d+$/);
        assert.equal((await call('/pizzashack/1.0.0/menu', user)).status, 200, 'alice, another end user of the application, is not affected');
        await setPolicy('Unlimited');
        const after = await eventually(() => call('/pizzashack/1.0.0/menu', client), (r) => r.status === 200);
        assert.equal(after.status, 200);
    });
    it('answers 503 when the backend is down', async () => {
        const dead = await startBackend('dead');
        await dead.stop();
        cli(cpHome, 'api', 'create', 'Gone', '--context', '/gone', '--version', '1', '--production', dead.url, '--resource', 'GET /x auth=none');
        cli(cpHome, 'api', 'lifecycle', 'Gone', '1', 'publish');
        const r = await eventually(() => call('/gone/1/x'), (x) => x.status !== 404);
        assert.equal(r.status, 503);
        assert.equal(r.json.code, 101503);
    });
    it('keeps serving its last configuration when the control plane is down (R56)', async () => {
        const at = await token(alice, { grant_type: 'client_credentials' });
        assert.equal((await call('/pizzashack/1.0.0/menu', at)).status, 200);
        await cp.stop();
        cp = undefined;
        await new Promise((r) => setTimeout(r, 500)); // a few sync rounds fail meanwhile
        const r = await call('/pizzashack/1.0.0/menu', at);
        assert.equal(r.status, 200);
        assert.equal(r.json.backend, 'production');
        // Restarted while the control plane is still down: it serves the configuration and keys
        // it saved under data/gateway/, and still refuses what that configuration refuses.
        await gw.stop();
        gw = await startServerProcess(gwHome, ['--profile', 'gateway']);
        const again = await call('/pizzashack/1.0.0/menu', at);
        assert.equal(again.status, 200);
        assert.equal(again.json.backend, 'production');
        assert.equal((await call('/pizzashack/1.0.0/menu')).status, 401);
    });
});
//# sourceMappingURL=gateway-apart.test.js.map