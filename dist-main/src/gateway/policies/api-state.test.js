// API state: a BLOCKED API is refused to everyone (WSO2 700700), after the token checks.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeToken, startTestGateway, testApi, testSnapshot, } from '../testing.js';
describe('API state policy', () => {
    let gw;
    before(async () => {
        gw = await startTestGateway({
            tokens: { t1: activeToken(), stranger: activeToken({ client_id: 'ck-stranger' }) },
            snapshot: testSnapshot({ apis: [testApi({ status: 'BLOCKED' })] }),
        });
    });
    after(() => gw.close());
    it('answers 503 700700 for a BLOCKED API, to subscribers and on resources without auth', async () => {
        for (const [url, headers] of [
            ['/shop/1.0/items', { authorization: 'Bearer t1' }],
            ['/shop/1.0/open', {}],
        ]) {
            const r = await gw.app.inject({ url, headers });
            assert.equal(r.statusCode, 503);
            assert.deepEqual(r.json(), {
                code: 700700,
                message: 'API blocked',
                description: 'This API has been blocked temporarily. Please try again later or contact the system administrators.',
            });
        }
    });
    it('comes after the subscription check', async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { authorization: 'Bearer stranger' },
        });
        assert.equal(r.json().code, 900908);
    });
});
//# sourceMappingURL=api-state.test.js.map