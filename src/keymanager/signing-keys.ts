import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import type { JwtAlgorithm } from '../config/index.js';
import type { SigningKeyStore } from './store.js';

export interface ActiveKey {
  readonly kid: string;
  readonly alg: JwtAlgorithm;
  readonly key: CryptoKey;
}

/**
 * The key that signs JWT access tokens and the public set published at /oauth2/jwks.
 * A new key is stored (durably) before it signs anything (R41), so a restart or another
 * node never meets a token signed by a key it cannot publish.
 */
export class SigningKeys {
  private constructor(
    readonly active: ActiveKey,
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
    const key = (await importJWK(JSON.parse(current.privateJwk) as JWK, alg)) as CryptoKey;
    const jwks: JSONWebKeySet = { keys: keys.map((k) => JSON.parse(k.publicJwk) as JWK) };
    return new SigningKeys({ kid: current.kid, alg, key }, jwks, createLocalJWKSet(jwks));
  }
}
