import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashSecret, newOpaqueToken, newTimeOrderedId, tokenKey } from './secrets.js';

describe('token values and their stored keys', () => {
  it('stores opaque tokens under keys in issue order, hashed, and old tokens by hash alone', () => {
    const t0 = Date.UTC(2026, 11, 2, 12);
    const tokens = [t0, t0 + 1, t0 + 1, t0 + 1000, t0 + 3_600_000].map((t) => newOpaqueToken(t));
    for (const t of tokens) assert.match(t, /^[0-9a-f]{12}[A-Za-z0-9_-]{43}$/);
    assert.equal(new Set(tokens).size, tokens.length);
    const keys = tokens.map(tokenKey);
    const inTimeOrder = keys.map((k) => k.slice(0, 12));
    assert.deepEqual([...inTimeOrder].sort(), inTimeOrder);
    assert.equal(keys[0], tokens[0]!.slice(0, 12) + hashSecret(tokens[0]!));
    assert.ok(!keys.some((k, i) => k.includes(tokens[i]!.slice(12))), 'the secret part is hashed');
    // A token issued before the time prefix (43 base64url characters) keeps its plain hash.
    const legacy = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
    assert.equal(tokenKey(legacy.slice(0, 43)), hashSecret(legacy.slice(0, 43)));
  });

  it('makes UUIDv7 token ids that sort by time', () => {
    const t0 = Date.UTC(2026, 11, 2, 12);
    const ids = [t0, t0 + 1, t0 + 2, t0 + 86_400_000].map((t) => newTimeOrderedId(t));
    for (const id of ids)
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set([newTimeOrderedId(t0), newTimeOrderedId(t0)]).size, 2);
    assert.equal(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16), t0);
  });
});
