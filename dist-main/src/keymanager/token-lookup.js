import { jwtVerify } from 'jose';
import { hashSecret } from './secrets.js';
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/**
 * Finds a token by its value, for revocation and introspection. JWTs are checked against
 * our own keys before their jti is looked up, so a forged JWT finds nothing. The hint
 * only orders the search (RFC 7009 §2.1).
 */
export function createTokenLookup(deps) {
    async function access(value) {
        let record;
        if (JWT_SHAPE.test(value)) {
            try {
                const { payload } = await jwtVerify(value, deps.keys().getKey, {
                    issuer: deps.config.issuer,
                    typ: 'at+jwt',
                    algorithms: [deps.config.jwtAlgorithm],
                });
                if (typeof payload.jti === 'string')
                    record = await deps.store.findAccessByJti(payload.jti);
            }
            catch {
                return undefined; // bad signature, expired or foreign: not ours
            }
        }
        else {
            record = await deps.store.findAccessByHash(hashSecret(value));
        }
        return record && { kind: 'access', record };
    }
    async function refresh(value) {
        if (JWT_SHAPE.test(value))
            return undefined;
        const state = await deps.store.findRefresh(hashSecret(value));
        return state && { kind: 'refresh', state };
    }
    return async function lookup(value, hint) {
        if (value.length > 8192)
            return undefined;
        const order = hint === 'refresh_token' ? [refresh, access] : [access, refresh];
        for (const find of order) {
            const found = await find(value);
            if (found)
                return found;
        }
        return undefined;
    };
}
//# sourceMappingURL=token-lookup.js.map