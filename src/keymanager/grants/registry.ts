import type { GrantType } from '../../config/index.js';
import { authorizationCodeGrant } from './authorization-code.js';
import { clientCredentialsGrant } from './client-credentials.js';
import type { GrantModule } from './grant.js';
import { passwordGrant } from './password.js';
import { refreshTokenGrant } from './refresh-token.js';

/**
 * Every grant type Tollgate knows, in the order the UIs list them. The token endpoint, the
 * metadata document, the `[oauth.grant_type.<name>] enable` switches and
 * `default_grant_types`, the Developer Portal's checkboxes, the CLI's help and the OpenAPI
 * document all read this list: adding a grant is one file in this folder and one line here.
 *
 * Each module takes its name, label and switch doc from config/grant-types.ts, which
 * deployment.toml's schema reads (config/ imports no domain).
 */
export const GRANTS = [
  passwordGrant,
  clientCredentialsGrant,
  refreshTokenGrant,
  authorizationCodeGrant,
] as const;

export type { GrantType };

export const GRANT_TYPES: readonly GrantType[] = GRANTS.map((g) => g.name);

export function findGrant(name: string): GrantModule<GrantType> | undefined {
  return GRANTS.find((g) => g.name === name);
}
