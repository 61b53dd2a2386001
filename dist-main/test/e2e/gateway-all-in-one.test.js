// The Gateway in the all-in-one profile: it reads the in-process control plane (no secret, no
// HTTP hop). The Publisher REST API creates an API from an OpenAPI 3 YAML document, and the
// Gateway serves it with the scopes the document declares (PRODUCT.md item 4).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, eventually } from '../helpers/gateway-setup.js';
import { basic, call, createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
const OPENAPI = `openapi: 3.0.3
info: {title: PizzaShack, version: 1.0.0}
security: [{default: [read]}]
paths:
  /menu:
    get: {responses: {"200": {description: menu}}}
  /order/{orderId}:
    put: {security: [{default: [update]}], responses: {"200": {description: updated}}}
`;
describe('Gateway in the all-in-one profile', () => {
    let server;
    let backend;
    before(async () => {
        backend = await startBackend('all-in-one');
        server = await startTestServer();
    });
    after(async () => {
        await server?.close();
        await backend?.stop();
    });
    it('publishes from OpenAPI YAML over the Publisher REST API and enforces its scopes', async () => {
        const s = server.services;
        await s.users.create({ username: 'owner', password: 'owner-password-1', roles: ['publisher'] });
        await s.stores.scopes.upsert({ name: 'read', description: '', roles: [] }, Date.now());
        await s.stores.scopes.upsert({ name: 'update', description: '', roles: ['updater'] }, Date.now());
        const owner = { authorization: basic('owner', 'owner-password-1') };
        const json = { ...owner, 'content-type': 'application/json' };
        const invalid = await call(server, `${server.management}/api/publisher/v1/apis`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({
                name: 'Pizza',
                context: 'no-slash',
                version: '1.0.0',
                productionUrl: backend.url,
            }),
        });
        assert.equal(invalid.status, 400);
        assert.equal(invalid.json.code, 400);
        assert.match(invalid.json.description, /^context:/);
        const created = await call(server, `${server.management}/api/publisher/v1/apis`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({
                name: 'PizzaShack',
                context: '/pizzashack',
                version: '1.0.0',
                productionUrl: `${backend.url}/v1`,
            }),
        });
        assert.equal(created.status, 201);
        const id = created.json.id;
        const imported = await call(server, `${server.management}/api/publisher/v1/apis/${id}/openapi`, {
            method: 'PUT',
            headers: { ...owner, 'content-type': 'application/yaml' },
            body: OPENAPI,
        });
        assert.equal(imported.status, 200, imported.text);
        assert.deepEqual(imported.json.resources, [
            { method: 'GET', uriTemplate: '/menu', authType: 'oauth', scope: 'read' },
            { method: 'PUT', uriTemplate: '/order/{orderId}', authType: 'oauth', scope: 'update' },
        ]);
        const published = await call(server, `${server.management}/api/publisher/v1/apis/${id}/lifecycle`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ action: 'Publish' }),
        });
        assert.equal(published.json.status, 'PUBLISHED');
        const fx = await createFixture(server, {
            username: 'ann',
            roles: ['updater'],
            appName: 'AnnApp',
        });
        const ann = await s.users.get('ann');
        const app = await s.applications.get(ann.id, 'AnnApp');
        const sub = await call(server, `${server.management}/api/devportal/v1/subscriptions`, {
            method: 'POST',
            headers: { authorization: basic('ann', fx.password), 'content-type': 'application/json' },
            body: JSON.stringify({ applicationId: app.id, apiId: id, throttlingPolicy: 'Bronze' }),
        });
        assert.equal(sub.status, 201, sub.text);
        const tokenFor = async (scope) => (await postForm(server, `${server.gateway}/token`, { grant_type: 'password', username: 'ann', password: fx.password, scope }, { authorization: fx.authorization })).json.access_token;
        const both = await tokenFor('read update');
        const readOnly = await tokenFor('read');
        const put = (t) => call(server, `${server.gateway}/pizzashack/1.0.0/order/7`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${t}` },
            body: '',
        });
        const ok = await eventually(() => put(both), (r) => r.status !== 403 && r.status !== 404);
        assert.equal(ok.status, 200);
        assert.equal(ok.json.url, '/v1/order/7');
        const blocked = await put(readOnly);
        assert.equal(blocked.status, 403);
        assert.equal(blocked.json.code, 900910);
        // Plain HTTP 8280 serves APIs too (WSO2's default transports), with X-Forwarded-Proto http.
        const plain = await call(server, `${server.gatewayHttp}/pizzashack/1.0.0/menu`, {
            headers: { authorization: `Bearer ${readOnly}` },
        });
        assert.equal(plain.status, 200);
        assert.equal(plain.json.headers['x-forwarded-proto'], 'http');
    });
});
//# sourceMappingURL=gateway-all-in-one.test.js.map