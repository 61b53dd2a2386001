import type { TokenConfig } from '../../config/index.js';
import { CODE_CHALLENGE_METHODS } from '../pkce.js';

/** RFC 8414 §2 authorization server metadata. */
export function metadataDocument(
  config: TokenConfig,
  scopes: readonly string[],
): Record<string, unknown> {
  const base = config.issuer.replace(/\/+$/, '');
  const authMethods = ['client_secret_basic', 'client_secret_post'];
  const code = config.enabledGrants.includes('authorization_code');
  // Public clients send their client_id alone ("none", RFC 8414 §2) to exchange codes and
  // refresh, and to revoke; introspection needs a secret.
  const withPublic = code ? [...authMethods, 'none'] : authMethods;
  return {
    issuer: config.issuer,
    ...(code ? { authorization_endpoint: `${base}/oauth2/authorize` } : {}),
    token_endpoint: `${base}/oauth2/token`,
    jwks_uri: `${base}/oauth2/jwks`,
    revocation_endpoint: `${base}/oauth2/revoke`,
    introspection_endpoint: `${base}/oauth2/introspect`,
    response_types_supported: code ? ['code'] : [],
    ...(code
      ? {
          response_modes_supported: ['query'],
          code_challenge_methods_supported: CODE_CHALLENGE_METHODS,
          // RFC 9207 §3: every authorization response carries iss.
          authorization_response_iss_parameter_supported: true,
        }
      : {}),
    grant_types_supported: config.enabledGrants,
    token_endpoint_auth_methods_supported: withPublic,
    revocation_endpoint_auth_methods_supported: withPublic,
    introspection_endpoint_auth_methods_supported: authMethods,
    scopes_supported: ['default', ...scopes],
  };
}
