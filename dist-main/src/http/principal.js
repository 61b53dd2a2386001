import { forbidden, unauthorized } from './api-error.js';
/** A user record as the principal of a request: the one place a user becomes a Principal. */
export const principalOf = (user) => ({ userId: user.id, username: user.username, roles: user.roles });
/** A preHandler that admits a caller found by one of the resolvers and, if given, holding one of the roles. */
export function requirePrincipal(resolvers, opts = {}) {
    return async (req, _reply) => {
        let principal;
        for (const resolve of resolvers) {
            principal = await resolve(req);
            if (principal)
                break;
        }
        if (!principal)
            throw unauthorized();
        if (opts.anyRole && !opts.anyRole.some((r) => principal.roles.includes(r)))
            throw forbidden();
        req.principal = principal;
    };
}
//# sourceMappingURL=principal.js.map