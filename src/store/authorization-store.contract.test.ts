import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { AuthorizationCode } from '../keymanager/model.js';
import { describeOnEachDatabase } from './testing.js';

const T0 = 1_800_000_000_000;

describeOnEachDatabase('authorization codes and consents', (db) => {
  const code = (hash: string): AuthorizationCode => ({
    codeHash: hash,
    consumerKey: 'ck1',
    userId: 'u1',
    redirectUri: 'https://app.example.com/cb',
    scope: ['read', 'write'],
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    createdAt: T0,
    expiresAt: T0 + 60_000,
    usedAt: null,
    familyId: null,
    accessJti: null,
  });

  before(async () => {
    const s = db.stores;
    await s.users.create({
      id: 'u1',
      username: 'ann',
      passwordHash: 'h',
      roles: [],
      status: 'active',
      createdAt: T0,
    });
    await s.applications.create({
      id: 'a1',
      name: 'App',
      ownerId: 'u1',
      description: '',
      tokenType: 'jwt',
      grantTypes: ['authorization_code'],
      accessTokenLifetime: null,
      refreshTokenLifetime: null,
      throttlingPolicy: 'Unlimited',
      callbackUrls: ['https://app.example.com/cb', 'com.example.app:/cb'],
      publicClient: true,
      firstParty: true,
      createdAt: T0,
    });
    await s.applications.createKey({
      consumerKey: 'ck1',
      applicationId: 'a1',
      environment: 'production',
      secretHash: 'x',
      createdAt: T0,
    });
  });

  it('keeps an application’s callback URLs, public and first-party flags', async () => {
    const client = await db.stores.applications.findClient('ck1');
    assert.deepEqual(client?.application.callbackUrls, [
      'https://app.example.com/cb',
      'com.example.app:/cb',
    ]);
    assert.equal(client?.application.publicClient, true);
    assert.equal(client?.application.firstParty, true);
  });

  it('redeems a code once: the first caller wins and records what it issued', async () => {
    const s = db.stores.authorizations;
    await s.saveCode(code('h1'));
    assert.deepEqual(await s.findCode('h1'), code('h1'));
    const results = await Promise.all([
      s.redeemCode('h1', T0 + 5, { familyId: 'f1', accessJti: 'j1' }),
      s.redeemCode('h1', T0 + 6, { familyId: 'f2', accessJti: 'j2' }),
    ]);
    assert.deepEqual(results.sort(), [false, true]);
    const used = await s.findCode('h1');
    assert.ok(used?.usedAt === T0 + 5 || used?.usedAt === T0 + 6);
    assert.equal(used?.familyId === 'f1' ? used.accessJti : 'j2', used?.accessJti);
    assert.equal(await s.redeemCode('h1', T0 + 7, { familyId: null, accessJti: 'j3' }), false);
    await s.saveCode(code('h2'));
    assert.equal(await s.purgeCodes(T0 + 60_001), 2);
    assert.equal(await s.findCode('h2'), undefined);
  });

  it('remembers one consent per user and application, lists and removes it', async () => {
    const s = db.stores.authorizations;
    await s.saveConsent({ userId: 'u1', applicationId: 'a1', scope: ['read'], grantedAt: T0 });
    await s.saveConsent({
      userId: 'u1',
      applicationId: 'a1',
      scope: ['read', 'write'],
      grantedAt: T0 + 1,
    });
    const one = { userId: 'u1', applicationId: 'a1', scope: ['read', 'write'], grantedAt: T0 + 1 };
    assert.deepEqual(await s.findConsent('u1', 'a1'), one);
    assert.deepEqual(await s.listConsents('u1'), [one]);
    assert.equal(await s.removeConsent('u1', 'a1'), true);
    assert.equal(await s.removeConsent('u1', 'a1'), false);
    assert.deepEqual(await s.listConsents('u1'), []);
  });
});
