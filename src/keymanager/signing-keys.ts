import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import type { JwtAlgorithm } from '../config/index.js';
import { createJwtSigner, type JwtSigner } from './jwt-signer.js';
import type { SigningKeyStore } from './store.js';

/** Every algorithm a key of ours may have: tokens signed before a change of algorithm still verify. */
export const JWT_ALGORITHMS: readonly JwtAlgorithm[] = ['RS256', 'ES256', 'EdDSA'];

/**
 * The key that signs JWT access tokens (one per algorithm, made at the first start with that
 * [oauth.token] jwt_algorithm) and the public set published at /oauth2/jwks: every key, so
 * tokens signed before the algorithm changed still verify until they expire.
 * A new key is stored (durably) before it signs anything (R41), so a restart or another
 * node never meets a token signed by a key it cannot publish.
 */
export class SigningKeys {
  private constructor(
    /** Signs with the configured algorithm's oldest unretired key. */
    readonly active: JwtSigner,
    readonly jwks: JSONWebKeySet,
    readonly getKey: JWTVerifyGetKey,
  ) {}

  static async load(store: SigningKeyStore, alg: JwtAlgorithm, now: number): Promise<SigningKeys> {
    let keys = await store.list();
    if (!keys.some((k) => k.alg === alg && k.retiredAt === null)) {
      const pair = await generateKeyPair(alg, {
        extractable: true,
        ...(alg === 'RS256' ? { modulusLength: 2048 } : {}),
      });
      const publicJwk = await exportJWK(pair.publicKey);
      const kid = await calculateJwkThumbprint(publicJwk);
      const privateJwk = await exportJWK(pair.privateKey);
      await store.insert({
        kid,
        alg,
        privateJwk: JSON.stringify({ ...privateJwk, kid, alg }),
        publicJwk: JSON.stringify({ ...publicJwk, kid, alg, use: 'sig' }),
        createdAt: now,
        retiredAt: null,
      });
      keys = await store.list();
    }
    const current = keys
      .filter((k) => k.alg === alg && k.retiredAt === null)
      .sort((a, b) => a.createdAt - b.createdAt || a.kid.localeCompare(b.kid))[0]!;
    const signer = createJwtSigner(alg, current.kid, JSON.parse(current.privateJwk) as object);
    const jwks: JSONWebKeySet = { keys: keys.map((k) => JSON.parse(k.publicJwk) as JWK) };
    return new SigningKeys(signer, jwks, createLocalJWKSet(jwks));
  }
}
