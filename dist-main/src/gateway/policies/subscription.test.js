// subscription: only an application subscribed to the API may call it (WSO2 900908).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeToken, startTestGateway, testApi, testSnapshot, } from '../testing.js';
describe('subscription policy', () => {
    let gw;
    before(async () => {
        gw = await startTestGateway({
            tokens: {
                subscribed: activeToken(),
                other: activeToken({ client_id: 'ck-other' }),
            },
            snapshot: testSnapshot({
                apis: [testApi(), testApi({ id: 'api-2', name: 'Other', path: '/other/1.0' })],
            }),
        });
    });
    after(() => gw.close());
    const get = (path, token) => gw.app.inject({ url: path, headers: { authorization: `Bearer ${token}` } });
    it('admits a subscribed application', async () => {
        assert.equal((await get('/shop/1.0/items', 'subscribed')).statusCode, 200);
    });
    it('answers 403 900908 to an application not subscribed to this API', async () => {
        for (const [path, token] of [
            ['/shop/1.0/items', 'other'],
            ['/other/1.0/items', 'subscribed'],
        ]) {
            const r = await get(path, token);
            assert.equal(r.statusCode, 403);
            assert.deepEqual(r.json(), {
                code: 900908,
                message: 'Resource forbidden',
                description: 'The application is not subscribed to this API.',
            });
        }
    });
    it('is checked before the scope (an unsubscribed token without the scope gets 900908)', async () => {
        const r = await gw.app.inject({
            method: 'POST',
            url: '/other/1.0/orders',
            headers: { authorization: 'Bearer subscribed' },
        });
        assert.equal(r.json().code, 900908);
    });
});
//# sourceMappingURL=subscription.test.js.map