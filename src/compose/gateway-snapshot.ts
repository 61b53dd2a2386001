import { createHash } from 'node:crypto';
import type { Config } from '../config/index.js';
import type { GatewaySnapshot, SnapshotApi } from '../gateway/index.js';
import { gatewayPath } from '../publisher/index.js';
import type { Services } from './services.js';

const SERVED = new Set(['PUBLISHED', 'DEPRECATED', 'BLOCKED']);

/** The control plane's answer to config sync, and its ETag (a hash of the content). */
export function createSnapshotBuilder(
  services: Services,
  config: Config,
  now: () => number = Date.now,
) {
  return async function build(): Promise<{
    etag: string;
    snapshot: GatewaySnapshot;
    body: string;
  }> {
    const [apis, subscriptions, revoked] = await Promise.all([
      services.apis.list(),
      services.stores.subscriptions.listSubscribedKeys(),
      services.stores.revocations.revokedUnexpired(now()),
    ]);
    const served: SnapshotApi[] = apis
      .filter((a) => SERVED.has(a.status))
      .map((a) => ({
        id: a.id,
        name: a.name,
        version: a.version,
        path: gatewayPath(a),
        status: a.status as SnapshotApi['status'],
        productionUrl: a.productionUrl,
        sandboxUrl: a.sandboxUrl,
        resources: a.resources.map((r) => ({
          method: r.method,
          uriTemplate: r.uriTemplate,
          authType: r.authType,
          scope: r.scope,
        })),
        ...(a.cors ? { cors: a.cors } : {}),
        ...(a.isDefaultVersion ? { defaultPath: a.context } : {}),
      }));
    const ids = new Set(served.map((a) => a.id));
    const subscribed = subscriptions.filter((s) => ids.has(s.apiId));
    const applications = new Map(subscribed.map((s) => [s.applicationId, s]));
    const snapshot: GatewaySnapshot = {
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

export type SnapshotBuilder = ReturnType<typeof createSnapshotBuilder>;
