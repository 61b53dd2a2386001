import { createHash } from 'node:crypto';
import { gatewayPath } from '../publisher/index.js';
const SERVED = new Set(['PUBLISHED', 'DEPRECATED', 'BLOCKED']);
/** The control plane's answer to config sync, and its ETag (a hash of the content). */
export function createSnapshotBuilder(services, config, now = Date.now) {
    return async function build() {
        const [apis, subscriptions, revoked] = await Promise.all([
            services.apis.list(),
            services.stores.subscriptions.listSubscribedKeys(),
            services.stores.revocations.revokedUnexpired(now()),
        ]);
        const served = apis
            .filter((a) => SERVED.has(a.status))
            .map((a) => ({
            id: a.id,
            name: a.name,
            version: a.version,
            path: gatewayPath(a),
            status: a.status,
            productionUrl: a.productionUrl,
            sandboxUrl: a.sandboxUrl,
            resources: a.resources.map((r) => ({
                method: r.method,
                uriTemplate: r.uriTemplate,
                authType: r.authType,
                scope: r.scope,
            })),
            ...(a.cors ? { cors: a.cors } : {}),
        }));
        const ids = new Set(served.map((a) => a.id));
        const subscribed = subscriptions.filter((s) => ids.has(s.apiId));
        const applications = new Map(subscribed.map((s) => [s.applicationId, s]));
        const snapshot = {
            issuer: config.token.issuer,
            audience: config.token.audience,
            tiers: config.tiers,
            applicationPolicies: config.applicationPolicies,
            // Sorted so that the ETag changes only when the content does.
            applications: [...applications]
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([id, s]) => ({
                id,
                throttlingPolicy: s.applicationPolicy,
                name: s.applicationName,
                subscriber: s.applicationOwner,
            })),
            apis: served,
            subscriptions: subscribed.map((s) => ({
                apiId: s.apiId,
                applicationId: s.applicationId,
                consumerKey: s.consumerKey,
                environment: s.environment,
                tier: s.tier,
            })),
            revokedJtis: revoked.map((r) => r.jti),
        };
        const body = JSON.stringify(snapshot);
        return { etag: `"${createHash('sha256').update(body).digest('base64url')}"`, snapshot, body };
    };
}
//# sourceMappingURL=gateway-snapshot.js.map