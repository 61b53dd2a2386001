import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet } from 'jose';
import { invalidCredentials, keyManagerUnavailable } from './faults.js';
import type { ControlPlane, IntrospectionResult } from './snapshot.js';

/** What the Gateway knows about a valid access token. */
export interface TokenInfo {
  readonly clientId: string;
  /** The end user (RFC 9068 sub): a user's id, or the client's consumer key for client_credentials. */
  readonly subject: string;
  readonly scopes: ReadonlySet<string>;
  readonly jti: string | undefined;
  readonly expiresAt: number;
}

export interface TokenValidatorOptions {
  readonly controlPlane: ControlPlane;
  /** How long an introspection answer (active or not) is reused. */
  readonly introspectionTtlMs: number;
  readonly now?: () => number;
  readonly maxCached?: number;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const JWKS_REFETCH_COOLDOWN_MS = 5_000;
const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

/** A Map that forgets its oldest entries beyond `max` (insertion order). */
function bounded<V>(map: Map<string, V>, max: number, key: string, value: V): void {
  if (map.size >= max) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

/**
 * Validates bearer tokens. JWTs (RFC 9068 §4): signature against the Key Manager's JWKS
 * (refetched when a kid is unknown), typ at+jwt, exact iss and aud, exp with 60 s leeway; a
 * verified JWT is remembered until it expires so the signature is checked once. Opaque tokens:
 * introspection at the Key Manager, each answer reused for `introspectionTtlMs` (the window in
 * which a revoked opaque token may still pass). Revoked JWTs are refused by the caller
 * (RoutingTable.revoked), which config sync keeps current.
 */
export function createTokenValidator(opts: TokenValidatorOptions) {
  const now = opts.now ?? Date.now;
  const max = opts.maxCached ?? 10_000;
  const verified = new Map<string, TokenInfo>();
  const introspected = new Map<string, { result: TokenInfo | undefined; until: number }>();
  const inflight = new Map<string, Promise<TokenInfo | undefined>>();
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  let keysFetchedAt = 0;

  async function refreshKeys(force: boolean): Promise<boolean> {
    if (keySet && (!force || now() - keysFetchedAt < JWKS_REFETCH_COOLDOWN_MS)) return false;
    let jwks;
    try {
      jwks = await opts.controlPlane.jwks();
    } catch (err) {
      if (keySet) return false; // keep verifying with the keys we have (R56)
      throw keyManagerUnavailable();
    }
    keySet = createLocalJWKSet(jwks as unknown as JSONWebKeySet);
    keysFetchedAt = now();
    return true;
  }

  async function verifyJwt(token: string, issuer: string, audience: string): Promise<TokenInfo> {
    const cached = verified.get(token);
    if (cached) {
      if (cached.expiresAt > now()) return cached;
      verified.delete(token);
    }
    await refreshKeys(false);
    const verify = () =>
      jwtVerify(token, keySet!, {
        issuer,
        audience,
        typ: 'at+jwt',
        algorithms: ALGORITHMS,
        clockTolerance: 60,
      });
    let payload;
    try {
      payload = (await verify()).payload;
    } catch (err) {
      if (!(err instanceof joseErrors.JWKSNoMatchingKey) || !(await refreshKeys(true)))
        throw invalidCredentials();
      try {
        payload = (await verify()).payload;
      } catch {
        throw invalidCredentials();
      }
    }
    const clientId = payload['client_id'];
    if (typeof clientId !== 'string' || typeof payload.exp !== 'number') throw invalidCredentials();
    const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
    const info: TokenInfo = {
      clientId,
      subject: typeof payload.sub === 'string' ? payload.sub : clientId,
      scopes: new Set(scope.split(' ').filter(Boolean)),
      jti: typeof payload.jti === 'string' ? payload.jti : undefined,
      expiresAt: (payload.exp + 60) * 1000,
    };
    bounded(verified, max, token, info);
    return info;
  }

  function fromIntrospection(r: IntrospectionResult): TokenInfo | undefined {
    if (!r.active) return undefined;
    // An older control plane sends no sub: the client then stands for its user.
    return {
      clientId: r.client_id,
      subject: r.sub ?? r.client_id,
      scopes: new Set(r.scope.split(' ').filter(Boolean)),
      jti: r.jti,
      expiresAt: r.exp * 1000,
    };
  }

  async function introspect(token: string): Promise<TokenInfo | undefined> {
    const t = now();
    const hit = introspected.get(token);
    if (hit && hit.until > t)
      return hit.result && hit.result.expiresAt > t ? hit.result : undefined;
    let pending = inflight.get(token);
    if (!pending) {
      // Concurrent requests with the same token share one introspection call.
      pending = opts.controlPlane
        .introspect(token)
        .then(
          (r) => {
            const result = fromIntrospection(r);
            if (opts.introspectionTtlMs > 0)
              bounded(introspected, max, token, { result, until: now() + opts.introspectionTtlMs });
            return result;
          },
          () => {
            throw keyManagerUnavailable();
          },
        )
        .finally(() => inflight.delete(token));
      inflight.set(token, pending);
    }
    return pending;
  }

  return {
    /**
     * The facts of a token verified (JWT) or introspected (opaque) before and still valid, at
     * once; undefined when `validate` has to decide (first use, expired, cache entry stale).
     */
    known(token: string): TokenInfo | undefined {
      const t = now();
      const jwt = verified.get(token);
      if (jwt !== undefined) return jwt.expiresAt > t ? jwt : undefined;
      const hit = introspected.get(token);
      if (hit === undefined || hit.until <= t) return undefined;
      return hit.result !== undefined && hit.result.expiresAt > t ? hit.result : undefined;
    },
    /** Resolves the token's facts or throws the Gateway fault (401 invalid, 503 Key Manager down). */
    async validate(token: string, trust: { issuer: string; audience: string }): Promise<TokenInfo> {
      if (JWT_SHAPE.test(token)) return verifyJwt(token, trust.issuer, trust.audience);
      const info = await introspect(token);
      if (!info) throw invalidCredentials();
      return info;
    },
  };
}

export type TokenValidator = ReturnType<typeof createTokenValidator>;
