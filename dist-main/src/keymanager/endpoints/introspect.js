import { formatScope } from '../scopes.js';
import { parseHint } from './revoke.js';
import { authenticate } from './request.js';
const INACTIVE = Object.freeze({ active: false });
/**
 * RFC 7662: a client learns whether one of *its* tokens is active. Anything else, including
 * a valid token of another client, is just {"active": false} (R38).
 */
export function introspectEndpoint(deps) {
    return async (req) => {
        const { form, client } = await authenticate(deps, req);
        const value = form.require('token');
        const found = await deps.lookup(value, parseHint(form.get('token_type_hint')));
        if (!found)
            return INACTIVE;
        const now = deps.now();
        const t = found.kind === 'access' ? found.record : found.state;
        const familyRevoked = found.kind === 'refresh' && found.state.family.revokedAt !== null;
        const consumed = found.kind === 'refresh' && found.state.consumedAt !== null;
        if (t.consumerKey !== client.key.consumerKey ||
            t.revokedAt !== null ||
            t.expiresAt <= now ||
            familyRevoked ||
            consumed) {
            return INACTIVE;
        }
        const user = t.userId === null ? undefined : await deps.users.findById(t.userId);
        if (t.userId !== null && (!user || user.status !== 'active'))
            return INACTIVE;
        return {
            active: true,
            scope: formatScope(t.scope),
            client_id: t.consumerKey,
            ...(user ? { username: user.username } : {}),
            token_type: found.kind === 'access' ? 'Bearer' : 'refresh_token',
            exp: Math.floor(t.expiresAt / 1000),
            iat: Math.floor(t.issuedAt / 1000),
            sub: t.userId ?? t.consumerKey,
            aud: deps.config.audience,
            iss: deps.config.issuer,
            ...(found.kind === 'access' ? { jti: found.record.jti } : {}),
        };
    };
}
//# sourceMappingURL=introspect.js.map