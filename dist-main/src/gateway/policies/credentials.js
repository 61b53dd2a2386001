import { bearerCredential, isB64Token } from '../../http/bearer.js';
import { invalidCredentials, missingCredentials, twoTokenMethods } from '../faults.js';
const TOKEN_IN_QUERY = /[?&]access_token=/;
const MAX_TOKEN_LENGTH = 8192;
/**
 * The bearer token of a resource with auth "oauth" (RFC 6750 §2.1), header only: a token also
 * in the query string is 400 (R42), none is 401 900902 (R43), a malformed one 401 900901.
 * Resources with auth "none" take no token and skip every token check after this one.
 */
export function credentials() {
    return {
        name: 'credentials',
        apply(call) {
            if (call.resource.authType !== 'oauth')
                return;
            const token = bearerCredential(call.req.headers.authorization);
            if (TOKEN_IN_QUERY.test(call.query))
                throw twoTokenMethods();
            if (token === undefined)
                throw missingCredentials();
            if (!isB64Token(token, MAX_TOKEN_LENGTH))
                throw invalidCredentials();
            call.token = token;
        },
    };
}
//# sourceMappingURL=credentials.js.map