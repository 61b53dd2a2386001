// The direct path (direct-calls.ts) over real HTTP: plain calls to an API are served from
// node:http without Fastify, and every other answer is Fastify's, unchanged.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import {
  activeToken,
  startTestGateway,
  testSnapshot,
  type Echo,
  type TestGateway,
} from './testing.js';

describe('Gateway direct path', () => {
  let gw: TestGateway;
  let base = '';
  let viaFastify = 0;
  const agent = new Agent();
  const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const res = await request(`${base}${path}`, {
      method: method as 'GET',
      headers,
      dispatcher: agent,
    });
    const text = await res.body.text();
    return {
      status: res.statusCode,
      headers: res.headers,
      text,
      json: text ? JSON.parse(text) : undefined,
    };
  };
  /** Requests Fastify saw while `probe` ran. */
  const fastifyCount = async (probe: () => Promise<unknown>): Promise<number> => {
    const before = viaFastify;
    await probe();
    return viaFastify - before;
  };

  before(async () => {
    const snapshot = testSnapshot();
    gw = await startTestGateway({
      direct: true,
      tokens: { t1: activeToken(), t2: activeToken({ client_id: 'ck-unsubscribed' }) },
      snapshot: {
        ...snapshot,
        subscriptions: [{ ...snapshot.subscriptions[0]!, tier: 'Tiny' }],
      },
      setup: (app) =>
        app.addHook('onRequest', async () => {
          viaFastify++;
        }),
    });
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(gw.app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await agent.close();
    await gw.close();
  });

  it('proxies a call without Fastify, with the same forwarding', async () => {
    let r: Awaited<ReturnType<typeof get>> | undefined;
    const seen = await fastifyCount(async () => {
      r = await get('/shop/1.0/items?size=large', { authorization: 'Bearer t1' });
    });
    assert.equal(r!.status, 200, r!.text);
    const echo = r!.json as Echo;
    assert.equal(echo.url, '/prod/items?size=large');
    assert.equal(echo.headers['authorization'], undefined);
    assert.equal(echo.headers['x-forwarded-for'], '127.0.0.1');
    assert.equal(echo.headers['x-forwarded-proto'], 'https');
    assert.equal(seen, 0);
  });

  it("answers refusals through Fastify's error renderer, counting the tier once", async () => {
    const none = await get('/shop/1.0/items');
    assert.equal(none.status, 401);
    assert.equal(none.json.code, 900902);
    assert.match(String(none.headers['www-authenticate']), /^Bearer/);
    const unsubscribed = await get('/shop/1.0/items', { authorization: 'Bearer t2' });
    assert.equal(unsubscribed.status, 403);
    assert.equal(unsubscribed.json.code, 900908);
    const wrongMethod = await get('/shop/1.0/items', { authorization: 'Bearer t1' }, 'DELETE');
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers['allow'], 'GET');
    // Tier Tiny allows 2 a minute: the first call above and one more, then 429 900804.
    assert.equal((await get('/shop/1.0/items', { authorization: 'Bearer t1' })).status, 200);
    const over = await get('/shop/1.0/items', { authorization: 'Bearer t1' });
    assert.equal(over.status, 429);
    assert.equal(over.json.code, 900804);
    assert.ok(Number(over.headers['retry-after']) >= 1);
  });

  it('leaves to Fastify what is not a plain call to an API', async () => {
    const paths: [string, Record<string, string>, string, number][] = [
      ['/nothing/1.0/items', {}, 'GET', 404],
      [
        '/shop/1.0/items',
        { origin: 'https://app.example', authorization: 'Bearer t1' },
        'GET',
        429,
      ],
      [
        '/shop/1.0/items',
        { origin: 'https://app.example', 'access-control-request-method': 'GET' },
        'OPTIONS',
        204,
      ],
    ];
    for (const [path, headers, method, status] of paths) {
      let r: Awaited<ReturnType<typeof get>> | undefined;
      const seen = await fastifyCount(async () => {
        r = await get(path, headers, method);
      });
      assert.equal(r!.status, status, `${method} ${path}: ${r!.text}`);
      assert.equal(seen, 1, `${method} ${path} went through Fastify`);
    }
    // A malformed percent-encoded path: Fastify's router refuses it before any hook.
    const malformed = await get('/shop/1.0/%zz', { authorization: 'Bearer t1' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.json.code, 400);
  });
});
