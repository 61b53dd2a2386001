import type { GrantType } from '../../config/index.js';
import type { Grant } from '../grants/grant.js';
import { UnauthorizedClientError, UnsupportedGrantTypeError } from '../errors.js';
import type { TokenResponse } from '../token-issuer.js';
import { authenticate, type OAuthRequest, type ClientAuthDeps } from './request.js';

/** RFC 6749 §3.2 token endpoint: parse, authenticate the client, pick the grant, let it validate and issue. */
export function tokenEndpoint(
  deps: ClientAuthDeps & {
    grants: ReadonlyMap<string, Grant>;
    grantEnabled: (grant: GrantType) => Promise<boolean>;
    now: () => number;
  },
) {
  return async (req: OAuthRequest): Promise<TokenResponse> => {
    // Read on arrival: the refresh grant tells a race from a replay by it (R30).
    const now = deps.now();
    const { form, client } = await authenticate(deps, req);
    const grantType = form.require('grant_type');
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
    return grant.handle({ client, form, ip: req.ip, now });
  };
}
