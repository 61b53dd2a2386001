import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TokenConfig } from '../config/index.js';
import { createSqlStores, openDatabase, type Database, type SqlStores } from '../store/index.js';
import { createTestDatabase, type TestDatabase } from '../store/testing.js';
import type { AccessTokenRecord } from './model.js';
import { hashSecret, newOpaqueToken, randomToken, tokenKey } from './secrets.js';
import { SigningKeys } from './signing-keys.js';
import { createTokenLookup } from './token-lookup.js';

const config = { issuer: 'https://km.example', jwtAlgorithm: 'ES256' } as TokenConfig;

describe('finding an opaque token by its value', () => {
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

  const record = (jti: string, tokenHash: string): AccessTokenRecord => ({
    jti,
    tokenHash,
    consumerKey: 'ck',
    applicationId: 'app',
    userId: null,
    scope: ['default'],
    familyId: null,
    grantType: 'client_credentials',
    issuedAt: Date.now(),
    expiresAt: Date.now() + 600_000,
    revokedAt: null,
  });

  it('finds time-prefixed tokens by their key and tokens issued before the prefix by their hash', async () => {
    const keys = await SigningKeys.load(stores.signingKeys, 'ES256', Date.now());
    const lookup = createTokenLookup({ store: stores.tokens, keys: () => keys, config });
    const current = newOpaqueToken();
    const legacy = randomToken(32); // as issued before: 256 random bits, stored as their SHA-256
    await stores.tokens.saveIssuance({ access: record('jti-current', tokenKey(current)) });
    await stores.tokens.saveIssuance({ access: record('jti-legacy', hashSecret(legacy)) });
    const found = async (value: string) => {
      const f = await lookup(value, undefined);
      return f?.kind === 'access' ? f.record.jti : undefined;
    };
    assert.equal(await found(current), 'jti-current');
    assert.equal(await found(legacy), 'jti-legacy');
    assert.equal(await found(newOpaqueToken()), undefined);
    // The secret part decides: the same time prefix with other random bits finds nothing.
    assert.equal(await found(current.slice(0, 12) + randomToken(32)), undefined);
  });
});
