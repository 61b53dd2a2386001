import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createSessionService } from '../session/sessions.js';
import { describeOnEachDatabase } from './testing.js';

const DAY = 86_400_000;
const T0 = 20_000 * DAY + 3_600_000;

describeOnEachDatabase('sessions, settings and statistics stores', (db) => {
  before(async () => {
    await db.stores.users.create({
      id: 'u1',
      username: 'ann',
      passwordHash: 'h',
      roles: [],
      status: 'active',
      createdAt: T0,
    });
    await db.stores.users.create({
      id: 'u2',
      username: 'bob',
      passwordHash: 'h',
      roles: [],
      status: 'active',
      createdAt: T0,
    });
  });

  it('keeps sessions hashed, expires them idle or absolute, and signs a user out everywhere', async () => {
    let now = T0;
    const sessions = createSessionService({
      store: db.stores.sessions,
      timeouts: { idleSeconds: 600, absoluteSeconds: 3600 },
      now: () => now,
    });
    const a = await sessions.start('u1');
    assert.equal(await db.stores.sessions.find(a.id), undefined, 'the raw id is not stored');
    assert.equal((await sessions.resume(a.id))?.csrfToken, a.csrfToken);
    now += 600_000;
    assert.equal(await sessions.resume(a.id), undefined, 'idle');
    const b = await sessions.start('u1');
    const c = await sessions.start('u2');
    assert.equal(
      await sessions.start('u2', c.id).then(async () => sessions.resume(c.id)),
      undefined,
      'replaced at sign-in',
    );
    await sessions.endAllFor('u1');
    assert.equal(await sessions.resume(b.id), undefined);
    const d = await sessions.start('u2');
    for (let i = 0; i < 7; i++) {
      now += 500_000;
      assert.ok(await sessions.resume(d.id), 'active within the idle window');
    }
    now += 101_000;
    assert.equal(await sessions.resume(d.id), undefined, 'absolute expiry, whatever the activity');
    assert.ok((await sessions.purgeExpired()) >= 1);
  });

  it('stores runtime settings as upserts', async () => {
    assert.deepEqual(await db.stores.settings.getAll(), {});
    await db.stores.settings.put({ 'identity.self_signup.enable': 'false' }, T0);
    await db.stores.settings.put(
      { 'identity.self_signup.enable': 'true', 'oauth.grant_type.password.enable': 'false' },
      T0 + 1,
    );
    assert.deepEqual(await db.stores.settings.getAll(), {
      'identity.self_signup.enable': 'true',
      'oauth.grant_type.password.enable': 'false',
    });
  });

  it('counts registered users per application and tokens per grant per day', async () => {
    const app = (id: string, name: string) => ({
      id,
      name,
      ownerId: 'u1',
      description: '',
      tokenType: 'jwt' as const,
      grantTypes: ['password' as const],
      accessTokenLifetime: null,
      refreshTokenLifetime: null,
      throttlingPolicy: '20PerMin',
      callbackUrls: [],
      publicClient: false,
      firstParty: false,
      createdAt: T0,
    });
    await db.stores.applications.create(app('a1', 'One'));
    await db.stores.applications.create(app('a2', 'Two'));
    assert.equal((await db.stores.applications.findById('a1'))?.throttlingPolicy, '20PerMin');
    const issue = async (
      applicationId: string,
      userId: string | null,
      grantType: 'password' | 'client_credentials',
      at: number,
    ) =>
      db.stores.tokens.saveIssuance({
        access: {
          jti: `j${Math.random()}`,
          tokenHash: `h${Math.random()}`,
          consumerKey: 'ck',
          applicationId,
          userId,
          scope: [],
          familyId: null,
          grantType,
          issuedAt: at,
          expiresAt: at + 1000,
          revokedAt: null,
        },
      });
    await issue('a1', 'u1', 'password', T0);
    await issue('a1', 'u1', 'password', T0 + 1);
    await issue('a1', 'u2', 'password', T0 + DAY);
    await issue('a1', null, 'client_credentials', T0 + DAY);
    const usage = await db.stores.statistics.registeredUsersPerApplication();
    assert.deepEqual(
      usage.map((u) => [u.applicationName, u.registeredUsers, u.passwordTokens]),
      [
        ['One', 2, 3],
        ['Two', 0, 0],
      ],
    );
    const day0 = Math.floor(T0 / DAY);
    assert.deepEqual(await db.stores.statistics.issuancePerDay(T0 - DAY), [
      { day: day0, grantType: 'password', tokens: 2, users: 1 },
      { day: day0 + 1, grantType: 'client_credentials', tokens: 1, users: 0 },
      { day: day0 + 1, grantType: 'password', tokens: 1, users: 1 },
    ]);
    assert.deepEqual(await db.stores.statistics.issuancePerDay(T0 + DAY, 'a2'), []);
    const byUser = (await db.stores.statistics.passwordGrantUse(T0)).sort((a, b) =>
      a.userId.localeCompare(b.userId),
    );
    assert.deepEqual(byUser, [
      { applicationId: 'a1', userId: 'u1', tokens: 2, lastIssuedAt: T0 + 1 },
      { applicationId: 'a1', userId: 'u2', tokens: 1, lastIssuedAt: T0 + DAY },
    ]);
    assert.deepEqual(await db.stores.statistics.passwordGrantUse(T0 + 2), [
      { applicationId: 'a1', userId: 'u2', tokens: 1, lastIssuedAt: T0 + DAY },
    ]);
  });

  it('counts audit events of one type per hour from the audit_events table', async () => {
    const HOUR = 3_600_000;
    const h0 = Math.floor(T0 / HOUR) * HOUR;
    const ev = (at: number, type: string) => ({
      at,
      type,
      reason: 'wrong_password',
      username: null,
      consumerKey: null,
      ip: '127.0.0.1',
      detail: null,
    });
    await db.stores.audit.append([
      ev(h0 - HOUR, 'login.failed'),
      ev(h0, 'login.failed'),
      ev(h0 + 5, 'login.failed'),
      ev(h0 + HOUR - 1, 'login.failed'),
      ev(h0 + 2 * HOUR + 7, 'login.failed'),
      ev(h0 + 10, 'account.locked'),
    ]);
    assert.deepEqual(await db.stores.statistics.auditEventsPerHour('login.failed', h0), [
      { hour: h0, count: 3 },
      { hour: h0 + 2 * HOUR, count: 1 },
    ]);
    assert.deepEqual(await db.stores.statistics.auditEventsPerHour('account.locked', h0 - HOUR), [
      { hour: h0, count: 1 },
    ]);
    assert.deepEqual(
      await db.stores.statistics.auditEventsPerHour('login.failed', h0 + 3 * HOUR),
      [],
    );
  });
});
