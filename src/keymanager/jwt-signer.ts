import { createPrivateKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JwtAlgorithm } from '../config/index.js';

/** Signs JWT access tokens with one key: `sign(payload)` gives the compact JWS (RFC 7515 §7.1). */
export interface JwtSigner {
  readonly alg: JwtAlgorithm;
  readonly kid: string;
  sign(payload: Record<string, unknown>): Promise<string>;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

function signRs256(input: string, key: KeyObject): Promise<string> {
  // With a callback node:crypto signs on the libuv thread pool: a 2048-bit RSA signature
  // (about a millisecond) does not hold the event loop.
  return new Promise((resolve, reject) =>
    sign('sha256', Buffer.from(input), key, (err, sig) =>
      err ? reject(err) : resolve(`${input}.${sig.toString('base64url')}`),
    ),
  );
}

/**
 * The key imported once into node:crypto (no per-token key import, as a JOSE library's
 * sign call would do) and the protected header encoded once. ES256 and EdDSA sign inline
 * (tens of microseconds); RS256 on the thread pool.
 */
export function createJwtSigner(alg: JwtAlgorithm, kid: string, privateJwk: object): JwtSigner {
  const key = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' });
  const header = b64(JSON.stringify({ alg, kid, typ: 'at+jwt' }));
  const encode = (payload: Record<string, unknown>) => `${header}.${b64(JSON.stringify(payload))}`;
  switch (alg) {
    case 'RS256':
      return { alg, kid, sign: (payload) => signRs256(encode(payload), key) };
    case 'ES256': {
      // JWS wants the raw r || s form (RFC 7518 §3.4), not DER.
      const ec = { key, dsaEncoding: 'ieee-p1363' as const };
      return {
        alg,
        kid,
        sign: async (payload) => {
          const input = encode(payload);
          return `${input}.${sign('sha256', Buffer.from(input), ec).toString('base64url')}`;
        },
      };
    }
    case 'EdDSA':
      return {
        alg,
        kid,
        sign: async (payload) => {
          const input = encode(payload);
          return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`;
        },
      };
  }
}
