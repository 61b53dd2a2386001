import { jwtVerify } from 'jose';
import type { TokenConfig } from '../config/index.js';
import type { AccessTokenRecord, RefreshTokenState } from './model.js';
import { tokenKey } from './secrets.js';
import { JWT_ALGORITHMS, type SigningKeys } from './signing-keys.js';
import type { TokenStore } from './store.js';

export type FoundToken =
  | { readonly kind: 'access'; readonly record: AccessTokenRecord }
  | { readonly kind: 'refresh'; readonly state: RefreshTokenState };

export type TokenHint = 'access_token' | 'refresh_token' | undefined;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Finds a token by its value, for revocation and introspection. JWTs are checked against
 * our own keys before their jti is looked up, so a forged JWT finds nothing. The hint
 * only orders the search (RFC 7009 §2.1).
 */
export function createTokenLookup(deps: {
  store: TokenStore;
  keys: () => SigningKeys;
  config: TokenConfig;
}) {
  async function access(value: string): Promise<FoundToken | undefined> {
    let record: AccessTokenRecord | undefined;
    if (JWT_SHAPE.test(value)) {
      try {
        const { payload } = await jwtVerify(value, deps.keys().getKey, {
          issuer: deps.config.issuer,
          typ: 'at+jwt',
          // Each of our keys has its algorithm: a token signed before a change still verifies.
          algorithms: [...JWT_ALGORITHMS],
        });
        if (typeof payload.jti === 'string') record = await deps.store.findAccessByJti(payload.jti);
      } catch {
        return undefined; // bad signature, expired or foreign: not ours
      }
    } else {
      record = await deps.store.findAccessByHash(tokenKey(value));
    }
    return record && { kind: 'access', record };
  }

  async function refresh(value: string): Promise<FoundToken | undefined> {
    if (JWT_SHAPE.test(value)) return undefined;
    const state = await deps.store.findRefresh(tokenKey(value));
    return state && { kind: 'refresh', state };
  }

  return async function lookup(value: string, hint: TokenHint): Promise<FoundToken | undefined> {
    if (value.length > 8192) return undefined;
    const order = hint === 'refresh_token' ? [refresh, access] : [access, refresh];
    for (const find of order) {
      const found = await find(value);
      if (found) return found;
    }
    return undefined;
  };
}

export type TokenLookup = ReturnType<typeof createTokenLookup>;
