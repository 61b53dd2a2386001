import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessTokenClaimsEncoder } from './access-token-claims.js';

const claims = accessTokenClaimsEncoder({
  issuer: 'https://km.example:9443/oauth2/token',
  audience: 'https://gw.example:8243',
});
const common = { scope: 'default read', iat: 1_700_000_000, exp: 1_700_003_600, jti: 'a-b-c' };

describe('JWT access token claims', () => {
  it("a client's own token: WSO2's claims in WSO2's order, sub = the consumer key", () => {
    const json = claims({ clientId: 'ck_1', ...common });
    assert.equal(
      json,
      JSON.stringify({
        client_id: 'ck_1',
        scope: 'default read',
        iss: 'https://km.example:9443/oauth2/token',
        aud: 'https://gw.example:8243',
        sub: 'ck_1',
        iat: 1_700_000_000,
        exp: 1_700_003_600,
        jti: 'a-b-c',
      }),
    );
  });

  it("a user's token names the user (username, sub = the user's id), text escaped as JSON", () => {
    const user = { id: 'u-1', username: 'zoë "q" \\ \u2028' };
    const parsed = JSON.parse(claims({ clientId: 'ck_1', user, ...common })) as object;
    assert.deepEqual(Object.entries(parsed), [
      ['client_id', 'ck_1'],
      ['scope', 'default read'],
      ['username', 'zoë "q" \\ \u2028'],
      ['iss', 'https://km.example:9443/oauth2/token'],
      ['aud', 'https://gw.example:8243'],
      ['sub', 'u-1'],
      ['iat', 1_700_000_000],
      ['exp', 1_700_003_600],
      ['jti', 'a-b-c'],
    ]);
  });
});
