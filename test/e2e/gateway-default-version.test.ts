// Issue #13, a default version (WSO2's "Make this the Default Version"), over real processes:
// `tollgate start`, the CLI and two backends. The Gateway serves the default version of /shop
// at /shop alone; making another version the default (CLI or Publisher REST) moves that path
// to it while the server runs, and there is never more than one default.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import { eventually, http, startBackend, type Backend } from '../helpers/gateway-setup.js';
import { createInstance, postTo, type Instance } from '../helpers/instance.js';
import { tollgate, type ServerProcess } from '../helpers/process.js';

const ADMIN = `Basic ${Buffer.from('admin:Admin-Password-For-Tests').toString('base64')}`;

describe('a default version: the Gateway serves it at the context without a version', () => {
  let instance: Instance;
  let server: ServerProcess | undefined;
  let agent: Agent;
  let v1: Backend;
  let v2: Backend;
  let token = '';
  let gateway = '';
  let management = '';

  const cli = (...args: string[]) => {
    const r = tollgate(instance.home, ...args);
    assert.equal(r.status, 0, `tollgate ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const get = (path: string) =>
    http(agent, `${gateway}${path}`, { headers: { authorization: `Bearer ${token}` } });
  /** Which backend answers `path` once config sync has brought the change (or its status). */
  const servedBy = async (path: string, expected: string) => {
    const r = await eventually(
      () => get(path),
      (x) => (x.status === 200 ? x.json.backend : String(x.status)) === expected,
    );
    return r.status === 200 ? (r.json.backend as string) : String(r.status);
  };
  const publisher = (method: string, path: string, body?: unknown) =>
    http(agent, `${management}/api/publisher/v1${path}`, {
      method,
      headers: { authorization: ADMIN, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  before(async () => {
    [v1, v2] = await Promise.all([startBackend('shop-v1'), startBackend('shop-v2')]);
    instance = await createInstance('[apim.gateway]\nsync_interval_ms = 200');
    for (const [version, backend] of [
      ['1.0.0', v1],
      ['2.0.0', v2],
    ] as const) {
      cli(
        'api',
        'create',
        'Shop',
        '--context',
        '/shop',
        '--version',
        version,
        '--production',
        `${backend.url}/shop`,
        '--resource',
        'GET /menu',
      );
      cli('api', 'lifecycle', 'Shop', version, 'publish');
      cli('subscription', 'add', 'crashapp', 'Shop', version, '--owner', instance.username);
    }
    server = await instance.start();
    agent = instance.agent();
    gateway = `https://localhost:${8243 + instance.offset}`;
    management = `https://localhost:${9443 + instance.offset}`;
    const basic = `Basic ${Buffer.from(`${instance.consumerKey}:${instance.consumerSecret}`).toString('base64')}`;
    const t = await postTo(agent, `${gateway}/token`, { grant_type: 'client_credentials' }, basic);
    assert.equal(t.status, 200, JSON.stringify(t.json));
    token = t.json.access_token;
  });
  after(async () => {
    await server?.stop();
    await agent?.close();
    await Promise.all([v1?.stop(), v2?.stop()]);
    instance?.remove();
  });

  it('serves nothing at the context alone until a version is the default', async () => {
    assert.equal(await servedBy('/shop/1.0.0/menu', 'shop-v1'), 'shop-v1');
    const r = await get('/shop/menu');
    assert.equal(r.status, 404);
    assert.equal(r.json.description, 'No API is published at this path.');
  });

  it('routes /shop to the version the CLI made the default, each version still at its own path', async () => {
    assert.match(cli('api', 'default', 'Shop', '1.0.0'), /default version.*\/shop/);
    assert.equal(await servedBy('/shop/menu', 'shop-v1'), 'shop-v1');
    const r = await get('/shop/menu?size=large');
    assert.equal(r.json.url, '/shop/menu?size=large');
    assert.equal(await servedBy('/shop/2.0.0/menu', 'shop-v2'), 'shop-v2');
    assert.equal(await servedBy('/shop/1.0.0/menu', 'shop-v1'), 'shop-v1');
    assert.match(cli('api', 'show', 'Shop', '1.0.0'), /and \/shop \(default version\)/);
  });

  it('moves /shop to another version made the default over the Publisher REST API, without a restart', async () => {
    const list = await publisher('GET', '/apis');
    const id = (version: string) =>
      list.json.list.find((a: { version: string }) => a.version === version).id as string;
    const put = await publisher('PUT', `/apis/${id('2.0.0')}`, { isDefaultVersion: true });
    assert.equal(put.status, 200, JSON.stringify(put.json));
    assert.equal(put.json.isDefaultVersion, true);
    assert.equal(put.json.defaultVersionPath, '/shop');
    // Only one default: 1.0.0 stopped being it.
    const old = await publisher('GET', `/apis/${id('1.0.0')}`);
    assert.equal(old.json.isDefaultVersion, false);
    assert.equal(old.json.defaultVersionPath, null);
    assert.equal(await servedBy('/shop/menu', 'shop-v2'), 'shop-v2');
    assert.equal(await servedBy('/shop/1.0.0/menu', 'shop-v1'), 'shop-v1');
    const defaults = JSON.parse(cli('api', 'list', '--json')).filter(
      (a: { isDefaultVersion: boolean }) => a.isDefaultVersion,
    );
    assert.deepEqual(
      defaults.map((a: { version: string }) => a.version),
      ['2.0.0'],
    );
    const bad = await publisher('PUT', `/apis/${id('1.0.0')}`, { isDefaultVersion: 'yes' });
    assert.equal(bad.status, 400);
  });

  it('serves the context alone no more once no version is the default', async () => {
    assert.match(cli('api', 'default', 'Shop', '2.0.0', '--off'), /not the default/);
    assert.equal(await servedBy('/shop/menu', '404'), '404');
    assert.equal(await servedBy('/shop/2.0.0/menu', 'shop-v2'), 'shop-v2');
  });
});
