import { grantTypeInfo } from '../../config/index.js';
import { grantScopes, parseScope } from '../scopes.js';
import { defineGrant } from './grant.js';
/**
 * RFC 6749 §4.4: the client acts on its own behalf. Every Tollgate client is confidential
 * (it holds a secret), so R17 holds by construction. Scopes follow the roles of the
 * application's owner, as in WSO2. No refresh token (§4.4.3).
 */
export const clientCredentialsGrant = defineGrant({
    ...grantTypeInfo('client_credentials'),
    parameters: ['scope'],
    create: (deps) => async ({ client, form }) => {
        const requested = parseScope(form.get('scope'));
        const owner = await deps.users.findById(client.application.ownerId);
        return { scope: await grantScopes(deps.scopes, requested, owner?.roles ?? []) };
    },
});
//# sourceMappingURL=client-credentials.js.map