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
 * config/schema.ts loads this list, so a grant module imports at run time only leaf modules
 * (errors, scopes, secrets, identity) and never config or the key manager's index.
 */
export const GRANTS = [passwordGrant, clientCredentialsGrant, refreshTokenGrant] as const;

/** A grant type's wire name (grant_type). */
export type GrantType = (typeof GRANTS)[number]['name'];

export const GRANT_TYPES: readonly GrantType[] = GRANTS.map((g) => g.name);

export function findGrant(name: string): GrantModule<GrantType> | undefined {
  return GRANTS.find((g) => g.name === name);
}
