// The Gateway's two request limits, with WSO2's throttle-out codes (its
// APIThrottleConstants): 900804 subscription tier ("subscription level throttled out", per
// application and API), 900803 application policy (per application and end user).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeToken, startTestGateway, testSnapshot, type TestGateway } from './testing.js';

describe('Gateway throttling', () => {
  // Frozen one second into a minute window: the counts cannot straddle two windows.
  const clock = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
  let gw: TestGateway;
  before(async () => {
    const base = testSnapshot();
    gw = await startTestGateway({
      now: () => clock,
      tokens: {
        tiny: activeToken({ client_id: 'ck-tiny' }),
        'app-user-1': activeToken({ client_id: 'ck-app', sub: 'user-1' }),
        'app-user-2': activeToken({ client_id: 'ck-app', sub: 'user-2' }),
      },
      snapshot: testSnapshot({
        applications: [
          { id: 'app-tiny', throttlingPolicy: 'Unlimited' },
          { id: 'app-limited', throttlingPolicy: '2PerMin' },
        ],
        subscriptions: [
          {
            ...base.subscriptions[0]!,
            applicationId: 'app-tiny',
            consumerKey: 'ck-tiny',
            tier: 'Tiny',
          },
          {
            ...base.subscriptions[0]!,
            applicationId: 'app-limited',
            consumerKey: 'ck-app',
            tier: 'Gold',
          },
        ],
      }),
    });
  });
  after(() => gw.close());

  const get = (token: string) =>
    gw.app.inject({ url: '/shop/1.0/items', headers: { authorization: `Bearer ${token}` } });

  it('answers 429 900804 once the subscription tier is used up', async () => {
    assert.equal((await get('tiny')).statusCode, 200);
    assert.equal((await get('tiny')).statusCode, 200);
    const r = await get('tiny');
    assert.equal(r.statusCode, 429);
    assert.equal(r.headers['retry-after'], '59');
    assert.deepEqual(r.json(), {
      code: 900804,
      message: 'Message throttled out',
      description:
        'You have exceeded your quota for this API: retry after the time in Retry-After.',
    });
  });

  it("answers 429 900803 once an end user used up the application's policy, and not for another user", async () => {
    assert.equal((await get('app-user-1')).statusCode, 200);
    assert.equal((await get('app-user-1')).statusCode, 200);
    const r = await get('app-user-1');
    assert.equal(r.statusCode, 429);
    assert.equal(r.json().code, 900803);
    assert.equal((await get('app-user-2')).statusCode, 200);
  });
});
