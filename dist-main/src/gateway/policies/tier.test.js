// tier: the subscription tier's requests per minute, per application and API, answered with
// WSO2's "subscription level throttled out" 900804, before the application policy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeToken, startTestGateway, testApi, testSnapshot, } from '../testing.js';
describe('tier policy', () => {
    // Frozen one second into a minute window: the counts cannot straddle two windows.
    const clock = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
    let gw;
    before(async () => {
        const sub = testSnapshot().subscriptions[0];
        gw = await startTestGateway({
            now: () => clock,
            tokens: {
                tiny: activeToken({ client_id: 'ck-tiny' }),
                both: activeToken({ client_id: 'ck-both' }),
                unlimited: activeToken({ client_id: 'ck-unlimited' }),
            },
            snapshot: testSnapshot({
                apis: [testApi(), testApi({ id: 'api-2', name: 'Other', path: '/other/1.0' })],
                applications: [
                    { id: 'app-tiny', throttlingPolicy: 'Unlimited' },
                    { id: 'app-both', throttlingPolicy: '2PerMin' },
                    { id: 'app-unlimited', throttlingPolicy: 'Unlimited' },
                ],
                subscriptions: [
                    { ...sub, applicationId: 'app-tiny', consumerKey: 'ck-tiny', tier: 'Tiny' },
                    {
                        ...sub,
                        apiId: 'api-2',
                        applicationId: 'app-tiny',
                        consumerKey: 'ck-tiny',
                        tier: 'Tiny',
                    },
                    { ...sub, applicationId: 'app-both', consumerKey: 'ck-both', tier: 'Tiny' },
                    {
                        ...sub,
                        applicationId: 'app-unlimited',
                        consumerKey: 'ck-unlimited',
                        tier: 'Unlimited',
                    },
                ],
            }),
        });
    });
    after(() => gw.close());
    const get = (token, api = 'shop') => gw.app.inject({ url: `/${api}/1.0/items`, headers: { authorization: `Bearer ${token}` } });
    it('answers 429 900804 with Retry-After once the tier is used up, per API', async () => {
        assert.equal((await get('tiny')).statusCode, 200);
        assert.equal((await get('tiny')).statusCode, 200);
        const r = await get('tiny');
        assert.equal(r.statusCode, 429);
        assert.equal(r.headers['retry-after'], '59');
        assert.deepEqual(r.json(), {
            code: 900804,
            message: 'Message throttled out',
            description: 'You have exceeded your quota for this API: retry after the time in Retry-After.',
        });
        assert.equal((await get('tiny', 'other')).statusCode, 200, 'another API has its own count');
    });
    it('is checked before the application policy (both used up: 900804)', async () => {
        await get('both');
        await get('both');
        assert.equal((await get('both')).json().code, 900804);
    });
    it('does not limit an Unlimited tier', async () => {
        for (let i = 0; i < 5; i++)
            assert.equal((await get('unlimited')).statusCode, 200);
    });
});
//# sourceMappingURL=tier.test.js.map