import type { HitCounter } from '../../ratelimit/index.js';
import type { BackendJwtSigner } from '../backend-jwt.js';
import type { SnapshotCors } from '../snapshot.js';
import type { ConfigSync } from '../config-sync.js';
import type { Proxy } from '../proxy.js';
import type { TokenValidator } from '../token-validator.js';
import type { Policy } from './api-call.js';
import { apiState } from './api-state.js';
import { applicationPolicy } from './application-policy.js';
import { backendJwt } from './backend-jwt.js';
import { cors } from './cors.js';
import { credentials } from './credentials.js';
import { environment } from './environment.js';
import { proxyCall } from './proxy.js';
import { resource } from './resource.js';
import { route } from './route.js';
import { scope } from './scope.js';
import { subscription } from './subscription.js';
import { tier } from './tier.js';
import { validate } from './validate.js';

export interface GatewayDeps {
  readonly sync: ConfigSync;
  readonly tokens: TokenValidator;
  readonly counter: HitCounter;
  readonly proxy: Proxy;
  readonly proto: 'http' | 'https';
  /** [apim.cors]: for APIs without CORS settings of their own. */
  readonly cors: SnapshotCors;
  /** [apim.jwt] header (lower case): carries the backend JWT; never taken from a client. */
  readonly assertionHeader: string;
  /** [apim.jwt]: the signer of backend JWTs, when enabled. */
  readonly backendJwt?: BackendJwtSigner;
  /**
   * Serve plain calls to APIs straight from node:http (direct-calls.ts); not behind trusted
   * proxies, where the client's address comes from X-Forwarded-For as Fastify reads it.
   */
  readonly direct?: boolean;
}

/**
 * The Gateway's checks in WSO2's order; the first refusal answers. CORS comes before the
 * resource and token checks (a preflight carries no token, and a refusal must carry the CORS
 * headers for the page to read it). The token checks pass over resources with auth "none";
 * the throttles pass over Unlimited tiers and policies. The backend JWT is there only when
 * [apim.jwt] enables it.
 */
export function gatewayPolicies(deps: GatewayDeps): readonly Policy[] {
  return [
    route(deps.sync),
    cors(deps.cors, deps.proto),
    resource(),
    credentials(),
    validate(deps.tokens),
    subscription(),
    scope(),
    environment(),
    apiState(),
    tier(deps.counter),
    applicationPolicy(deps.counter),
    ...(deps.backendJwt ? [backendJwt(deps.backendJwt)] : []),
    proxyCall(deps.proxy, deps.proto, deps.assertionHeader),
  ];
}
