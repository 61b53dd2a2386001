import { formatScope } from '../scopes.js';
const INACTIVE = Object.freeze({ active: false });
/**
 * RFC 7662 for a resource server (the Gateway): any client's *access* token, answered only to
 * a caller the control plane trusts (the gateway shared secret); refresh tokens are never
 * active here, since they do not open APIs.
 */
export function gatewayIntrospection(deps) {
    return async (token) => {
        const found = await deps.lookup(token, 'access_token');
        if (!found || found.kind !== 'access')
            return INACTIVE;
        const t = found.record;
        if (t.revokedAt !== null || t.expiresAt <= deps.now())
            return INACTIVE;
        const user = t.userId === null ? undefined : await deps.users.findById(t.userId);
        if (t.userId !== null && (!user || user.status !== 'active'))
            return INACTIVE;
        return {
            // sub as in the JWT: the user's id, or the consumer key for a client's own token (R40).
            active: true,
            client_id: t.consumerKey,
            sub: t.userId ?? t.consumerKey,
            scope: formatScope(t.scope),
            exp: Math.floor(t.expiresAt / 1000),
            iat: Math.floor(t.issuedAt / 1000),
            jti: t.jti,
            token_type: 'Bearer',
            ...(user ? { username: user.username } : {}),
        };
    };
}
//# sourceMappingURL=gateway-introspect.js.map