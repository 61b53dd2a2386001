import { gatewayIntrospection } from './endpoints/gateway-introspect.js';
import { introspectEndpoint } from './endpoints/introspect.js';
import { metadataDocument } from './endpoints/metadata.js';
import { revokeEndpoint } from './endpoints/revoke.js';
import { tokenEndpoint } from './endpoints/token.js';
import { createIssuer } from './endpoints/issue.js';
import { GRANTS } from './grants/registry.js';
import { createTokenIssuer } from './token-issuer.js';
import { createTokenLookup } from './token-lookup.js';
import { ownerTokenIssuer } from './owner-token.js';
/** The OAuth endpoints, independent of HTTP. Grants disabled in the config are simply absent. */
export function createKeyManager(deps) {
    const now = deps.now ?? Date.now;
    const keys = () => deps.keys;
    const mint = createTokenIssuer({ config: deps.config, keys });
    const issue = createIssuer({
        mint,
        tokens: deps.tokens,
        events: deps.events,
        enabledGrants: deps.config.enabledGrants,
    });
    const grantDeps = {
        users: deps.users,
        scopes: deps.scopes,
        tokens: deps.tokens,
        events: deps.events,
        shedPauseMs: deps.shedPauseMs ?? 1000,
        clock: now,
        ...(deps.throttle ? { throttle: deps.throttle } : {}),
    };
    // With a runtime switch every grant is registered and the switch is asked per request;
    // without one, a grant disabled in the config is simply absent.
    const grantEnabled = deps.grantEnabled ?? (async (g) => deps.config.enabledGrants.includes(g));
    const registered = deps.grantEnabled
        ? GRANTS
        : GRANTS.filter((g) => deps.config.enabledGrants.includes(g.name));
    const grants = new Map(registered.map((g) => [g.name, { name: g.name, handle: g.create(grantDeps) }]));
    const lookup = createTokenLookup({ store: deps.tokens, keys, config: deps.config });
    const auth = {
        applications: deps.applications,
        events: deps.events,
        ...(deps.throttle ? { throttle: deps.throttle } : {}),
    };
    return {
        token: tokenEndpoint({ ...auth, grants, grantEnabled, issue, now }),
        revoke: revokeEndpoint({ ...auth, tokens: deps.tokens, lookup, now }),
        introspect: introspectEndpoint({
            ...auth,
            lookup,
            users: deps.users,
            config: deps.config,
            now,
        }),
        /** For the Gateway (any client's access token); reached only with the gateway secret. */
        introspectForGateway: gatewayIntrospection({ lookup, users: deps.users, now }),
        jwks: () => deps.keys.jwks,
        /** Developer Portal "Generate Access Token" (no Token API round trip). */
        ownerToken: ownerTokenIssuer({
            users: deps.users,
            applications: deps.applications,
            scopes: deps.scopes,
            issue,
            now,
        }),
        metadata: async () => metadataDocument(deps.config, (await deps.scopes.list()).map((s) => s.name)),
    };
}
//# sourceMappingURL=key-manager.js.map