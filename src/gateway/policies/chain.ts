import type { HitCounter } from '../../ratelimit/index.js';
import type { ConfigSync } from '../config-sync.js';
import type { Proxy } from '../proxy.js';
import type { TokenValidator } from '../token-validator.js';
import type { Policy } from './api-call.js';
import { apiState } from './api-state.js';
import { applicationPolicy } from './application-policy.js';
import { credentials } from './credentials.js';
import { environment } from './environment.js';
import { proxyCall } from './proxy.js';
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
}

/**
 * The Gateway's checks in WSO2's order; the first refusal answers. The token checks pass over
 * resources with auth "none"; the throttles pass over Unlimited tiers and policies.
 */
export function gatewayPolicies(deps: GatewayDeps): readonly Policy[] {
  return [
    route(deps.sync),
    credentials(),
    validate(deps.tokens),
    subscription(),
    scope(),
    environment(),
    apiState(),
    tier(deps.counter),
    applicationPolicy(deps.counter),
    proxyCall(deps.proxy, deps.proto),
  ];
}
