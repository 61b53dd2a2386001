import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { IdentityError, type User } from '../identity/user.js';
import type {
  AccessTokenRecord,
  Application,
  ClientKey,
  Environment,
  Issuance,
  RefreshTokenRecord,
  TokenFamily,
} from '../keymanager/model.js';
import type { GrantType } from '../config/index.js';
import { createSqlStores, DuplicateError, openDatabase } from './index.js';
import { createTestDatabase, describeOnEachDatabase, until } from './testing.js';

const T0 = 1_700_000_000_000;
const id = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

function newUser(username = id('user'), createdAt = T0): User {
  return {
    id: id('u'),
    username,
    passwordHash: `hash-${username}`,
    roles: ['subscriber'],
    status: 'active',
    createdAt,
  };
}

function newApp(ownerId: string, name = id('app')): Application {
  return {
    id: id('a'),
    name,
    ownerId,
    description: 'An application',
    tokenType: 'jwt',
    grantTypes: ['password', 'refresh_token'],
    accessTokenLifetime: null,
    refreshTokenLifetime: 7200,
    throttlingPolicy: 'Unlimited',
    callbackUrls: [],
    publicClient: false,
    firstParty: false,
    createdAt: T0,
  };
}

function newKey(applicationId: string, environment: Environment = 'production'): ClientKey {
  return {
    consumerKey: id('ck'),
    applicationId,
    environment,
    secretHash: id('secret'),
    createdAt: T0 + 1,
  };
}

interface Client {
  readonly app: Application;
  readonly key: ClientKey;
}

function access(
  client: Client,
  userId: string | null,
  grantType: GrantType,
  at: number,
  familyId: string | null,
): AccessTokenRecord {
  return {
    jti: id('jti'),
    tokenHash: id('ath'),
    consumerKey: client.key.consumerKey,
    applicationId: client.app.id,
    userId,
    scope: ['read', 'write'],
    familyId,
    grantType,
    issuedAt: at,
    expiresAt: at + 3_600_000,
    revokedAt: null,
  };
}

function refresh(
  client: Client,
  userId: string | null,
  familyId: string,
  at: number,
): RefreshTokenRecord {
  return {
    tokenHash: id('rth'),
    familyId,
    consumerKey: client.key.consumerKey,
    userId,
    scope: ['read', 'write'],
    issuedAt: at,
    expiresAt: at + 86_400_000,
    consumedAt: null,
    revokedAt: null,
  };
}

/** A password grant: a new family, an access token and its first refresh token. */
function passwordIssuance(
  client: Client,
  userId: string,
  at = T0,
): Issuance & { refresh: RefreshTokenRecord; newFamily: TokenFamily } {
  const family: TokenFamily = {
    id: id('fam'),
    consumerKey: client.key.consumerKey,
    userId,
    createdAt: at,
    expiresAt: at + 30 * 86_400_000,
    revokedAt: null,
  };
  return {
    access: access(client, userId, 'password', at, family.id),
    refresh: refresh(client, userId, family.id, at),
    newFamily: family,
  };
}

/** What a refresh grant commits: a successor in an existing family. */
function refreshIssuance(
  client: Client,
  userId: string,
  familyId: string,
  at: number,
): Issuance & { refresh: RefreshTokenRecord } {
  return {
    access: access(client, userId, 'refresh_token', at, familyId),
    refresh: refresh(client, userId, familyId, at),
  };
}

