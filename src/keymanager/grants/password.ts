import type { GrantType } from '../../config/index.js';
import { HashingOverloadedError, MAX_PASSWORD_BYTES, type UserService } from '../../identity/index.js';
import { InvalidGrantError, InvalidRequestError, TemporarilyUnavailableError } from '../errors.js';
import type { EventSink } from '../events.js';
import { grantScopes, parseScope } from '../scopes.js';
import type { ScopeStore, TokenStore } from '../store.js';
import type { TokenMinter } from '../token-issuer.js';
import { refreshAllowed, type Grant } from './grant.js';

export interface PasswordGrantDeps {
  readonly users: UserService;
  readonly scopes: ScopeStore;
  readonly tokens: TokenStore;
  readonly mint: TokenMinter;
  readonly events: EventSink;
  readonly enabledGrants: readonly GrantType[];
}

// RFC 6749 App. A.15/A.16: username and password are *UNICODECHARNOCRLF; NUL never reaches storage (R26).
const FORBIDDEN = /[\r\n\0]/;

/** Every credential failure gets this one answer (R19). */
const BAD_CREDENTIALS = 'The user credentials are invalid.';

/** RFC 6749 §4.3: resource owner password credentials. */
export function passwordGrant(deps: PasswordGrantDeps): Grant {
  return {
    name: 'password',
    async handle({ client, form, ip, now }) {
      // §4.3.2: checked before any lookup or hash (R18).
      const username = form.require('username');
      const password = form.require('password');
      if (FORBIDDEN.test(username) || FORBIDDEN.test(password)) {
        throw new InvalidRequestError('The username and password may not contain line breaks or NUL characters.');
      }
      if (username.length > 255 || Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
        throw new InvalidRequestError('The username or password is too long.');
      }
      const requested = parseScope(form.get('scope'));

      let result;
      try {
        result = await deps.users.authenticate(username, password);
      } catch (err) {
        if (err instanceof HashingOverloadedError) {
          deps.events({ type: 'grant.failed', grantType: 'password', reason: 'overloaded', consumerKey: client.key.consumerKey, ip });
          throw new TemporarilyUnavailableError('Too many sign-in attempts are in progress; retry shortly.', 1);
        }
        throw err;
      }
      if (!result.ok) {
        deps.events({ type: 'grant.failed', grantType: 'password', reason: result.reason, consumerKey: client.key.consumerKey, ip });
        throw new InvalidGrantError(BAD_CREDENTIALS);
      }
      const { user } = result;
      const scope = await grantScopes(deps.scopes, requested, user.roles);
      const minted = await deps.mint(
        { client, grantType: 'password', scope, subject: { id: user.id, username: user.username }, withRefreshToken: refreshAllowed(client, deps.enabledGrants) },
        now,
      );
      await deps.tokens.saveIssuance(minted.issuance);
      deps.events({ type: 'token.issued', applicationId: client.application.id, consumerKey: client.key.consumerKey, userId: user.id, grantType: 'password', scope });
      return minted.response;
    },
  };
}
