// Contract of the Publisher's ApiStore, the Portal's SubscriptionStore and the revocation feed
// the Gateway syncs from, on SQLite and PostgreSQL alike.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { User } from '../identity/user.js';
import type { Application, ClientKey } from '../keymanager/model.js';
import type { Api } from '../publisher/index.js';
import { DuplicateError } from './index.js';
import { describeOnEachDatabase } from './testing.js';

const T0 = 1_700_000_000_000;
const id = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

function newApi(overrides: Partial<Api> = {}): Api {
  return {
    id: id('api'),
    name: id('Pizza'),
    context: `/${id('ctx')}`,
    version: '1.0.0',
    description: 'd',
    productionUrl: 'http://127.0.0.1:9/prod',
    sandboxUrl: '',
    status: 'CREATED',
    ownerId: 'u-1',
    resources: [
      { method: 'GET', uriTemplate: '/menu', authType: 'oauth', scope: null },
      { method: 'POST', uriTemplate: '/order/{orderId}', authType: 'oauth', scope: 'update' },
      { method: 'GET', uriTemplate: '/health', authType: 'none', scope: null },
    ],
    cors: null,
    isDefaultVersion: false,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

describeOnEachDatabase('gateway SQL stores', (db) => {
  async function newApp(): Promise<{ app: Application; keys: ClientKey[]; owner: User }> {
    const owner: User = {
      id: id('u'),
      username: id('user'),
      passwordHash: 'h',
      roles: [],
      status: 'active',
      createdAt: T0,
    };
    await db.stores.users.create(owner);
    const app: Application = {
      id: id('a'),
      name: 'app',
      ownerId: owner.id,
      description: '',
      tokenType: 'jwt',
      grantTypes: ['client_credentials'],
      accessTokenLifetime: null,
      refreshTokenLifetime: null,
      throttlingPolicy: 'Unlimited',
      callbackUrls: [],
      publicClient: false,
      firstParty: false,
      createdAt: T0,
    };
    await db.stores.applications.create(app);
    const keys: ClientKey[] = (['production', 'sandbox'] as const).map((environment) => ({
      consumerKey: id('ck'),
      applicationId: app.id,
      environment,
      secretHash: 's',
      createdAt: T0,
    }));
    for (const k of keys) await db.stores.applications.createKey(k);
    return { app, keys, owner };
  }

  it('stores an API with its resources in order and finds it by id and by name and version', async () => {
    const api = newApi();
    await db.stores.apis.create(api);
    assert.deepEqual(await db.stores.apis.findById(api.id), api);
    assert.deepEqual(await db.stores.apis.findByNameAndVersion(api.name, '1.0.0'), api);
    assert.equal(await db.stores.apis.findById('nope'), undefined);
  });

  it("keeps an API's OpenAPI document as given, replaces it, and drops it with the API", async () => {
    const api = newApi();
    await db.stores.apis.create(api);
    const defs = db.stores.apiDefinitions;
    assert.equal(await defs.get(api.id), undefined);
    await defs.put(api.id, 'openapi: 3.0.3\n', T0);
    await defs.put(api.id, '{"openapi": "3.1.0"}', T0 + 1);
    assert.equal(await defs.get(api.id), '{"openapi": "3.1.0"}');
    assert.equal(await defs.remove(api.id), true);
    assert.equal(await defs.remove(api.id), false);
    await defs.put(api.id, 'openapi: 3.0.3\n', T0 + 2);
    await db.stores.apis.remove(api.id);
    assert.equal(await defs.get(api.id), undefined);
  });

  it('refuses a second API with the same name or context in the same version', async () => {
    const api = newApi();
    await db.stores.apis.create(api);
    await assert.rejects(db.stores.apis.create(newApi({ name: api.name })), DuplicateError);
    await assert.rejects(db.stores.apis.create(newApi({ context: api.context })), DuplicateError);
    await db.stores.apis.create(newApi({ name: api.name, version: '2.0.0' }));
  });

  it('keeps one default version per context and per name: a new default takes it from the others', async () => {
    const v1 = newApi({ isDefaultVersion: true });
    await db.stores.apis.create(v1);
    const v2 = newApi({ name: v1.name, context: v1.context, version: '2.0.0' });
    await db.stores.apis.create(v2);
    const defaults = async () =>
      (await db.stores.apis.list())
        .filter((a) => a.name === v1.name && a.isDefaultVersion)
        .map((a) => a.version);
    assert.deepEqual(await defaults(), ['1.0.0']);
    await db.stores.apis.update({ ...v2, isDefaultVersion: true, updatedAt: T0 + 1 });
    assert.deepEqual(await defaults(), ['2.0.0']);
    // Created as the default: it takes the mark too.
    await db.stores.apis.create(
      newApi({ name: v1.name, context: v1.context, version: '3.0.0', isDefaultVersion: true }),
    );
    assert.deepEqual(await defaults(), ['3.0.0']);
    // Another API of another context keeps its own default.
    const other = newApi({ isDefaultVersion: true });
    await db.stores.apis.create(other);
    assert.equal((await db.stores.apis.findById(other.id))?.isDefaultVersion, true);
    assert.deepEqual(await defaults(), ['3.0.0']);
  });

  it('updates fields, CORS settings and resources; lists by status', async () => {
    const api = newApi();
    await db.stores.apis.create(api);
    const changed: Api = {
      ...api,
      status: 'PUBLISHED',
      sandboxUrl: 'http://127.0.0.1:9/sb',
      resources: [api.resources[1]!],
      cors: {
        enabled: true,
        allowOrigins: ['https://app.example'],
        allowMethods: ['GET'],
        allowHeaders: ['authorization'],
        allowCredentials: true,
        maxAgeSeconds: 60,
      },
      updatedAt: T0 + 5,
    };
    await db.stores.apis.update(changed);
    assert.deepEqual(await db.stores.apis.findById(api.id), changed);
    const published = await db.stores.apis.list(['PUBLISHED']);
    assert.ok(published.some((a) => a.id === api.id));
    assert.ok(published.every((a) => a.status === 'PUBLISHED'));
    assert.deepEqual(await db.stores.apis.list([]), []);
  });

  it('subscribes an application once per API and lists each key of subscribed applications', async () => {
    const api = newApi();
    await db.stores.apis.create(api);
    const { app, keys, owner } = await newApp();
    const sub = {
      id: id('s'),
      applicationId: app.id,
      apiId: api.id,
      tier: 'Gold',
      createdAt: T0,
    };
    assert.equal(await db.stores.subscriptions.create(sub), true);
    assert.equal(await db.stores.subscriptions.create({ ...sub, id: id('s') }), false);
    assert.deepEqual(await db.stores.subscriptions.findById(sub.id), sub);
    assert.deepEqual(await db.stores.subscriptions.listByApplications([app.id]), [sub]);
    assert.equal(await db.stores.subscriptions.countByApi(api.id), 1);
    const subscribed = (await db.stores.subscriptions.listSubscribedKeys()).filter(
      (k) => k.apiId === api.id,
    );
    assert.deepEqual(
      subscribed
        .map((k) => [
          k.consumerKey,
          k.environment,
          k.tier,
          k.applicationId,
          k.applicationPolicy,
          k.applicationName,
          k.applicationOwner,
        ])
        .sort(),
      keys
        .map((k) => [
          k.consumerKey,
          k.environment,
          'Gold',
          app.id,
          'Unlimited',
          'app',
          owner.username,
        ])
        .sort(),
    );
    assert.equal(await db.stores.subscriptions.remove(sub.id), true);
    assert.equal(await db.stores.subscriptions.remove(sub.id), false);
    assert.equal(await db.stores.subscriptions.countByApi(api.id), 0);
  });

  it("drops an application's subscriptions with the application", async () => {
    const api = newApi();
    await db.stores.apis.create(api);
    const { app } = await newApp();
    await db.stores.subscriptions.create({
      id: id('s'),
      applicationId: app.id,
      apiId: api.id,
      tier: 'Gold',
      createdAt: T0,
    });
    await db.stores.applications.remove(app.id);
    assert.equal(await db.stores.subscriptions.countByApi(api.id), 0);
  });

  it('feeds revoked, unexpired JWT access tokens only', async () => {
    const { app, keys } = await newApp();
    const access = (jti: string, expiresAt: number, tokenHash: string | null) => ({
      access: {
        jti,
        tokenHash,
        consumerKey: keys[0]!.consumerKey,
        applicationId: app.id,
        userId: null,
        scope: [],
        familyId: null,
        grantType: 'client_credentials' as const,
        issuedAt: T0,
        expiresAt,
        revokedAt: null,
      },
    });
    const [live, expired, opaque, kept] = [id('jti'), id('jti'), id('jti'), id('jti')];
    await db.stores.tokens.saveIssuance(access(live, T0 + 3_600_000, null));
    await db.stores.tokens.saveIssuance(access(expired, T0 + 10, null));
    await db.stores.tokens.saveIssuance(access(opaque, T0 + 3_600_000, id('hash')));
    await db.stores.tokens.saveIssuance(access(kept, T0 + 3_600_000, null));
    for (const jti of [live, expired, opaque]) await db.stores.tokens.revokeAccess(jti, T0 + 1);
    const feed = (await db.stores.revocations.revokedUnexpired(T0 + 100)).map((r) => r.jti);
    assert.ok(feed.includes(live));
    assert.ok(!feed.includes(expired) && !feed.includes(opaque) && !feed.includes(kept));
  });
});
