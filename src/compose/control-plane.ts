import type { FastifyInstance } from 'fastify';
import type { KeyManager } from '../keymanager/index.js';
import { createSnapshotBuilder, type SnapshotBuilder } from './gateway-snapshot.js';
import { registerGatewaySyncRoutes } from './gateway-sync-routes.js';
import type { Services } from './services.js';

/**
 * What separate Gateways need from the control plane on the management port: the snapshot
 * builder, and, when a gateway secret is configured, the endpoints they sync from.
 */
export function registerControlPlaneRoutes(
  mgmt: FastifyInstance,
  deps: { services: Services; km: KeyManager },
): SnapshotBuilder {
  const { services } = deps;
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
