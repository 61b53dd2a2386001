// [apim.jwt] over real HTTPS: the Gateway passes the caller's identity to the backend as a
// signed JWT (WSO2's X-JWT-Assertion), and the backend verifies it with jose against the JWKS
// the Gateway publishes, fetched over HTTP as a backend would.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { eventually } from '../helpers/gateway-setup.js';
import { basic, call, createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
describe('backend JWT: a backend verifies X-JWT-Assertion against the Gateway JWKS', () => {
    let server;
    let backend;
    let token = '';
    before(async () => {
        server = await startTestServer({
            settings: { 'apim.jwt.enable': true, 'apim.gateway.sync_interval_ms': 200 },
        });
        const jwks = createRemoteJWKSet(new URL(`${server.gatewayHttp}/.well-known/jwks.json`));
        // The backend trusts only what verifies against the Gateway's published key.
        backend = createServer((req, res) => {
            const assertion = req.headers['x-jwt-assertion'];
            const answer = (status, body) => {
                res.writeHead(status, { 'content-type': 'application/json' });
                res.end(JSON.stringify(body));
            };
            if (typeof assertion !== 'string')
                return answer(401, { error: 'no assertion' });
            jwtVerify(assertion, jwks, { issuer: server.gateway, algorithms: ['RS256'] }).then(({ payload }) => answer(200, payload), (err) => answer(401, { error: err.message }));
        });
        await new Promise((r) => backend.listen(0, '127.0.0.1', r));
        const s = server.services;
        await s.users.create({
            username: 'olivia',
            password: 'olivia-owns-apis',
            roles: ['publisher'],
        });
        const olivia = await s.users.get('olivia');
        const api = await s.apis.create({
            name: 'Orders',
            context: '/orders',
            version: 'v2',
            productionUrl: `http://127.0.0.1:${backend.address().port}`,
            resources: [{ method: 'GET', uriTemplate: '/*' }],
        }, olivia.id);
        await s.apis.changeLifecycle(api.id, 'publish');
        const fx = await createFixture(server, { username: 'dan', appName: 'DanApp' });
        const dan = await s.users.get('dan');
        const app = await s.applications.get(dan.id, 'DanApp');
        const sub = await call(server, `${server.management}/api/devportal/v1/subscriptions`, {
            method: 'POST',
            headers: { authorization: basic('dan', fx.password), 'content-type': 'application/json' },
            body: JSON.stringify({ applicationId: app.id, apiId: api.id, throttlingPolicy: 'Gold' }),
        });
        assert.equal(sub.status, 201, sub.text);
        token = (await postForm(server, `${server.gateway}/token`, { grant_type: 'password', username: 'dan', password: fx.password }, { authorization: fx.authorization })).json.access_token;
    });
    after(async () => {
        await server?.close();
        await new Promise((r) => backend?.close(r));
    });
    it("the backend verifies the Gateway's JWT and reads who calls", async () => {
        const r = await eventually(() => call(server, `${server.gateway}/orders/v2/list`, {
            headers: { authorization: `Bearer ${token}`, 'x-jwt-assertion': 'forged.by.client' },
        }), (x) => x.status !== 403 && x.status !== 404);
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json.sub, 'dan');
        assert.equal(r.json['http://wso2.org/claims/enduser'], 'dan');
        assert.equal(r.json['http://wso2.org/claims/subscriber'], 'dan');
        assert.equal(r.json['http://wso2.org/claims/applicationname'], 'DanApp');
        assert.equal(r.json['http://wso2.org/claims/apiname'], 'Orders');
        assert.equal(r.json['http://wso2.org/claims/apicontext'], '/orders/v2');
        assert.equal(r.json['http://wso2.org/claims/tier'], 'Gold');
        assert.equal(r.json['http://wso2.org/claims/keytype'], 'PRODUCTION');
        assert.ok(r.json.exp - r.json.iat <= 900);
    });
    it('keeps its signing key in data/gateway/, readable by its owner only', () => {
        const mode = statSync(join(server.home, 'data', 'gateway', 'backend-jwt-key.pem')).mode;
        assert.equal(mode & 0o777, 0o600);
    });
});
//# sourceMappingURL=gateway-backend-jwt.test.js.map