import { SignJWT } from 'jose';
// WSO2 API Manager's backend JWT claims (claim dialect http://wso2.org/claims).
const CLAIM = 'http://wso2.org/claims/';
/**
 * Signs backend JWTs and keeps each for half its lifetime, per access token and API, so a
 * caller costs one signature per (expiry / 2), not one per request. A new snapshot (a tier or
 * application changed) brings new objects, and the JWT is signed again.
 */
export function createBackendJwtSigner(opts) {
    const now = opts.now ?? Date.now;
    const max = opts.maxCached ?? 10_000;
    // token -> apiId -> signed JWT; the oldest tokens are forgotten first beyond `max`.
    const cache = new Map();
    async function sign(token, info, api, subscription, application, t) {
        const iat = Math.floor(t / 1000);
        // Never valid longer than the access token it stands for.
        const exp = Math.max(iat + 1, Math.min(iat + opts.expirySeconds, Math.floor(info.expiresAt / 1000)));
        const owner = application?.subscriber;
        const endUser = info.username ?? owner ?? info.subject;
        const jwt = await new SignJWT({
            [`${CLAIM}subscriber`]: owner ?? null,
            [`${CLAIM}applicationid`]: subscription.applicationId,
            [`${CLAIM}applicationUUId`]: subscription.applicationId,
            [`${CLAIM}applicationname`]: application?.name ?? null,
            [`${CLAIM}applicationtier`]: application?.throttlingPolicy ?? null,
            [`${CLAIM}apiname`]: api.name,
            [`${CLAIM}apicontext`]: api.path,
            [`${CLAIM}version`]: api.version,
            [`${CLAIM}tier`]: subscription.tier,
            [`${CLAIM}keytype`]: subscription.environment === 'sandbox' ? 'SANDBOX' : 'PRODUCTION',
            [`${CLAIM}usertype`]: info.username !== undefined ? 'APPLICATION_USER' : 'APPLICATION',
            [`${CLAIM}enduser`]: endUser,
            client_id: info.clientId,
        })
            .setProtectedHeader({ alg: opts.key.alg, kid: opts.key.kid, typ: 'JWT' })
            .setIssuer(opts.issuer)
            .setSubject(endUser)
            .setIssuedAt(iat)
            .setExpirationTime(exp)
            .sign(opts.key.privateKey);
        let perApi = cache.get(token);
        if (!perApi) {
            if (cache.size >= max)
                cache.delete(cache.keys().next().value);
            cache.set(token, (perApi = new Map()));
        }
        const lifetimeMs = (exp - iat) * 1000;
        perApi.set(api.id, {
            jwt,
            renewAt: t + lifetimeMs / 2,
            subscription,
            api,
        });
        return jwt;
    }
    return {
        /**
         * The JWT for this caller (the access token, what it says, and its subscription to the
         * API) at once when one is kept and still fresh; else a promise of a new one.
         */
        assertion(token, info, api, subscription, application) {
            const t = now();
            const kept = cache.get(token)?.get(api.id);
            if (kept !== undefined &&
                kept.renewAt > t &&
                kept.subscription === subscription &&
                kept.api === api)
                return kept.jwt;
            return sign(token, info, api, subscription, application, t);
        },
    };
}
//# sourceMappingURL=backend-jwt.js.map