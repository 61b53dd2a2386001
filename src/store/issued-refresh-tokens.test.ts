import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RefreshTokenRecord, TokenFamily } from '../keymanager/model.js';
import { IssuedRefreshTokens } from './issued-refresh-tokens.js';

const family = (id: string, revokedAt: number | null = null): TokenFamily => ({
  id,
  consumerKey: 'ck',
  userId: 'u1',
  createdAt: 1000,
  expiresAt: 9000,
  revokedAt,
});
const refresh = (tokenHash: string, familyId: string): RefreshTokenRecord => ({
  tokenHash,
  familyId,
  consumerKey: 'ck',
  userId: 'u1',
  scope: ['read'],
  issuedAt: 1000,
  expiresAt: 5000,
  consumedAt: null,
  revokedAt: null,
});

describe('refresh tokens this process issued', () => {
  it('hands a remembered token out once, with its family; a second claim waits for the holder', async () => {
    const issued = new IssuedRefreshTokens();
    issued.remember(refresh('h1', 'f1'), family('f1'));
    const first = issued.claim('h1');
    assert.equal(first.kind, 'issued');
    if (first.kind !== 'issued') return;
    assert.deepEqual(first.state, { ...refresh('h1', 'f1'), family: family('f1') });
    const second = issued.claim('h1');
    assert.equal(second.kind, 'held');
    first.release(true);
    first.release(false); // once only
    assert.equal(second.kind === 'held' && (await second.rotated), true);
    assert.deepEqual(issued.claim('h1'), { kind: 'unknown' });
  });

  it('tells a waiting request that the holder did not rotate', async () => {
    const issued = new IssuedRefreshTokens();
    issued.remember(refresh('h1', 'f1'), family('f1'));
    const first = issued.claim('h1');
    const second = issued.claim('h1');
    if (first.kind === 'issued') first.release(false);
    assert.equal(second.kind === 'held' && (await second.rotated), false);
  });

  it('remembers a successor only in a family it knows unrevoked', () => {
    const issued = new IssuedRefreshTokens();
    issued.remember(refresh('h1', 'f1')); // family never seen
    assert.deepEqual(issued.claim('h1'), { kind: 'unknown' });
    issued.rememberFamily(family('f2', 123)); // revoked
    issued.remember(refresh('h2', 'f2'));
    assert.deepEqual(issued.claim('h2'), { kind: 'unknown' });
    issued.rememberFamily(family('f3'));
    issued.remember(refresh('h3', 'f3'));
    assert.equal(issued.claim('h3').kind, 'issued');
    issued.remember({ ...refresh('h4', 'f3'), consumedAt: 2000 });
    assert.deepEqual(issued.claim('h4'), { kind: 'unknown' });
  });

  it('forgets a token rotated by other means, and the oldest beyond its bound', () => {
    const issued = new IssuedRefreshTokens(2);
    issued.rememberFamily(family('f1'));
    issued.remember(refresh('h1', 'f1'));
    issued.forget('h1');
    assert.deepEqual(issued.claim('h1'), { kind: 'unknown' });
    for (const h of ['a', 'b', 'c']) issued.remember(refresh(h, 'f1'));
    assert.deepEqual(issued.claim('a'), { kind: 'unknown' });
    assert.equal(issued.claim('b').kind, 'issued');
    assert.equal(issued.claim('c').kind, 'issued');
  });
});
