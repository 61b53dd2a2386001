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
 * The tokens asked for during one turn of the event loop are signed one after the other at its
 * end: OpenSSL's curve tables are then read from the CPU cache for all but the first instead
 * of from memory each time, after a request's other work has pushed them out.
 */
function signedTogether(signNow: (claims: string) => string): (claims: string) => Promise<string> {
  let queue: Array<{
    claims: string;
    resolve: (jws: string) => void;
    reject: (e: unknown) => void;
  }> = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    for (const p of batch) {
      try {
        p.resolve(signNow(p.claims));
      } catch (err) {
        p.reject(err);
      }
    }
  };
  return (claims) =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ claims, resolve, reject });
    });
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
      signJson = signedTogether((claims) => {
        const text = input(claims);
        return `${text}.${sign('sha256', Buffer.from(text, 'latin1'), ec).toString('base64url')}`;
      });
      break;
    }
    case 'EdDSA':
      signJson = signedTogether((claims) => {
        const text = input(claims);
        return `${text}.${sign(null, Buffer.from(text, 'latin1'), key).toString('base64url')}`;
      });
      break;
  }
  return { alg, kid, signJson, sign: (payload) => signJson(JSON.stringify(payload)) };
}
