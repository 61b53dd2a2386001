import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { TokenConfig } from '../config/index.js';
import { createSqlStores, openDatabase, type Database, type SqlStores } from '../store/index.js';
import { createTestDatabase, type TestDatabase } from '../store/testing.js';
import { SigningKeys } from './signing-keys.js';
import { createTokenLookup } from './token-lookup.js';

const T0 = 1_700_000_000_000;
const config = {
  issuer: 'https://km.example',
  audience: 'https://gw.example',
  jwtAlgorithm: 'ES256',
} as TokenConfig;

describe('JWT signing keys, one per algorithm', () => {
  let tdb: TestDatabase;
  let database: Database;
  let stores: SqlStores;
  before(async () => {
    tdb = await createTestDatabase('sqlite');
    database = await openDatabase(tdb.config);
    stores = createSqlStores(database);
  });
  after(async () => {
    await database.close();
    await tdb.drop();
  });

  it('keeps each key, publishes all, and still finds a token signed before the algorithm changed', async () => {
    const rs = await SigningKeys.load(stores.signingKeys, 'RS256', T0);
    const now = Math.floor(Date.now() / 1000);
    const jti = 'jti-before-the-change';
    const token = await rs.active.sign({
      iss: config.issuer,
      sub: 'c',
      iat: now,
      exp: now + 600,
      jti,
    });
    await stores.tokens.saveIssuance({
      access: {
        jti,
        tokenHash: null,
        consumerKey: 'ck',
        applicationId: 'app',
        userId: null,
        scope: ['default'],
        familyId: null,
        grantType: 'client_credentials',
        issuedAt: now * 1000,
        expiresAt: (now + 600) * 1000,
        revokedAt: null,
      },
    });

    // The operator switches [oauth.token] jwt_algorithm to ES256 and restarts.
    const es = await SigningKeys.load(stores.signingKeys, 'ES256', T0 + 1);
    assert.equal(es.active.alg, 'ES256');
    assert.deepEqual(es.jwks.keys.map((k) => k.alg).sort(), ['ES256', 'RS256']);
    await jwtVerify(token, createLocalJWKSet(es.jwks), { issuer: config.issuer, typ: 'at+jwt' });
    const lookup = createTokenLookup({ store: stores.tokens, keys: () => es, config });
    const found = await lookup(token, 'access_token');
    assert.equal(found?.kind, 'access');
    assert.equal(found.kind === 'access' && found.record.jti, jti);

    // And back: the first RS256 key signs again (it was stored, not made anew).
    const again = await SigningKeys.load(stores.signingKeys, 'RS256', T0 + 2);
    assert.equal(again.active.kid, rs.active.kid);
    assert.equal(again.jwks.keys.length, 2);
  });
});
