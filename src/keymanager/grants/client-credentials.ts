import type { UserService } from '../../identity/index.js';
import type { EventSink } from '../events.js';
import { grantScopes, parseScope } from '../scopes.js';
import type { ScopeStore, TokenStore } from '../store.js';
import type { TokenMinter } from '../token-issuer.js';
import type { Grant } from './grant.js';

export interface ClientCredentialsGrantDeps {
  readonly users: UserService;
  readonly scopes: ScopeStore;
  readonly tokens: TokenStore;
  readonly mint: TokenMinter;
  readonly events: EventSink;
}

/**
 * RFC 6749 §4.4: the client acts on its own behalf. Every Tollgate client is confidential
 * (it holds a secret), so R17 holds by construction. Scopes follow the roles of the
 * application's owner, as in WSO2. No refresh token (§4.4.3).
 */
export function clientCredentialsGrant(deps: ClientCredentialsGrantDeps): Grant {
  return {
    name: 'client_credentials',
    async handle({ client, form, now }) {
      const requested = parseScope(form.get('scope'));
      const owner = await deps.users.findById(client.application.ownerId);
      const scope = await grantScopes(deps.scopes, requested, owner?.roles ?? []);
      const minted = await deps.mint(
        { client, grantType: 'client_credentials', scope, withRefreshToken: false },
        now,
      );
      await deps.tokens.saveIssuance(minted.issuance);
      deps.events({
        type: 'token.issued',
        applicationId: client.application.id,
        consumerKey: client.key.consumerKey,
        userId: null,
        grantType: 'client_credentials',
        scope,
      });
      return minted.response;
    },
  };
}
