import { unauthorized } from './api-error.js';
/**
 * HTTP Basic (RFC 7617) with a user's own username and password, for scripts calling the
 * management REST APIs. Absent header: not this method. Present but wrong: 401, the same
 * answer whatever was wrong.
 */
export function basicPrincipal(check) {
    return async (req) => {
        const header = req.headers.authorization;
        if (!header || !/^basic /i.test(header))
            return undefined;
        const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0)
            throw unauthorized('The Basic credentials are malformed.');
        const principal = await check(decoded.slice(0, colon), decoded.slice(colon + 1));
        if (!principal)
            throw unauthorized('The username or password is wrong.');
        return principal;
    };
}
//# sourceMappingURL=basic-principal.js.map