import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { createJwtSigner } from './jwt-signer.js';

describe('JWT signer', () => {
  for (const alg of ['ES256', 'EdDSA', 'RS256'] as const) {
    it(`${alg}: tokens asked for at once each carry their own claims and verify`, async () => {
      const pair = await generateKeyPair(alg, { extractable: true });
      const signer = createJwtSigner(alg, 'k1', await exportJWK(pair.privateKey));
      const claims = Array.from({ length: 20 }, (_, i) => ({ sub: `client-${i}`, n: i }));
      const tokens = await Promise.all(claims.map((c) => signer.signJson(JSON.stringify(c))));
      for (const [i, token] of tokens.entries()) {
        const { payload, protectedHeader } = await jwtVerify(token, pair.publicKey, {
          algorithms: [alg],
          typ: 'at+jwt',
        });
        assert.deepEqual(payload, claims[i]);
        assert.deepEqual(protectedHeader, { alg, kid: 'k1', typ: 'at+jwt' });
      }
    });
  }
});
