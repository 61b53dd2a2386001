import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportJWK, generateKeyPair } from 'jose';
import { createJwtSigner } from './jwt-signer.js';
import { newOpaqueToken } from './secrets.js';
import { tokenResponseJson, type TokenResponse } from './token-issuer.js';

// Text JSON writes as it is: no quote, backslash, control character or non-ASCII.
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

describe('token response JSON', () => {
  it('is the text JSON.stringify gives, for JWT and opaque tokens, with a refresh token', async () => {
    const tokens: string[] = [];
    for (const alg of ['ES256', 'EdDSA', 'RS256'] as const) {
      const pair = await generateKeyPair(alg, { extractable: true });
      const signer = createJwtSigner(alg, 'k "1" \\', await exportJWK(pair.privateKey));
      tokens.push(await signer.signJson(JSON.stringify({ sub: 'zoë "q" \\ \u2028', n: 1 })));
    }
    for (let i = 0; i < 50; i++) tokens.push(newOpaqueToken(Date.now() + i));
    for (const token of tokens) {
      // The tokens are text JSON writes as it is (the encoder relies on it).
      assert.match(token, PLAIN);
      const cases: TokenResponse[] = [
        { scope: 'default', token_type: 'Bearer', expires_in: 3600, access_token: token },
        {
          scope: 'read "x" \\ zoë',
          token_type: 'Bearer',
          expires_in: 60,
          refresh_token: newOpaqueToken(),
          access_token: token,
        },
      ];
      for (const r of cases) assert.equal(tokenResponseJson(r), JSON.stringify(r));
    }
  });
});
