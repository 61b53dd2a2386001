import { ApplicationError } from './applications.js';
import { grantScopes } from './scopes.js';
export const MIN_VALIDITY = 60;
export const MAX_VALIDITY = 31_536_000;
/**
 * The Developer Portal's "Generate Access Token": a client_credentials token for the
 * application's key pair, minted without the Token API (the owner is signed in, so no secret
 * is needed). As in WSO2, its subject is the application owner and its scopes are those the
 * owner's roles allow; it gets no refresh token (RFC 6749 §4.4.3).
 */
export function ownerTokenIssuer(deps) {
    return async (req) => {
        if (!Number.isInteger(req.validity) ||
            req.validity < MIN_VALIDITY ||
            req.validity > MAX_VALIDITY) {
            throw new ApplicationError('invalid_input', `The validity period is ${MIN_VALIDITY} to ${MAX_VALIDITY} seconds.`);
        }
        const app = req.application;
        if (!app.grantTypes.includes('client_credentials')) {
            throw new ApplicationError('invalid_input', 'Tokens are generated with the client credentials grant: tick it in the key configuration first.');
        }
        const key = await deps.applications.findKey(app.id, req.environment);
        if (!key)
            throw new ApplicationError('not_found', `The application has no ${req.environment} keys yet; generate them first.`);
        const owner = await deps.users.findById(app.ownerId);
        if (!owner || owner.status !== 'active')
            throw new ApplicationError('not_found', 'The application owner is not an active user.');
        const scope = await grantScopes(deps.scopes, req.scope, owner.roles);
        const client = { key, application: { ...app, accessTokenLifetime: req.validity } };
        return deps.issue(client, 'client_credentials', { scope, subject: { id: owner.id, username: owner.username } }, deps.now());
    };
}
//# sourceMappingURL=owner-token.js.map