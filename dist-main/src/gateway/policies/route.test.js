// route: which API and resource a request is for, on the path the backend will see (R47).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeToken, startTestGateway, testApi, testSnapshot, } from '../testing.js';
const BEARER = { authorization: 'Bearer t1' };
describe('route policy', () => {
    let gw;
    before(async () => {
        const deep = testApi({
            id: 'api-2',
            name: 'Deep',
            path: '/shop/1.0/deep/v1',
            productionUrl: 'http://backend.invalid/deep',
            resources: [{ method: 'GET', uriTemplate: '/*', authType: 'none', scope: null }],
        });
        const shop = testApi({
            resources: [
                ...testApi().resources,
                { method: 'GET', uriTemplate: '/', authType: 'none', scope: null },
            ],
        });
        gw = await startTestGateway({
            tokens: { t1: activeToken() },
            snapshot: testSnapshot({ apis: [shop, deep] }),
        });
    });
    after(() => gw.close());
    it('sends the path below the context and the query to the backend', async () => {
        const r = await gw.app.inject({ url: '/shop/1.0/items?size=large&x=%20', headers: BEARER });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().url, '/prod/items?size=large&x=%20');
    });
    it('maps the context itself to the backend URL as configured', async () => {
        const r = await gw.app.inject({ url: '/shop/1.0?q=1' });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().url, '/prod?q=1');
    });
    it('takes the API with the longest matching path', async () => {
        const r = await gw.app.inject({ url: '/shop/1.0/deep/v1/a/b' });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().url, '/deep/a/b');
    });
    it('answers 404 where no API is published', async () => {
        const r = await gw.app.inject({ url: '/nothing/1.0/items', headers: BEARER });
        assert.equal(r.statusCode, 404);
        assert.deepEqual(r.json(), {
            code: 404,
            message: 'Not Found',
            description: 'No API is published at this path.',
        });
    });
    it('answers 404 900906 for a path the API has no resource for', async () => {
        const r = await gw.app.inject({ url: '/shop/1.0/admin', headers: BEARER });
        assert.equal(r.statusCode, 404);
        assert.equal(r.json().code, 900906);
    });
    it('answers 405 with Allow for another method', async () => {
        const r = await gw.app.inject({ method: 'DELETE', url: '/shop/1.0/items', headers: BEARER });
        assert.equal(r.statusCode, 405);
        assert.equal(r.headers.allow, 'GET');
        assert.equal(r.json().code, 405);
    });
    it('refuses ambiguous paths (400) before looking for an API', async () => {
        for (const url of ['/shop/1.0/x/..%2fitems', '/shop/1.0//items', '/shop/1.0/items;a=b']) {
            const r = await gw.app.inject({ url, headers: BEARER });
            assert.equal(r.statusCode, 400, url);
            assert.equal(r.json().code, 400);
        }
    });
});
describe('route policy before the first configuration', () => {
    it('answers 503 101503 with Retry-After until a snapshot arrives', async () => {
        const gw = await startTestGateway({
            controlPlane: {
                snapshot: async () => {
                    throw new Error('control plane down');
                },
            },
        });
        try {
            const r = await gw.app.inject({ url: '/shop/1.0/open' });
            assert.equal(r.statusCode, 503);
            assert.equal(r.headers['retry-after'], '2');
            assert.equal(r.json().code, 101503);
        }
        finally {
            await gw.close();
        }
    });
});
//# sourceMappingURL=route.test.js.map