describeOnEachDatabase('SQL stores', (db) => {
  async function newClient(): Promise<Client & { owner: User }> {
    const owner = newUser();
    await db.stores.users.create(owner);
    const app = newApp(owner.id);
    await db.stores.applications.create(app);
    const key = newKey(app.id);
    await db.stores.applications.createKey(key);
    return { owner, app, key };
  }

  it('creates users and finds them by username and by id', async () => {
    const user = newUser();
    await db.stores.users.create(user);
    assert.deepEqual(await db.stores.users.findByUsername(user.username), user);
    assert.deepEqual(await db.stores.users.findById(user.id), user);
    assert.equal(await db.stores.users.findByUsername(id('nobody')), undefined);
    assert.equal(await db.stores.users.findById(id('u')), undefined);
  });

  it('refuses a second user with the same username', async () => {
    const user = newUser();
    await db.stores.users.create(user);
    await assert.rejects(
      db.stores.users.create({ ...newUser(), username: user.username }),
      (err: unknown) => {
        assert.ok(err instanceof IdentityError);
        assert.equal(err.code, 'user_exists');
        assert.equal(err.message, `A user named "${user.username}" already exists.`);
        return true;
      },
    );
    assert.deepEqual(await db.stores.users.findByUsername(user.username), user);
  });

  it('creates many users in one transaction: all, or none when one is taken', async () => {
    const taken = newUser();
    await db.stores.users.create(taken);
    const batch = [newUser(), newUser()];
    await assert.rejects(
      db.stores.users.createMany([...batch, { ...newUser(), username: taken.username }]),
      (err: unknown) => {
        assert.ok(err instanceof IdentityError);
        assert.equal(err.code, 'user_exists');
        return true;
      },
    );
    assert.deepEqual(await Promise.all(batch.map((u) => db.stores.users.findById(u.id))), [
      undefined,
      undefined,
    ]);
    await db.stores.users.createMany(batch);
    assert.deepEqual(await Promise.all(batch.map((u) => db.stores.users.findById(u.id))), batch);
  });

  it('lists and counts users', async () => {
    const before = await db.stores.users.count();
    const a = newUser(`list-a-${id('x')}`);
    const b = newUser(`list-b-${id('x')}`);
    await db.stores.users.create(b);
    await db.stores.users.create(a);
    assert.equal(await db.stores.users.count(), before + 2);
    const listed = await db.stores.users.list();
    assert.equal(listed.length, before + 2);
    assert.deepEqual(
      listed.filter((u) => u.id === a.id || u.id === b.id),
      [a, b],
    );
  });

  it("updates a user's password hash, roles and status, and removes the user", async () => {
    const user = newUser();
    await db.stores.users.create(user);
    await db.stores.users.updatePasswordHash(user.id, 'new-hash', T0 + 1);
    await db.stores.users.updateRoles(user.id, ['admin', 'publisher'], T0 + 2);
    await db.stores.users.updateStatus(user.id, 'disabled', T0 + 3);
    assert.deepEqual(await db.stores.users.findById(user.id), {
      ...user,
      passwordHash: 'new-hash',
      roles: ['admin', 'publisher'],
      status: 'disabled',
    });
    assert.equal(await db.stores.users.remove(user.id), true);
    assert.equal(await db.stores.users.findById(user.id), undefined);
    assert.equal(await db.stores.users.remove(user.id), false);
  });

  it('creates applications and refuses a duplicate name for the same owner only', async () => {
    const owner = newUser();
    const other = newUser();
    await db.stores.users.create(owner);
    await db.stores.users.create(other);
    const app = newApp(owner.id);
    await db.stores.applications.create(app);
    assert.deepEqual(await db.stores.applications.findById(app.id), app);
    assert.deepEqual(await db.stores.applications.findByOwnerAndName(owner.id, app.name), app);
    assert.equal(await db.stores.applications.findByOwnerAndName(other.id, app.name), undefined);

    await assert.rejects(
      db.stores.applications.create({ ...newApp(owner.id), name: app.name }),
      (err: unknown) => {
        assert.ok(err instanceof DuplicateError);
        assert.equal(err.entity, 'application');
        assert.equal(
          err.message,
          `An application named "${app.name}" already exists for this owner.`,
        );
        return true;
      },
    );
    const sameNameOtherOwner = { ...newApp(other.id), name: app.name };
    await db.stores.applications.create(sameNameOtherOwner);
    assert.deepEqual(
      await db.stores.applications.findById(sameNameOtherOwner.id),
      sameNameOtherOwner,
    );
  });

  it('updates an application and lists applications by owner', async () => {
    const owner = newUser();
    await db.stores.users.create(owner);
    const b = newApp(owner.id, 'B app');
    const a = newApp(owner.id, 'A app');
    await db.stores.applications.create(b);
    await db.stores.applications.create(a);
    const changed: Application = {
      ...b,
      description: 'changed',
      tokenType: 'opaque',
      grantTypes: ['client_credentials'],
      accessTokenLifetime: 600,
      refreshTokenLifetime: null,
    };
    await db.stores.applications.update(changed);
    assert.deepEqual(await db.stores.applications.findById(b.id), changed);
    assert.deepEqual(await db.stores.applications.list(owner.id), [a, changed]);
    const all = await db.stores.applications.list();
    assert.deepEqual(
      all.filter((x) => x.ownerId === owner.id),
      [a, changed],
    );
    assert.ok(all.length > 2);
  });

  it('creates one key pair per environment and finds the client in one lookup', async () => {
    const { app, key } = await newClient();
    assert.deepEqual(await db.stores.applications.findKey(app.id, 'production'), key);
    assert.equal(await db.stores.applications.findKey(app.id, 'sandbox'), undefined);
    await assert.rejects(
      db.stores.applications.createKey(newKey(app.id, 'production')),
      (err: unknown) => {
        assert.ok(err instanceof DuplicateError);
        assert.equal(err.entity, 'client_key');
        return true;
      },
    );
    const sandbox = newKey(app.id, 'sandbox');
    await db.stores.applications.createKey(sandbox);
    assert.deepEqual(await db.stores.applications.findClient(key.consumerKey), {
      key,
      application: app,
    });
    assert.deepEqual(await db.stores.applications.findClient(sandbox.consumerKey), {
      key: sandbox,
      application: app,
    });
    assert.equal(await db.stores.applications.findClient(id('ck')), undefined);
  });

  it("replaces a key pair's secret hash", async () => {
    const { app, key } = await newClient();
    await db.stores.applications.updateSecret(key.consumerKey, 'new-secret-hash', T0 + 50);
    assert.deepEqual(await db.stores.applications.findClient(key.consumerKey), {
      key: { ...key, secretHash: 'new-secret-hash' },
      application: app,
    });
  });

  it('removing an application removes its key pairs', async () => {
    const { app, key } = await newClient();
    assert.equal(await db.stores.applications.remove(app.id), true);
    assert.equal(await db.stores.applications.findById(app.id), undefined);
    assert.equal(await db.stores.applications.findKey(app.id, 'production'), undefined);
    assert.equal(await db.stores.applications.findClient(key.consumerKey), undefined);
    assert.equal(await db.stores.applications.remove(app.id), false);
    // The name is free again.
    await db.stores.applications.create({ ...app, id: id('a') });
  });

  it('upserts, finds, lists and removes scopes', async () => {
    const p = id('scope');
    const read = { name: `${p}:read`, description: 'Read', roles: [] };
    const write = { name: `${p}:write`, description: 'Write', roles: ['publisher'] };
    await db.stores.scopes.upsert(write, T0);
    await db.stores.scopes.upsert(read, T0);
    const rewritten = { ...write, description: 'Write things', roles: ['publisher', 'admin'] };
    await db.stores.scopes.upsert(rewritten, T0 + 1);
    assert.deepEqual(await db.stores.scopes.findMany([`${p}:write`, `${p}:read`, `${p}:none`]), [
      read,
      rewritten,
    ]);
    assert.deepEqual(await db.stores.scopes.findMany([]), []);
    assert.deepEqual(
      (await db.stores.scopes.list()).filter((s) => s.name.startsWith(p)),
      [read, rewritten],
    );
    assert.equal(await db.stores.scopes.remove(read.name), true);
    assert.equal(await db.stores.scopes.remove(read.name), false);
    assert.deepEqual(await db.stores.scopes.findMany([read.name, write.name]), [rewritten]);
  });

  it('saves an issuance and finds its tokens', async () => {
    const client = await newClient();
    const issued = passwordIssuance(client, client.owner.id);
    await db.stores.tokens.saveIssuance(issued);
    assert.deepEqual(
      await db.stores.tokens.findAccessByHash(issued.access.tokenHash!),
      issued.access,
    );
    assert.deepEqual(await db.stores.tokens.findAccessByJti(issued.access.jti), issued.access);
    assert.deepEqual(await db.stores.tokens.findRefresh(issued.refresh.tokenHash), {
      ...issued.refresh,
      family: issued.newFamily,
    });
    assert.equal(await db.stores.tokens.findAccessByHash(id('ath')), undefined);
    assert.equal(await db.stores.tokens.findAccessByJti(id('jti')), undefined);
    assert.equal(await db.stores.tokens.findRefresh(id('rth')), undefined);

    const jwt: AccessTokenRecord = {
      ...access(client, null, 'client_credentials', T0, null),
      tokenHash: null,
    };
    await db.stores.tokens.saveIssuance({ access: jwt });
    assert.deepEqual(await db.stores.tokens.findAccessByJti(jwt.jti), jwt);
  });

  it('rotates a refresh token once; a second rotation with the same token writes nothing', async () => {
    const client = await newClient();
    const userId = client.owner.id;
    const first = passwordIssuance(client, userId);
    await db.stores.tokens.saveIssuance(first);
    const next = refreshIssuance(client, userId, first.newFamily.id, T0 + 1000);
    assert.equal(
      await db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 1000, next),
      'rotated',
    );
    assert.deepEqual(await db.stores.tokens.findRefresh(first.refresh.tokenHash), {
      ...first.refresh,
      consumedAt: T0 + 1000,
      family: first.newFamily,
    });
    assert.deepEqual(await db.stores.tokens.findRefresh(next.refresh.tokenHash), {
      ...next.refresh,
      family: first.newFamily,
    });
    assert.deepEqual(await db.stores.tokens.findAccessByJti(next.access.jti), next.access);

    const replay = refreshIssuance(client, userId, first.newFamily.id, T0 + 2000);
    assert.equal(
      await db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 2000, replay),
      'already_consumed',
    );
    assert.equal(await db.stores.tokens.findRefresh(replay.refresh.tokenHash), undefined);
    assert.equal(await db.stores.tokens.findAccessByJti(replay.access.jti), undefined);
    assert.deepEqual(await db.stores.tokens.usersByGrant(client.app.id, 'refresh_token'), [
      { userId, tokenCount: 1, firstIssuedAt: T0 + 1000, lastIssuedAt: T0 + 1000 },
    ]);
  });

  it('commits concurrent issuances together; one that cannot be stored fails alone', async () => {
    const client = await newClient();
    const userId = client.owner.id;
    const stored = passwordIssuance(client, userId);
    await db.stores.tokens.saveIssuance(stored);
    const ok1 = passwordIssuance(client, userId, T0 + 1);
    const ok2 = { access: access(client, null, 'client_credentials', T0 + 2, null) };
    // The same jti again: refused by the primary key, whatever else is in its batch.
    const clash = {
      access: {
        ...access(client, null, 'client_credentials', T0 + 3, null),
        jti: stored.access.jti,
      },
    };
    const outcomes = await Promise.allSettled([
      db.stores.tokens.saveIssuance(ok1),
      db.stores.tokens.saveIssuance(clash),
      db.stores.tokens.saveIssuance(ok2),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(await db.stores.tokens.findAccessByJti(ok1.access.jti), ok1.access);
    assert.deepEqual(await db.stores.tokens.findAccessByJti(ok2.access.jti), ok2.access);
    assert.deepEqual(await db.stores.tokens.findRefresh(ok1.refresh.tokenHash), {
      ...ok1.refresh,
      family: ok1.newFamily,
    });
    assert.equal(await db.stores.tokens.findAccessByHash(clash.access.tokenHash!), undefined);
    assert.deepEqual(await db.stores.tokens.findAccessByJti(stored.access.jti), stored.access);
  });

  it('of two concurrent rotations of one refresh token exactly one wins', async () => {
    const client = await newClient();
    const userId = client.owner.id;
    const first = passwordIssuance(client, userId);
    await db.stores.tokens.saveIssuance(first);
    const a = refreshIssuance(client, userId, first.newFamily.id, T0 + 1000);
    const b = refreshIssuance(client, userId, first.newFamily.id, T0 + 1000);
    const outcomes = await Promise.all([
      db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 1000, a),
      db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 1000, b),
    ]);
    assert.deepEqual([...outcomes].sort(), ['already_consumed', 'rotated']);
    const [winner, loser] = outcomes[0] === 'rotated' ? [a, b] : [b, a];
    assert.deepEqual(await db.stores.tokens.findRefresh(winner.refresh.tokenHash), {
      ...winner.refresh,
      family: first.newFamily,
    });
    assert.equal(await db.stores.tokens.findRefresh(loser.refresh.tokenHash), undefined);
    assert.equal(await db.stores.tokens.findAccessByJti(loser.access.jti), undefined);
  });

  it('stores the issuances committed beside a rotation that lost, and not its successor', async () => {
    const client = await newClient();
    const userId = client.owner.id;
    const first = passwordIssuance(client, userId);
    await db.stores.tokens.saveIssuance(first);
    const winner = refreshIssuance(client, userId, first.newFamily.id, T0 + 1000);
    await db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 1000, winner);
    // Replayed beside a new sign-in and a client_credentials token, all in one turn.
    const replay = refreshIssuance(client, userId, first.newFamily.id, T0 + 2000);
    const signIn = passwordIssuance(client, userId, T0 + 2000);
    const machine = { access: access(client, null, 'client_credentials', T0 + 2000, null) };
    const outcomes = await Promise.all([
      db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 2000, replay),
      db.stores.tokens.saveIssuance(signIn),
      db.stores.tokens.saveIssuance(machine),
    ]);
    assert.deepEqual(outcomes, ['already_consumed', undefined, undefined]);
    assert.equal(await db.stores.tokens.findRefresh(replay.refresh.tokenHash), undefined);
    assert.equal(await db.stores.tokens.findAccessByJti(replay.access.jti), undefined);
    assert.deepEqual(await db.stores.tokens.findRefresh(signIn.refresh.tokenHash), {
      ...signIn.refresh,
      family: signIn.newFamily,
    });
    assert.deepEqual(await db.stores.tokens.findAccessByJti(signIn.access.jti), signIn.access);
    assert.deepEqual(await db.stores.tokens.findAccessByJti(machine.access.jti), machine.access);
  });

  it('a revoked refresh token cannot be rotated', async () => {
    const client = await newClient();
    const first = passwordIssuance(client, client.owner.id);
    await db.stores.tokens.saveIssuance(first);
    await db.stores.tokens.revokeFamily(first.newFamily.id, T0 + 10, 'test');
    const next = refreshIssuance(client, client.owner.id, first.newFamily.id, T0 + 20);
    assert.equal(
      await db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 20, next),
      'already_consumed',
    );
    assert.equal(await db.stores.tokens.findRefresh(next.refresh.tokenHash), undefined);
  });

  it('a refresh token of a revoked family cannot be rotated, even when its own row was not marked', async () => {
    // A successor committed while a revocation of its family ran (PostgreSQL, READ COMMITTED:
    // the revocation's UPDATE of refresh_tokens did not see it yet).
    const client = await newClient();
    const first = passwordIssuance(client, client.owner.id);
    await db.stores.tokens.saveIssuance(first);
    await db.database.db
      .updateTable('token_families')
      .set({ revoked_at: T0 + 10, revoke_reason: 'test' })
      .where('id', '=', first.newFamily.id)
      .execute();
    const next = refreshIssuance(client, client.owner.id, first.newFamily.id, T0 + 20);
    assert.equal(
      await db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 20, next),
      'already_consumed',
    );
    assert.equal(await db.stores.tokens.findRefresh(next.refresh.tokenHash), undefined);
  });

  it('knows the refresh tokens it issued without a read where a read is a round trip (PostgreSQL)', async () => {
    const client = await newClient();
    const userId = client.owner.id;
    const first = passwordIssuance(client, userId);
    await db.stores.tokens.saveIssuance(first);
    const claim = db.stores.tokens.claimRefresh(first.refresh.tokenHash);
    if (db.kind === 'sqlite') {
      assert.deepEqual(claim, { kind: 'unknown' });
      return;
    }
    assert.equal(claim.kind, 'issued');
    if (claim.kind !== 'issued') return;
    assert.deepEqual(claim.state, await db.stores.tokens.findRefresh(first.refresh.tokenHash));
    assert.equal(db.stores.tokens.claimRefresh(first.refresh.tokenHash).kind, 'held');
    const next = refreshIssuance(client, userId, first.newFamily.id, T0 + 1000);
    assert.equal(
      await db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 1000, next),
      'rotated',
    );
    claim.release(true);
    assert.deepEqual(db.stores.tokens.claimRefresh(first.refresh.tokenHash), { kind: 'unknown' });
    // Its successor, in the family the first token's claim knew.
    const successor = db.stores.tokens.claimRefresh(next.refresh.tokenHash);
    assert.equal(successor.kind, 'issued');
    if (successor.kind === 'issued') {
      assert.deepEqual(successor.state, { ...next.refresh, family: first.newFamily });
      successor.release(false);
    }
  });

  it('revokes a family: the family, its refresh tokens and its access tokens', async () => {
    const client = await newClient();
    const userId = client.owner.id;
    const first = passwordIssuance(client, userId);
    const other = passwordIssuance(client, userId);
    await db.stores.tokens.saveIssuance(first);
    await db.stores.tokens.saveIssuance(other);
    const next = refreshIssuance(client, userId, first.newFamily.id, T0 + 1000);
    await db.stores.tokens.rotateRefresh(first.refresh.tokenHash, T0 + 1000, next);

    await db.stores.tokens.revokeFamily(first.newFamily.id, T0 + 5000, 'refresh_token_reuse');
    const family = { ...first.newFamily, revokedAt: T0 + 5000 };
    assert.deepEqual(await db.stores.tokens.findRefresh(first.refresh.tokenHash), {
      ...first.refresh,
      consumedAt: T0 + 1000,
      revokedAt: T0 + 5000,
      family,
    });
    assert.deepEqual(await db.stores.tokens.findRefresh(next.refresh.tokenHash), {
      ...next.refresh,
      revokedAt: T0 + 5000,
      family,
    });
    assert.deepEqual(await db.stores.tokens.findAccessByJti(first.access.jti), {
      ...first.access,
      revokedAt: T0 + 5000,
    });
    assert.deepEqual(await db.stores.tokens.findAccessByJti(next.access.jti), {
      ...next.access,
      revokedAt: T0 + 5000,
    });
    // Another family of the same user is untouched; a second revocation keeps the first time.
    assert.deepEqual(await db.stores.tokens.findAccessByJti(other.access.jti), other.access);
    await db.stores.tokens.revokeFamily(first.newFamily.id, T0 + 9000, 'again');
    assert.deepEqual(await db.stores.tokens.findAccessByJti(first.access.jti), {
      ...first.access,
      revokedAt: T0 + 5000,
    });
  });

  it('revokes one access token', async () => {
    const client = await newClient();
    const issued = passwordIssuance(client, client.owner.id);
    await db.stores.tokens.saveIssuance(issued);
    await db.stores.tokens.revokeAccess(issued.access.jti, T0 + 7);
    assert.deepEqual(await db.stores.tokens.findAccessByJti(issued.access.jti), {
      ...issued.access,
      revokedAt: T0 + 7,
    });
    assert.deepEqual(await db.stores.tokens.findRefresh(issued.refresh.tokenHash), {
      ...issued.refresh,
      family: issued.newFamily,
    });
  });

  it('revokes every token of a user', async () => {
    const client = await newClient();
    const alice = newUser();
    const bob = newUser();
    await db.stores.users.create(alice);
    await db.stores.users.create(bob);
    const a1 = passwordIssuance(client, alice.id);
    const a2 = passwordIssuance(client, alice.id);
    const b1 = passwordIssuance(client, bob.id);
    for (const i of [a1, a2, b1]) await db.stores.tokens.saveIssuance(i);

    await db.stores.tokens.revokeUser(alice.id, T0 + 100);
    for (const i of [a1, a2]) {
      assert.deepEqual(await db.stores.tokens.findAccessByJti(i.access.jti), {
        ...i.access,
        revokedAt: T0 + 100,
      });
      assert.deepEqual(await db.stores.tokens.findRefresh(i.refresh.tokenHash), {
        ...i.refresh,
        revokedAt: T0 + 100,
        family: { ...i.newFamily, revokedAt: T0 + 100 },
      });
    }
    assert.deepEqual(await db.stores.tokens.findAccessByJti(b1.access.jti), b1.access);
    assert.deepEqual(await db.stores.tokens.findRefresh(b1.refresh.tokenHash), {
      ...b1.refresh,
      family: b1.newFamily,
    });
  });

  it('revokes every token issued to a key pair', async () => {
    const one = await newClient();
    const two = await newClient();
    const userId = one.owner.id;
    const p = passwordIssuance(one, userId);
    const cc: Issuance = { access: access(one, null, 'client_credentials', T0, null) };
    const elsewhere = passwordIssuance(two, userId);
    for (const i of [p, cc, elsewhere]) await db.stores.tokens.saveIssuance(i);

    await db.stores.tokens.revokeClient(one.key.consumerKey, T0 + 300);
    assert.deepEqual(await db.stores.tokens.findAccessByJti(p.access.jti), {
      ...p.access,
      revokedAt: T0 + 300,
    });
    assert.deepEqual(await db.stores.tokens.findAccessByJti(cc.access.jti), {
      ...cc.access,
      revokedAt: T0 + 300,
    });
    assert.deepEqual(await db.stores.tokens.findRefresh(p.refresh.tokenHash), {
      ...p.refresh,
      revokedAt: T0 + 300,
      family: { ...p.newFamily, revokedAt: T0 + 300 },
    });
    assert.deepEqual(
      await db.stores.tokens.findAccessByJti(elsewhere.access.jti),
      elsewhere.access,
    );
    assert.deepEqual(await db.stores.tokens.findRefresh(elsewhere.refresh.tokenHash), {
      ...elsewhere.refresh,
      family: elsewhere.newFamily,
    });
  });

  it('purges tokens expired before a time, in bounded batches, and families nothing refers to any more', async () => {
    // A year before the other tests' tokens, so their rows never match the cut-offs below.
    const TP = T0 - 365 * 86_400_000;
    const HOUR = 3_600_000;
    const client = await newClient();
    const first = passwordIssuance(client, client.owner.id, TP);
    await db.stores.tokens.saveIssuance(first);
    const next = refreshIssuance(client, client.owner.id, first.newFamily.id, TP + 2 * HOUR);
    assert.equal(
      await db.stores.tokens.rotateRefresh(first.refresh.tokenHash, TP + 2 * HOUR, next),
      'rotated',
    );
    const cc: AccessTokenRecord = {
      ...access(client, null, 'client_credentials', TP, null),
      tokenHash: null,
    };
    await db.stores.tokens.saveIssuance({ access: cc });

    // Two access tokens expired at TP + 1h (the first and cc); the second one expires at TP + 3h.
    assert.deepEqual(
      await db.stores.tokens.purgeExpired(TP + HOUR, 100),
      { accessTokens: 0, refreshTokens: 0, families: 0 },
      'strictly before',
    );
    assert.deepEqual(
      await db.stores.tokens.purgeExpired(TP + HOUR + 1, 1),
      { accessTokens: 1, refreshTokens: 0, families: 0 },
      'one batch of 1',
    );
    assert.deepEqual(await db.stores.tokens.purgeExpired(TP + HOUR + 1, 100), {
      accessTokens: 1,
      refreshTokens: 0,
      families: 0,
    });
    assert.equal(await db.stores.tokens.findAccessByJti(first.access.jti), undefined);
    assert.equal(await db.stores.tokens.findAccessByJti(cc.jti), undefined);
    assert.deepEqual(await db.stores.tokens.findAccessByJti(next.access.jti), next.access);
    assert.equal(
      (await db.stores.tokens.findRefresh(first.refresh.tokenHash))?.consumedAt,
      TP + 2 * HOUR,
      'a rotated refresh token stays until it expires',
    );

    // Past both refresh tokens' expiry but not the family's: the family stays while it may still be referred to.
    assert.deepEqual(await db.stores.tokens.purgeExpired(TP + 2 * 86_400_000, 100), {
      accessTokens: 1,
      refreshTokens: 2,
      families: 0,
    });
    assert.deepEqual(await db.stores.tokens.purgeExpired(TP + 31 * 86_400_000, 100), {
      accessTokens: 0,
      refreshTokens: 0,
      families: 1,
    });
    assert.equal(await db.stores.tokens.findRefresh(next.refresh.tokenHash), undefined);

    // A family whose access token outlives it is kept until that token goes.
    const long = passwordIssuance(client, client.owner.id, TP);
    await db.stores.tokens.saveIssuance({
      ...long,
      access: { ...long.access, expiresAt: TP + 40 * 86_400_000 },
    });
    assert.deepEqual(await db.stores.tokens.purgeExpired(TP + 31 * 86_400_000, 100), {
      accessTokens: 0,
      refreshTokens: 1,
      families: 0,
    });
    assert.deepEqual(await db.stores.tokens.purgeExpired(TP + 41 * 86_400_000, 100), {
      accessTokens: 1,
      refreshTokens: 0,
      families: 1,
    });
  });

  it('purges audit events older than a time, in bounded batches', async () => {
    const TP = T0 - 400 * 86_400_000;
    const ev = (at: number) => ({
      at,
      type: 'login.failed',
      reason: 'wrong_password',
      username: 'u',
      consumerKey: null,
      ip: '127.0.0.1',
      detail: null,
    });
    await db.stores.audit.append([ev(TP), ev(TP + 1), ev(TP + 2)]);
    assert.equal(await db.stores.audit.purgeBefore(TP + 2, 1), 1);
    assert.equal(await db.stores.audit.purgeBefore(TP + 2, 100), 1);
    assert.deepEqual(
      (await db.stores.audit.list({ limit: 10, since: TP }))
        .filter((e) => e.at < T0 - 300 * 86_400_000)
        .map((e) => e.at),
      [TP + 2],
    );
  });

  it('counts the users who obtained tokens per application and grant', async () => {
    const client = await newClient();
    const other = await newClient();
    const alice = newUser();
    const bob = newUser();
    await db.stores.users.create(alice);
    await db.stores.users.create(bob);
    await db.stores.tokens.saveIssuance(passwordIssuance(client, alice.id, T0 + 10));
    await db.stores.tokens.saveIssuance(passwordIssuance(client, bob.id, T0 + 20));
    await db.stores.tokens.saveIssuance(passwordIssuance(client, alice.id, T0 + 30));
    await db.stores.tokens.saveIssuance(passwordIssuance(client, alice.id, T0 + 15));
    await db.stores.tokens.saveIssuance(passwordIssuance(other, bob.id, T0 + 99));
    await db.stores.tokens.saveIssuance({
      access: access(client, null, 'client_credentials', T0 + 40, null),
    });
    await db.stores.tokens.saveIssuance({
      access: access(client, null, 'password', T0 + 50, null),
    });

    assert.deepEqual(await db.stores.tokens.usersByGrant(client.app.id, 'password'), [
      { userId: alice.id, tokenCount: 3, firstIssuedAt: T0 + 10, lastIssuedAt: T0 + 30 },
      { userId: bob.id, tokenCount: 1, firstIssuedAt: T0 + 20, lastIssuedAt: T0 + 20 },
    ]);
    assert.deepEqual(await db.stores.tokens.usersByGrant(client.app.id, 'client_credentials'), []);
    assert.deepEqual(await db.stores.tokens.usersByGrant(id('a'), 'password'), []);
  });

  it('stores and lists signing keys', async () => {
    const before = await db.stores.signingKeys.list();
    const older = {
      kid: id('kid'),
      alg: 'ES256',
      privateJwk: '{"d":"x"}',
      publicJwk: '{"x":"y"}',
      createdAt: T0,
      retiredAt: T0 + 5,
    };
    const newer = {
      kid: id('kid'),
      alg: 'RS256',
      privateJwk: '{"d":"z"}',
      publicJwk: '{"n":"w"}',
      createdAt: T0 + 10,
      retiredAt: null,
    };
    await db.stores.signingKeys.insert(newer);
    await db.stores.signingKeys.insert(older);
    assert.deepEqual(await db.stores.signingKeys.list(), [...before, older, newer]);
  });

  it('sees a client or user changed by another process (SQLite: at its next turn of the event loop; PostgreSQL: when the change notification arrives)', async () => {
    const client = await newClient();
    const status = async () => (await db.stores.users.findById(client.owner.id))?.status;
    const secret = async () =>
      (await db.stores.applications.findClient(client.key.consumerKey))?.key.secretHash;
    // Read until kept: on PostgreSQL rows are kept once the listener is up.
    for (let i = 0; i < 3; i++) {
      assert.equal(await status(), 'active');
      assert.equal(await secret(), client.key.secretHash);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Another process (the CLI, another worker, another node) on the same database.
    const other = await openDatabase(db.testDb.config);
    try {
      const stores2 = createSqlStores(other);
      await stores2.users.updateStatus(client.owner.id, 'disabled', T0 + 5);
      await stores2.applications.updateSecret(client.key.consumerKey, 'new-secret-hash', T0 + 5);
    } finally {
      await other.close();
    }
    if (db.kind === 'sqlite') await new Promise((r) => setImmediate(r));
    // PostgreSQL: the notification comes on its own connection, in milliseconds; the suite's
    // rows are otherwise kept for ten minutes (testing.ts), so only the notification passes.
    else await until(async () => (await secret()) === 'new-secret-hash');
    assert.equal(await status(), 'disabled');
    assert.equal(await secret(), 'new-secret-hash');
  });

  it('reopening the same database keeps the data (migrations are idempotent)', async () => {
    const user = newUser();
    await db.stores.users.create(user);
    await db.reopen();
    assert.deepEqual(await db.stores.users.findById(user.id), user);
  });

  it('a second database of the same kind is migrated and kept apart', async () => {
    const second = await createTestDatabase(db.kind);
    try {
      const db2 = await openDatabase(second.config);
      try {
        const stores2 = createSqlStores(db2);
        assert.equal(await stores2.users.count(), 0);
        const user = newUser();
        await stores2.users.create(user);
        assert.deepEqual(await stores2.users.list(), [user]);
        assert.equal(await db.stores.users.findById(user.id), undefined);
      } finally {
        await db2.close();
      }
    } finally {
      await second.drop();
    }
  });
});
