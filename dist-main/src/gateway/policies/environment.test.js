// environment: production keys reach the production backend, sandbox keys the sandbox one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeToken, startTestGateway, testApi, testSnapshot, } from '../testing.js';
describe('environment policy', () => {
    let gw;
    before(async () => {
        const base = testSnapshot();
        const sub = base.subscriptions[0];
        gw = await startTestGateway({
            tokens: {
                production: activeToken(),
                sandbox: activeToken({ client_id: 'ck-sandbox', scope: '' }),
            },
            snapshot: testSnapshot({
                apis: [
                    testApi({ sandboxUrl: 'http://backend.invalid/sandbox' }),
                    testApi({ id: 'api-2', name: 'NoSandbox', path: '/nosandbox/1.0' }),
                ],
                subscriptions: [
                    sub,
                    { ...sub, consumerKey: 'ck-sandbox', environment: 'sandbox' },
                    { ...sub, apiId: 'api-2', consumerKey: 'ck-sandbox', environment: 'sandbox' },
                ],
            }),
        });
    });
    after(() => gw.close());
    const get = (path, token) => gw.app.inject({ url: path, headers: { authorization: `Bearer ${token}` } });
    it('sends production keys to production and sandbox keys to sandbox', async () => {
        assert.equal((await get('/shop/1.0/items', 'production')).json().url, '/prod/items');
        assert.equal((await get('/shop/1.0/items', 'sandbox')).json().url, '/sandbox/items');
    });
    it('answers 403 900908 to sandbox keys of an API without a sandbox endpoint', async () => {
        const r = await get('/nosandbox/1.0/items', 'sandbox');
        assert.equal(r.statusCode, 403);
        assert.deepEqual(r.json(), {
            code: 900908,
            message: 'Resource forbidden',
            description: 'This API has no sandbox endpoint: use production keys.',
        });
    });
    it('comes after the scope check (a sandbox key without the scope gets 900910)', async () => {
        const r = await gw.app.inject({
            method: 'POST',
            url: '/nosandbox/1.0/orders',
            headers: { authorization: 'Bearer sandbox' },
        });
        assert.equal(r.json().code, 900910);
    });
});
//# sourceMappingURL=environment.test.js.map