import { createSnapshotBuilder } from './gateway-snapshot.js';
import { registerGatewaySyncRoutes } from './gateway-sync-routes.js';
/**
 * What separate Gateways need from the control plane on the management port: the snapshot
 * builder, and, when a gateway secret is configured, the endpoints they sync from.
 */
export function registerControlPlaneRoutes(mgmt, deps) {
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
//# sourceMappingURL=control-plane.js.map