import { clientCredentialsGrant } from './client-credentials.js';
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
export const GRANTS = [passwordGrant, clientCredentialsGrant, refreshTokenGrant];
export const GRANT_TYPES = GRANTS.map((g) => g.name);
export function findGrant(name) {
    return GRANTS.find((g) => g.name === name);
}
//# sourceMappingURL=registry.js.map