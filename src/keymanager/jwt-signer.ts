import { createPrivateKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JwtAlgorithm } from '../config/index.js';

/** Signs JWT access tokens with one key, giving the compact JWS (RFC 7515 §7.1). */
export interface JwtSigner {
  readonly alg: JwtAlgorithm;
  readonly kid: string;
  /** Signs claims already encoded as JSON (the token path: see access-token-claims.ts). */
  signJson(claims: string): Promise<string>;
  sign(payload: Record<string, unknown>): Promise<string>;
}

function signRs256(input: Buffer, key: KeyObject): Promise<string> {
  // With a callback node:crypto signs on the libuv thread pool: a 2048-bit RSA signature
  // (about a millisecond) does not hold the event loop.
  return new Promise((resolve, reject) =>
    sign('sha256', input, key, (err, sig) =>
      err ? reject(err) : resolve(`${input.toString('latin1')}.${sig.toString('base64url')}`),
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
  const header = `${Buffer.from(JSON.stringify({ alg, kid, typ: 'at+jwt' })).toString('base64url')}.`;
  // The signing input is base64url text: latin1 is its byte-for-byte encoding.
  const input = (claims: string) => `${header}${Buffer.from(claims, 'utf8').toString('base64url')}`;
  let signJson: (claims: string) => Promise<string>;
  switch (alg) {
    case 'RS256':
      signJson = (claims) => signRs256(Buffer.from(input(claims), 'latin1'), key);
      break;
    case 'ES256': {
      // JWS wants the raw r || s form (RFC 7518 §3.4), not DER.
      const ec = { key, dsaEncoding: 'ieee-p1363' as const };
      signJson = (claims) => {
        const text = input(claims);
        const sig = sign('sha256', Buffer.from(text, 'latin1'), ec).toString('base64url');
        return Promise.resolve(`${text}.${sig}`);
      };
      break;
    }
    case 'EdDSA':
      signJson = (claims) => {
        const text = input(claims);
        const sig = sign(null, Buffer.from(text, 'latin1'), key).toString('base64url');
        return Promise.resolve(`${text}.${sig}`);
      };
      break;
  }
  return { alg, kid, signJson, sign: (payload) => signJson(JSON.stringify(payload)) };
}
