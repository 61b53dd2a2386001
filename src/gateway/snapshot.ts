// What the control plane tells a Gateway (GET /internal/gateway/v1/snapshot): the wire format
// of config sync. Everything a Gateway needs to decide a request without a database.
import type { CorsSettings } from '../config/index.js';

export interface SnapshotResource {
  readonly method: string;
  readonly uriTemplate: string;
  readonly authType: 'oauth' | 'none';
  readonly scope: string | null;
}

export interface SnapshotApi {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** Where the Gateway serves it: context + "/" + version. */
  readonly path: string;
  /**
   * The default version of its context (WSO2's default version) is served at the context alone
   * too: this is that context. Absent for other versions (and from older control planes).
   */
  readonly defaultPath?: string;
  /** CREATED and RETIRED APIs are not sent: the Gateway answers 404 for them. */
  readonly status: 'PUBLISHED' | 'DEPRECATED' | 'BLOCKED';
  readonly productionUrl: string;
  readonly sandboxUrl: string;
  readonly resources: readonly SnapshotResource[];
  /** The API's own CORS settings; absent or null: the Gateway's [apim.cors]. */
  readonly cors?: SnapshotCors | null;
}

/**
 * CORS settings as the Publisher checked them (origins serialized, methods upper case, headers
 * lower case): the same shape as the Gateway's [apim.cors] defaults.
 */
export type SnapshotCors = CorsSettings;

export interface SnapshotSubscription {
  readonly apiId: string;
  readonly applicationId: string;
  readonly consumerKey: string;
  readonly environment: 'production' | 'sandbox';
  readonly tier: string;
}

export interface SnapshotTier {
  readonly name: string;
  readonly requestsPerMinute: number | null;
}

/** A subscribed application and its throttling policy (a name from `applicationPolicies`). */
export interface SnapshotApplication {
  readonly id: string;
  readonly throttlingPolicy: string;
  /** Its name and its owner's username (WSO2's subscriber), for the backend JWT; absent from older control planes. */
  readonly name?: string;
  readonly subscriber?: string;
}

export interface GatewaySnapshot {
  /** The Key Manager's issuer and audience: JWT access tokens must carry exactly these. */
  readonly issuer: string;
  readonly audience: string;
  readonly tiers: readonly SnapshotTier[];
  /**
   * Application throttling policies and the subscribed applications' choice. Absent from
   * snapshots of older control planes (and last-known-config files they wrote): then no
   * application limit applies until a snapshot with them arrives.
   */
  readonly applicationPolicies?: readonly SnapshotTier[];
  readonly applications?: readonly SnapshotApplication[];
  readonly apis: readonly SnapshotApi[];
  readonly subscriptions: readonly SnapshotSubscription[];
  /** jti of JWT access tokens revoked before their expiry. */
  readonly revokedJtis: readonly string[];
}

/** RFC 7662 answer of the control plane's gateway introspection (any client's token). */
export type IntrospectionResult =
  | { readonly active: false }
  | {
      readonly active: true;
      readonly client_id: string;
      readonly scope: string;
      readonly exp: number;
      readonly jti?: string;
      readonly username?: string;
      /** The end user: a user's id, or the consumer key for a client's own token (older control planes omit it). */
      readonly sub?: string;
    };

export interface JsonWebKeySet {
  readonly keys: readonly Record<string, unknown>[];
}

/** How the Gateway reaches the control plane: over HTTPS when apart, by direct calls in one process. */
export interface ControlPlane {
  /** The current snapshot and its ETag, or undefined when it still matches `etag`. */
  snapshot(
    etag: string | undefined,
  ): Promise<{ etag: string; snapshot: GatewaySnapshot } | undefined>;
  introspect(token: string): Promise<IntrospectionResult>;
  jwks(): Promise<JsonWebKeySet>;
  close(): Promise<void>;
}
