import type { GrantType } from '../../config/index.js';
import type { GrantHandler } from '../grants/grant.js';
import {
  InvalidClientError,
  UnauthorizedClientError,
  UnsupportedGrantTypeError,
} from '../errors.js';
import type { TokenResponse } from '../token-issuer.js';
import type { Issuer } from './issue.js';
import { authenticate, type OAuthRequest, type ClientAuthDeps } from './request.js';

/**
 * What a public client may do with its client_id alone: exchange a code (PKCE binds it to the
 * client that started the flow) and refresh the tokens it got (rotation with reuse detection).
 */
const PUBLIC_CLIENT_GRANTS: ReadonlySet<string> = new Set(['authorization_code', 'refresh_token']);

/**
 * RFC 6749 §3.2 token endpoint, in RFC order: parse and authenticate the client, pick the
 * grant, check the application may use it, let the grant validate and decide, then issue.
 */
export function tokenEndpoint(
  deps: ClientAuthDeps & {
    grants: ReadonlyMap<string, { name: GrantType; handle: GrantHandler }>;
    grantEnabled: (grant: GrantType) => Promise<boolean>;
    issue: Issuer;
    now: () => number;
  },
) {
  return async (req: OAuthRequest): Promise<TokenResponse> => {
    // Read on arrival: the refresh grant tells a race from a replay by it (R30).
    const now = deps.now();
    const { form, client, public: isPublic } = await authenticate(deps, req);
    const grantType = form.require('grant_type');
    if (isPublic && !PUBLIC_CLIENT_GRANTS.has(grantType))
      throw new InvalidClientError('This grant requires client authentication (a secret).');
    // A grant disabled in deployment.toml is absent from the registry (PRODUCT.md item 7).
    const grant = deps.grants.get(grantType);
    // The admin may switch a grant off at run time (Admin > Settings).
    if (!grant || !(await deps.grantEnabled(grant.name)))
      throw new UnsupportedGrantTypeError(
        `The '${grantType.slice(0, 64)}' grant type is not supported.`,
      );
    if (!client.application.grantTypes.includes(grant.name)) {
      throw new UnauthorizedClientError(
        `This application is not allowed to use the ${grant.name} grant.`,
      );
    }
    const decision = await grant.handle({ client, form, ip: req.ip, now, gone: req.gone });
    return deps.issue(client, grant.name, decision, now);
  };
}
