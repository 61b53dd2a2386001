// application policy: requests per minute per application and end user, across all APIs
// (WSO2's application-level throttling, 900803).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeToken, startTestGateway, testApi, testSnapshot, } from '../testing.js';
describe('application policy', () => {
    const clock = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
    let gw;
    before(async () => {
        const sub = testSnapshot().subscriptions[0];
        gw = await startTestGateway({
            now: () => clock,
            tokens: {
                'user-1': activeToken({ sub: 'user-1' }),
                'user-2': activeToken({ sub: 'user-2' }),
            },
            snapshot: testSnapshot({
                apis: [testApi(), testApi({ id: 'api-2', name: 'Other', path: '/other/1.0' })],
                applications: [{ id: 'app-1', throttlingPolicy: '2PerMin' }],
                subscriptions: [sub, { ...sub, apiId: 'api-2' }],
            }),
        });
    });
    after(() => gw.close());
    const get = (token, api = 'shop') => gw.app.inject({ url: `/${api}/1.0/items`, headers: { authorization: `Bearer ${token}` } });
    it('answers 429 900803 once an end user used up the policy across APIs, and not for another user', async () => {
        assert.equal((await get('user-1')).statusCode, 200);
        assert.equal((await get('user-1', 'other')).statusCode, 200);
        const r = await get('user-1');
        assert.equal(r.statusCode, 429);
        assert.equal(r.headers['retry-after'], '59');
        assert.deepEqual(r.json(), {
            code: 900803,
            message: 'Message throttled out',
            description: "You have exceeded the request limit of your application's throttling policy: retry after the time in Retry-After.",
        });
        assert.equal((await get('user-2')).statusCode, 200);
    });
});
//# sourceMappingURL=application-policy.test.js.map