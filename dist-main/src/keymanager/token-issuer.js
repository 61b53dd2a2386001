import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { formatScope } from './scopes.js';
import { hashSecret, newOpaqueToken } from './secrets.js';
/** Creates tokens and the records that make them valid; the caller commits them before answering (R52). */
export function createTokenIssuer(deps) {
    const { config } = deps;
    // RFC 9068 §2.2: iss exp aud sub client_id iat jti, plus scope.
    async function signJwt(req, jti, iat, exp) {
        const { active } = deps.keys();
        const claims = {
            client_id: req.client.key.consumerKey,
            scope: formatScope(req.scope),
        };
        if (req.subject)
            claims['username'] = req.subject.username;
        return (new SignJWT(claims)
            .setProtectedHeader({ alg: active.alg, kid: active.kid, typ: 'at+jwt' })
            .setIssuer(config.issuer)
            .setAudience(config.audience)
            // A user's id is a UUID; a client's sub is its consumer key: they cannot collide (R40).
            .setSubject(req.subject?.id ?? req.client.key.consumerKey)
            .setIssuedAt(Math.floor(iat / 1000))
            .setExpirationTime(Math.floor(exp / 1000))
            .setJti(jti)
            .sign(active.key));
    }
    return async function mint(req, now) {
        const app = req.client.application;
        const lifetime = app.accessTokenLifetime ?? config.accessTokenLifetime;
        const expiresAt = now + lifetime * 1000;
        const jti = randomUUID();
        let accessToken;
        let tokenHash = null;
        if (app.tokenType === 'jwt') {
            accessToken = await signJwt(req, jti, now, expiresAt);
        }
        else {
            accessToken = newOpaqueToken();
            tokenHash = hashSecret(accessToken);
        }
        let refreshToken;
        let refresh;
        let newFamily;
        let family = req.family;
        if (req.withRefreshToken) {
            if (!family) {
                newFamily = family = {
                    id: randomUUID(),
                    consumerKey: req.client.key.consumerKey,
                    userId: req.subject?.id ?? null,
                    createdAt: now,
                    expiresAt: now + config.refreshTokenMaxLifetime * 1000,
                    revokedAt: null,
                };
            }
            refreshToken = newOpaqueToken();
            const refreshLifetime = app.refreshTokenLifetime ?? config.refreshTokenLifetime;
            refresh = {
                tokenHash: hashSecret(refreshToken),
                familyId: family.id,
                consumerKey: req.client.key.consumerKey,
                userId: req.subject?.id ?? null,
                scope: req.scope,
                issuedAt: now,
                expiresAt: Math.min(now + refreshLifetime * 1000, family.expiresAt),
                consumedAt: null,
                revokedAt: null,
            };
        }
        const access = {
            jti,
            tokenHash,
            consumerKey: req.client.key.consumerKey,
            applicationId: app.id,
            userId: req.subject?.id ?? null,
            scope: req.scope,
            familyId: family?.id ?? null,
            grantType: req.grantType,
            issuedAt: now,
            expiresAt,
            revokedAt: null,
        };
        // Field order as in WSO2's documented response.
        const response = {
            scope: formatScope(req.scope),
            token_type: 'Bearer',
            expires_in: lifetime,
            ...(refreshToken ? { refresh_token: refreshToken } : {}),
            access_token: accessToken,
        };
        return {
            issuance: { access, ...(refresh ? { refresh } : {}), ...(newFamily ? { newFamily } : {}) },
            response,
        };
    };
}
//# sourceMappingURL=token-issuer.js.map