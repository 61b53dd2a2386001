import type { TokenConfig } from '../../config/index.js';
import type { UserService } from '../../identity/index.js';
import { InvalidClientError } from '../errors.js';
import { formatScope } from '../scopes.js';
import type { TokenLookup } from '../token-lookup.js';
import { parseHint } from './revoke.js';
import { authenticate, type ClientAuthDeps, type OAuthRequest } from './request.js';

export type IntrospectionResponse =
  { active: false } | ({ active: true } & Record<string, unknown>);

const INACTIVE: IntrospectionResponse = Object.freeze({ active: false });

/**
 * RFC 7662: a client learns whether one of *its* tokens is active. Anything else, including
 * a valid token of another client, is just {"active": false} (R38).
 */
export function introspectEndpoint(
  deps: ClientAuthDeps & {
    lookup: TokenLookup;
    users: UserService;
    config: TokenConfig;
    now: () => number;
  },
) {
  return async (req: OAuthRequest): Promise<IntrospectionResponse> => {
    const { form, client, public: isPublic } = await authenticate(deps, req);
    // RFC 7662 §2.1: introspection is for authenticated (confidential) clients.
    if (isPublic) throw new InvalidClientError('Introspection requires client authentication.');
    const value = form.require('token');
    const found = await deps.lookup(value, parseHint(form.get('token_type_hint')));
    if (!found) return INACTIVE;
    const now = deps.now();
    const t = found.kind === 'access' ? found.record : found.state;
    const familyRevoked = found.kind === 'refresh' && found.state.family.revokedAt !== null;
    const consumed = found.kind === 'refresh' && found.state.consumedAt !== null;
    if (
      t.consumerKey !== client.key.consumerKey ||
      t.revokedAt !== null ||
      t.expiresAt <= now ||
      familyRevoked ||
      consumed
    ) {
      return INACTIVE;
    }
    const user = t.userId === null ? undefined : await deps.users.findById(t.userId);
    if (t.userId !== null && (!user || user.status !== 'active')) return INACTIVE;
    return {
      active: true,
      scope: formatScope(t.scope),
      client_id: t.consumerKey,
      ...(user ? { username: user.username } : {}),
      token_type: found.kind === 'access' ? 'Bearer' : 'refresh_token',
      exp: Math.floor(t.expiresAt / 1000),
      iat: Math.floor(t.issuedAt / 1000),
      sub: t.userId ?? t.consumerKey,
      aud: deps.config.audience,
      iss: deps.config.issuer,
      ...(found.kind === 'access' ? { jti: found.record.jti } : {}),
    };
  };
}
