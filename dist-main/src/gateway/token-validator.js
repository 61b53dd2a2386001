import { createLocalJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { invalidCredentials, keyManagerUnavailable } from './faults.js';
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const JWKS_REFETCH_COOLDOWN_MS = 5_000;
const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
/** A Map that forgets its oldest entries beyond `max` (insertion order). */
function bounded(map, max, key, value) {
    if (map.size >= max)
        map.delete(map.keys().next().value);
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
export function createTokenValidator(opts) {
    const now = opts.now ?? Date.now;
    const max = opts.maxCached ?? 10_000;
    const verified = new Map();
    const introspected = new Map();
    const inflight = new Map();
    let keySet;
    let keysFetchedAt = 0;
    async function refreshKeys(force) {
        if (keySet && (!force || now() - keysFetchedAt < JWKS_REFETCH_COOLDOWN_MS))
            return false;
        let jwks;
        try {
            jwks = await opts.controlPlane.jwks();
        }
        catch (err) {
            if (keySet)
                return false; // keep verifying with the keys we have (R56)
            throw keyManagerUnavailable();
        }
        keySet = createLocalJWKSet(jwks);
        keysFetchedAt = now();
        return true;
    }
    async function verifyJwt(token, issuer, audience) {
        const cached = verified.get(token);
        if (cached) {
            if (cached.expiresAt > now())
                return cached;
            verified.delete(token);
        }
        await refreshKeys(false);
        const verify = () => jwtVerify(token, keySet, {
            issuer,
            audience,
            typ: 'at+jwt',
            algorithms: ALGORITHMS,
            clockTolerance: 60,
        });
        let payload;
        try {
            payload = (await verify()).payload;
        }
        catch (err) {
            if (!(err instanceof joseErrors.JWKSNoMatchingKey) || !(await refreshKeys(true)))
                throw invalidCredentials();
            try {
                payload = (await verify()).payload;
            }
            catch {
                throw invalidCredentials();
            }
        }
        const clientId = payload['client_id'];
        if (typeof clientId !== 'string' || typeof payload.exp !== 'number')
            throw invalidCredentials();
        const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
        const info = {
            clientId,
            subject: typeof payload.sub === 'string' ? payload.sub : clientId,
            username: typeof payload['username'] === 'string' ? payload['username'] : undefined,
            scopes: new Set(scope.split(' ').filter(Boolean)),
            jti: typeof payload.jti === 'string' ? payload.jti : undefined,
            expiresAt: (payload.exp + 60) * 1000,
        };
        bounded(verified, max, token, info);
        return info;
    }
    function fromIntrospection(r) {
        if (!r.active)
            return undefined;
        // An older control plane sends no sub: the client then stands for its user.
        return {
            clientId: r.client_id,
            subject: r.sub ?? r.client_id,
            username: r.username,
            scopes: new Set(r.scope.split(' ').filter(Boolean)),
            jti: r.jti,
            expiresAt: r.exp * 1000,
        };
    }
    async function introspect(token) {
        const t = now();
        const hit = introspected.get(token);
        if (hit && hit.until > t)
            return hit.result && hit.result.expiresAt > t ? hit.result : undefined;
        let pending = inflight.get(token);
        if (!pending) {
            // Concurrent requests with the same token share one introspection call.
            pending = opts.controlPlane
                .introspect(token)
                .then((r) => {
                const result = fromIntrospection(r);
                if (opts.introspectionTtlMs > 0)
                    bounded(introspected, max, token, { result, until: now() + opts.introspectionTtlMs });
                return result;
            }, () => {
                throw keyManagerUnavailable();
            })
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
        known(token) {
            const t = now();
            const jwt = verified.get(token);
            if (jwt !== undefined)
                return jwt.expiresAt > t ? jwt : undefined;
            const hit = introspected.get(token);
            if (hit === undefined || hit.until <= t)
                return undefined;
            return hit.result !== undefined && hit.result.expiresAt > t ? hit.result : undefined;
        },
        /** Resolves the token's facts or throws the Gateway fault (401 invalid, 503 Key Manager down). */
        async validate(token, trust) {
            if (JWT_SHAPE.test(token))
                return verifyJwt(token, trust.issuer, trust.audience);
            const info = await introspect(token);
            if (!info)
                throw invalidCredentials();
            return info;
        },
    };
}
//# sourceMappingURL=token-validator.js.map