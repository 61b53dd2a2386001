import type {
  GatewaySnapshot,
  SnapshotApi,
  SnapshotApplication,
  SnapshotResource,
  SnapshotSubscription,
} from './snapshot.js';

interface CompiledResource {
  readonly resource: SnapshotResource;
  readonly pattern: RegExp;
}

export interface CompiledApi {
  readonly api: SnapshotApi;
  /** The path it is served at here: the API's path, or its context for the default version's second entry. */
  readonly path: string;
  readonly resources: readonly CompiledResource[];
}

export type RouteMatch =
  | { readonly kind: 'no_api' }
  | { readonly kind: 'no_resource'; readonly api: CompiledApi }
  | { readonly kind: 'method_not_allowed'; readonly api: CompiledApi; readonly allow: string[] }
  | {
      readonly kind: 'ok';
      readonly api: CompiledApi;
      readonly resource: SnapshotResource;
      readonly rest: string;
    };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "/order/{orderId}" → ^/order/[^/]+$; "/items/*" → ^/items(/.*)?$; "/" → ^/$. */
export function templatePattern(template: string): RegExp {
  if (template === '/' || template === '') return /^\/$/;
  const wildcard = template.endsWith('/*');
  const body = (wildcard ? template.slice(0, -2) : template)
    .split('/')
    .map((seg) => (/^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(seg) ? '[^/]+' : escape(seg)))
    .join('/');
  return new RegExp(`^${body}${wildcard ? '(?:/.*)?' : ''}$`);
}

/** The snapshot compiled for per-request lookups: APIs by longest path, subscriptions by key, application limits, revoked jti. */
export class RoutingTable {
  private readonly apis: CompiledApi[];
  private readonly subscriptions = new Map<string, SnapshotSubscription>();
  readonly tiers: ReadonlyMap<string, number | null>;
  private readonly applicationLimits = new Map<string, number | null>();
  private readonly applications = new Map<string, SnapshotApplication>();
  readonly revoked: ReadonlySet<string>;

  constructor(readonly snapshot: GatewaySnapshot) {
    this.apis = [];
    for (const api of snapshot.apis) {
      const resources = api.resources.map((resource) => ({
        resource,
        pattern: templatePattern(resource.uriTemplate),
      }));
      this.apis.push({ api, path: api.path, resources });
      // The default version also answers at its context: /shop/menu is /shop/1.0.0/menu. Any
      // version's own path is longer, so /shop/2.0.0/menu still reaches 2.0.0.
      if (api.defaultPath !== undefined) this.apis.push({ api, path: api.defaultPath, resources });
    }
    this.apis.sort((a, b) => b.path.length - a.path.length);
    for (const s of snapshot.subscriptions)
      this.subscriptions.set(`${s.apiId} ${s.consumerKey}`, s);
    this.tiers = new Map(snapshot.tiers.map((t) => [t.name, t.requestsPerMinute]));
    const policies = new Map(
      (snapshot.applicationPolicies ?? []).map((p) => [p.name, p.requestsPerMinute]),
    );
    for (const a of snapshot.applications ?? []) {
      this.applicationLimits.set(a.id, policies.get(a.throttlingPolicy) ?? null);
      this.applications.set(a.id, a);
    }
    this.revoked = new Set(snapshot.revokedJtis);
  }

  /**
   * The API served at `path` (the longest served path that is `path` or a prefix of it ending
   * at a "/"), or undefined. The path below it starts after the returned entry's `path`.
   */
  findApi(path: string): CompiledApi | undefined {
    // A plain loop and no string building: this runs for every request.
    for (let i = 0; i < this.apis.length; i++) {
      const compiled = this.apis[i]!;
      const prefix = compiled.path;
      if (
        path.startsWith(prefix) &&
        (path.length === prefix.length || path.charCodeAt(prefix.length) === 47) // "/"
      )
        return compiled;
    }
    return undefined;
  }

  /** The resource of `compiled` for `method` on `rest` (the path below the API), or undefined. */
  findResource(compiled: CompiledApi, method: string, rest: string): SnapshotResource | undefined {
    const list = compiled.resources;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (r.resource.method === method && r.pattern.test(rest)) return r.resource;
    }
    return undefined;
  }

  /** The methods `compiled` has on `rest`; empty when none of its resources is on that path. */
  methodsOn(compiled: CompiledApi, rest: string): string[] {
    return [
      ...new Set(
        compiled.resources.filter((r) => r.pattern.test(rest)).map((r) => r.resource.method),
      ),
    ];
  }

  /** `path` is already canonical (see canonicalPath). */
  match(method: string, path: string): RouteMatch {
    const found = this.findApi(path);
    if (!found) return { kind: 'no_api' };
    const rest = path.slice(found.path.length) || '/';
    const resource = this.findResource(found, method, rest);
    if (resource) return { kind: 'ok', api: found, resource, rest };
    const allow = this.methodsOn(found, rest);
    if (allow.length === 0) return { kind: 'no_resource', api: found };
    return { kind: 'method_not_allowed', api: found, allow };
  }

  subscription(apiId: string, consumerKey: string): SnapshotSubscription | undefined {
    return this.subscriptions.get(`${apiId} ${consumerKey}`);
  }

  /** A subscribed application: its policy, name and owner. */
  application(applicationId: string): SnapshotApplication | undefined {
    return this.applications.get(applicationId);
  }

  /** Requests per minute the application's throttling policy allows each end user; null = unlimited (or unknown). */
  applicationLimit(applicationId: string): number | null {
    return this.applicationLimits.get(applicationId) ?? null;
  }
}

// R47: the decision must be made on the path the backend will see. Anything that a backend
// might normalise differently (dot segments, encoded slashes or dots, empty segments,
// matrix parameters, backslashes, NUL) is refused rather than guessed at.
const AMBIGUOUS = /%2e|%2f|%5c|%00|\\|;|\/\/|\/\.\.?(?:\/|$)/i;

/** The request path without its query, or undefined when it is ambiguous. */
export function canonicalPath(rawUrl: string): { path: string; query: string } | undefined {
  const q = rawUrl.indexOf('?');
  const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  if (!path.startsWith('/') || AMBIGUOUS.test(path)) return undefined;
  return { path, query: q === -1 ? '' : rawUrl.slice(q) };
}
