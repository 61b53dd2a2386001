import type { GrantType, TokenConfig } from '../config/index.js';
import type { UserService } from '../identity/index.js';
import { gatewayIntrospection } from './endpoints/gateway-introspect.js';
import { introspectEndpoint } from './endpoints/introspect.js';
import { metadataDocument } from './endpoints/metadata.js';
import { revokeEndpoint } from './endpoints/revoke.js';
import { tokenEndpoint } from './endpoints/token.js';
import { createIssuer } from './endpoints/issue.js';
import type { EventSink } from './events.js';
import type { GrantDeps } from './grants/grant.js';
import { GRANTS } from './grants/registry.js';
import type { LoginThrottle } from './login-throttle.js';
import type { SigningKeys } from './signing-keys.js';
import type { ApplicationStore, AuthorizationStore, ScopeStore, TokenStore } from './store.js';
import { createTokenIssuer } from './token-issuer.js';
import { createTokenLookup } from './token-lookup.js';
import { ownerTokenIssuer } from './owner-token.js';
import { createAuthorizationService } from './authorize/authorization-service.js';

export interface KeyManagerDeps {
  readonly config: TokenConfig;
  readonly users: UserService;
  readonly applications: ApplicationStore;
  readonly scopes: ScopeStore;
  readonly tokens: TokenStore;
  /** Authorization codes and consents (the authorization code flow). */
  readonly authorizations: AuthorizationStore;
  readonly keys: SigningKeys;
  readonly events: EventSink;
  /** Per-address throttles (R16, R22); absent = none. */
  readonly throttle?: LoginThrottle;
  /** After a shed password grant, its connection is not read for this long (default 1000 ms). */
  readonly shedPauseMs?: number;
  readonly now?: () => number;
  /**
   * Whether a grant is on right now (the admin's runtime switch over deployment.toml); by
   * default the configured list. A grant that is off answers unsupported_grant_type (R21).
   */
  readonly grantEnabled?: (grant: GrantType) => Promise<boolean>;
}

/** The OAuth endpoints, independent of HTTP. Grants disabled in the config are simply absent. */
export function createKeyManager(deps: KeyManagerDeps) {
  const now = deps.now ?? Date.now;
  const keys = () => deps.keys;
  const mint = createTokenIssuer({ config: deps.config, keys });
  const issue = createIssuer({
    mint,
    tokens: deps.tokens,
    events: deps.events,
    enabledGrants: deps.config.enabledGrants,
  });
  const grantDeps: GrantDeps = {
    users: deps.users,
    scopes: deps.scopes,
    tokens: deps.tokens,
    authorizations: deps.authorizations,
    events: deps.events,
    shedPauseMs: deps.shedPauseMs ?? 1000,
    clock: now,
    ...(deps.throttle ? { throttle: deps.throttle } : {}),
  };
  // With a runtime switch every grant is registered and the switch is asked per request;
  // without one, a grant disabled in the config is simply absent.
  const grantEnabled =
    deps.grantEnabled ?? (async (g: GrantType) => deps.config.enabledGrants.includes(g));
  const registered = deps.grantEnabled
    ? GRANTS
    : GRANTS.filter((g) => deps.config.enabledGrants.includes(g.name));
  const grants = new Map(
    registered.map((g) => [g.name as string, { name: g.name, handle: g.create(grantDeps) }]),
  );
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
    /** GET /oauth2/authorize's decisions: request checks, consent, codes, redirects. */
    authorization: createAuthorizationService({
      issuer: deps.config.issuer,
      applications: deps.applications,
      authorizations: deps.authorizations,
      scopes: deps.scopes,
      tokens: deps.tokens,
      grantEnabled,
      now,
    }),
    /** Developer Portal "Generate Access Token" (no Token API round trip). */
    ownerToken: ownerTokenIssuer({
      users: deps.users,
      applications: deps.applications,
      scopes: deps.scopes,
      issue,
      now,
    }),
    metadata: async () =>
      metadataDocument(
        deps.config,
        (await deps.scopes.list()).map((s) => s.name),
      ),
  };
}

export type KeyManager = ReturnType<typeof createKeyManager>;
