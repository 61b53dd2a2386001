import { InvalidRequestError } from '../errors.js';
import { authenticate } from './request.js';
const HINTS = new Set(['access_token', 'refresh_token']);
export function parseHint(raw) {
    // RFC 7009 §2.1: an unknown hint only widens the search.
    return raw !== undefined && HINTS.has(raw) ? raw : undefined;
}
/**
 * RFC 7009: revokes an access or refresh token of the calling client. Revoking a refresh
 * token revokes its family and the family's access tokens (R34). An unknown token is a
 * success (§2.2); a token of another client is refused and stays valid (R35).
 */
export function revokeEndpoint(deps) {
    return async (req) => {
        const { form, client } = await authenticate(deps, req);
        const value = form.require('token');
        const hint = form.get('token_type_hint');
        const found = await deps.lookup(value, parseHint(hint));
        if (!found)
            return;
        const owner = found.kind === 'access' ? found.record.consumerKey : found.state.consumerKey;
        if (owner !== client.key.consumerKey) {
            throw new InvalidRequestError('The client is not authorized to revoke the presented token.');
        }
        if (found.kind === 'refresh') {
            await deps.tokens.revokeFamily(found.state.familyId, deps.now(), 'revoked_by_client');
        }
        else {
            await deps.tokens.revokeAccess(found.record.jti, deps.now());
        }
        deps.events({ type: 'token.revoked', kind: found.kind, consumerKey: owner });
    };
}
//# sourceMappingURL=revoke.js.map