// cors: the CORS protocol (Fetch standard §3.2) at the Gateway, with [apim.cors] or an API's
// own settings: preflights answered without a token, headers on every answer to an allowed
// origin, refusals for what is not allowed, and never "*" together with credentials.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_CORS } from '../../config/cors.js';
import { activeToken, echo, startTestGateway, testApi, testSnapshot, } from '../testing.js';
const APP = 'https://app.test';
const preflight = (origin, method = 'GET', headers) => ({
    method: 'OPTIONS',
    headers: {
        origin,
        'access-control-request-method': method,
        ...(headers ? { 'access-control-request-headers': headers } : {}),
    },
});
describe('cors policy with the Gateway defaults ([apim.cors])', () => {
    let gw;
    before(async () => {
        gw = await startTestGateway({
            tokens: { t1: activeToken() },
            backend: (req, res, body) => {
                // A backend's own CORS headers are replaced by the Gateway's.
                res.setHeader('access-control-allow-origin', 'https://elsewhere.test');
                res.setHeader('access-control-allow-credentials', 'true');
                res.setHeader('vary', 'Accept-Encoding');
                echo(req, res, body);
            },
        });
    });
    after(() => gw.close());
    it('answers a preflight itself, without a token, 204 with the allowed methods and headers', async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            ...preflight('https://any.test', 'GET', 'authorization'),
        });
        assert.equal(r.statusCode, 204, r.body);
        assert.equal(r.body, '');
        assert.equal(r.headers['access-control-allow-origin'], '*');
        assert.equal(r.headers['access-control-allow-methods'], 'GET, PUT, POST, DELETE, PATCH, OPTIONS');
        assert.equal(r.headers['access-control-allow-headers'], 'authorization, content-type, soapaction, apikey');
        assert.equal(r.headers['access-control-max-age'], '3600');
        assert.equal(r.headers['access-control-allow-credentials'], undefined);
    });
    it("puts its own headers on the backend's answer to a call from another origin", async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { origin: 'https://any.test', authorization: 'Bearer t1' },
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.headers['access-control-allow-origin'], '*');
        assert.equal(r.headers['access-control-allow-credentials'], undefined);
        assert.equal(r.headers.vary, 'Accept-Encoding');
    });
    it('puts them on refusals too, so the page can read them', async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { origin: 'https://any.test' },
        });
        assert.equal(r.statusCode, 401);
        assert.equal(r.headers['access-control-allow-origin'], '*');
        assert.equal(r.json().code, 900902);
    });
    it('refuses a preflight asking for a header that is not allowed (403, no CORS headers)', async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            ...preflight('https://any.test', 'GET', 'authorization, x-secret'),
        });
        assert.equal(r.statusCode, 403);
        assert.equal(r.headers['access-control-allow-origin'], undefined);
        assert.deepEqual(r.json(), {
            code: 403,
            message: 'CORS request refused',
            description: 'A requested header is not allowed by the CORS settings of this API.',
        });
    });
    it('adds nothing to requests without Origin, or from its own origin', async () => {
        for (const headers of [{}, { origin: 'https://localhost:80' }]) {
            const r = await gw.app.inject({
                url: '/shop/1.0/items',
                headers: { ...headers, authorization: 'Bearer t1', host: 'localhost:80' },
            });
            assert.equal(r.statusCode, 200, r.body);
            assert.equal(r.headers['access-control-allow-origin'], 'https://elsewhere.test');
        }
    });
    it('leaves a plain OPTIONS request (no preflight) to the resources: 405 here', async () => {
        const r = await gw.app.inject({
            method: 'OPTIONS',
            url: '/shop/1.0/items',
            headers: { origin: APP },
        });
        assert.equal(r.statusCode, 405);
        assert.equal(r.headers.allow, 'GET');
    });
});
describe("cors policy with an API's own settings", () => {
    let gw;
    before(async () => {
        const own = {
            enabled: true,
            allowOrigins: [APP],
            allowMethods: ['GET'],
            allowHeaders: ['*'],
            allowCredentials: true,
            maxAgeSeconds: 60,
        };
        gw = await startTestGateway({
            tokens: { t1: activeToken() },
            snapshot: testSnapshot({
                apis: [
                    testApi({ cors: own }),
                    testApi({
                        id: 'api-2',
                        name: 'Off',
                        path: '/off/1.0',
                        cors: { ...own, enabled: false },
                        resources: [
                            { method: 'OPTIONS', uriTemplate: '/items', authType: 'none', scope: null },
                        ],
                    }),
                ],
                subscriptions: [{ ...testSnapshot().subscriptions[0] }],
            }),
            backend: (req, res, body) => {
                res.setHeader('vary', 'Accept-Encoding');
                echo(req, res, body);
            },
        });
    });
    after(() => gw.close());
    it('echoes an allowed origin with credentials and Vary: Origin, never "*"', async () => {
        const pre = await gw.app.inject({
            url: '/shop/1.0/items',
            ...preflight(APP, 'GET', 'Authorization, X-Trace'),
        });
        assert.equal(pre.statusCode, 204);
        assert.equal(pre.headers['access-control-allow-origin'], APP);
        assert.equal(pre.headers['access-control-allow-credentials'], 'true');
        assert.equal(pre.headers.vary, 'Origin');
        assert.equal(pre.headers['access-control-allow-methods'], 'GET');
        assert.equal(pre.headers['access-control-allow-headers'], 'Authorization, X-Trace');
        assert.equal(pre.headers['access-control-max-age'], '60');
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { origin: APP, authorization: 'Bearer t1' },
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.headers['access-control-allow-origin'], APP);
        assert.equal(r.headers['access-control-allow-credentials'], 'true');
        assert.equal(r.headers.vary, 'Accept-Encoding, Origin');
    });
    it('refuses another origin, before and without a preflight (403)', async () => {
        const pre = await gw.app.inject({ url: '/shop/1.0/items', ...preflight('https://evil.test') });
        assert.equal(pre.statusCode, 403);
        assert.equal(pre.headers['access-control-allow-origin'], undefined);
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { origin: 'https://evil.test', authorization: 'Bearer t1' },
        });
        assert.equal(r.statusCode, 403);
        assert.equal(r.json().description, 'This origin is not allowed by the CORS settings of this API.');
    });
    it('refuses a method that is not allowed', async () => {
        const pre = await gw.app.inject({ url: '/shop/1.0/orders', ...preflight(APP, 'POST') });
        assert.equal(pre.statusCode, 403);
        const r = await gw.app.inject({
            method: 'POST',
            url: '/shop/1.0/orders',
            headers: { origin: APP },
        });
        assert.equal(r.statusCode, 403);
    });
    it('leaves CORS to the backend of an API that turned it off', async () => {
        const r = await gw.app.inject({ url: '/off/1.0/items', ...preflight('https://evil.test') });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().method, 'OPTIONS');
        assert.equal(r.headers['access-control-allow-origin'], undefined);
    });
});
describe('cors policy with [apim.cors] enable = false', () => {
    it('answers no preflight and adds no header', async () => {
        const gw = await startTestGateway({
            tokens: { t1: activeToken() },
            cors: { ...DEFAULT_CORS, enabled: false },
        });
        try {
            const pre = await gw.app.inject({ url: '/shop/1.0/items', ...preflight(APP) });
            assert.equal(pre.statusCode, 405);
            const r = await gw.app.inject({
                url: '/shop/1.0/items',
                headers: { origin: APP, authorization: 'Bearer t1' },
            });
            assert.equal(r.statusCode, 200);
            assert.equal(r.headers['access-control-allow-origin'], undefined);
        }
        finally {
            await gw.close();
        }
    });
});
//# sourceMappingURL=cors.test.js.map