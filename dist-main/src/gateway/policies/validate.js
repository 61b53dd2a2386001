import { invalidCredentials } from '../faults.js';
function admit(call, info) {
    // A JWT revoked before its expiry: config sync brings its jti (R46).
    if (info.jti !== undefined && call.table.revoked.has(info.jti))
        throw invalidCredentials();
    call.caller = info;
}
/**
 * The token is valid (RFC 9068 §4 for JWTs, introspection for opaque tokens) and not revoked:
 * else 401 900901, or 503 900900 when the Key Manager cannot be asked. A token checked before
 * and still valid is taken from the validator's cache without waiting.
 */
export function validate(tokens) {
    async function check(call, token) {
        admit(call, await tokens.validate(token, call.table.snapshot));
    }
    return {
        name: 'validate',
        apply(call) {
            const token = call.token;
            if (token === undefined)
                return;
            const known = tokens.known(token);
            return known === undefined ? check(call, token) : admit(call, known);
        },
    };
}
//# sourceMappingURL=validate.js.map