import type { FastifyInstance } from 'fastify';
import type { PrincipalResolver } from '../http/principal.js';
import type { KeyManager } from '../keymanager/index.js';
import { registerPortalApiRoutes, registerSubscriptionRoutes } from '../portal/index.js';
import { registerPublisherApiRoutes, registerPublisherScopeRoutes } from '../publisher/index.js';
import { createSnapshotBuilder, type SnapshotBuilder } from './gateway-snapshot.js';
import { registerGatewaySyncRoutes } from './gateway-sync-routes.js';
import type { Services } from './services.js';

/**
 * The control plane's catalog on the management port: Publisher and Developer Portal REST,
 * and, when a gateway secret is configured, the endpoints separate Gateways sync from.
 */
export function registerControlPlaneRoutes(
  mgmt: FastifyInstance,
  deps: { services: Services; km: KeyManager; resolvers: readonly PrincipalResolver[] },
): SnapshotBuilder {
  const { services } = deps;
  const { resolvers } = deps;
  registerPublisherApiRoutes(mgmt, { apis: services.apis, resolvers });
  registerPublisherScopeRoutes(mgmt, { scopes: services.stores.scopes, resolvers });
  registerPortalApiRoutes(mgmt, {
    apis: services.apis,
    tiers: services.subscriptions.tiers,
    applicationPolicies: () => services.config.applicationPolicies,
    resolvers,
  });
  registerSubscriptionRoutes(mgmt, { subscriptions: services.subscriptions, resolvers });
  const build = createSnapshotBuilder(services, services.config);
  if (services.config.gateway.sharedSecret) {
    registerGatewaySyncRoutes(mgmt, {
      secret: services.config.gateway.sharedSecret,
      build,
      km: deps.km,
    });
  }
  return build;
}
