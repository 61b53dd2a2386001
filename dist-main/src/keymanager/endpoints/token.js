import { UnauthorizedClientError, UnsupportedGrantTypeError } from '../errors.js';
import { authenticate } from './request.js';
/**
 * RFC 6749 §3.2 token endpoint, in RFC order: parse and authenticate the client, pick the
 * grant, check the application may use it, let the grant validate and decide, then issue.
 */
export function tokenEndpoint(deps) {
    return async (req) => {
        // Read on arrival: the refresh grant tells a race from a replay by it (R30).
        const now = deps.now();
        const { form, client } = await authenticate(deps, req);
        const grantType = form.require('grant_type');
        // A grant disabled in deployment.toml is absent from the registry (PRODUCT.md item 7).
        const grant = deps.grants.get(grantType);
        // The admin may switch a grant off at run time (Admin > Settings).
        if (!grant || !(await deps.grantEnabled(grant.name)))
            throw new UnsupportedGrantTypeError(`The '${grantType.slice(0, 64)}' grant type is not supported.`);
        if (!client.application.grantTypes.includes(grant.name)) {
            throw new UnauthorizedClientError(`This application is not allowed to use the ${grant.name} grant.`);
        }
        const decision = await grant.handle({ client, form, ip: req.ip, now });
        return deps.issue(client, grant.name, decision, now);
    };
}
//# sourceMappingURL=token.js.map