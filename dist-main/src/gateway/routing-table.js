const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "/order/{orderId}" → ^/order/[^/]+$; "/items/*" → ^/items(/.*)?$; "/" → ^/$. */
export function templatePattern(template) {
    if (template === '/' || template === '')
        return /^\/$/;
    const wildcard = template.endsWith('/*');
    const body = (wildcard ? template.slice(0, -2) : template)
        .split('/')
        .map((seg) => (/^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(seg) ? '[^/]+' : escape(seg)))
        .join('/');
    return new RegExp(`^${body}${wildcard ? '(?:/.*)?' : ''}$`);
}
/** The snapshot compiled for per-request lookups: APIs by longest path, subscriptions by key, application limits, revoked jti. */
export class RoutingTable {
    snapshot;
    apis;
    subscriptions = new Map();
    tiers;
    applicationLimits = new Map();
    applications = new Map();
    revoked;
    constructor(snapshot) {
        this.snapshot = snapshot;
        this.apis = snapshot.apis
            .map((api) => ({
            api,
            resources: api.resources.map((resource) => ({
                resource,
                pattern: templatePattern(resource.uriTemplate),
            })),
        }))
            .sort((a, b) => b.api.path.length - a.api.path.length);
        for (const s of snapshot.subscriptions)
            this.subscriptions.set(`${s.apiId} ${s.consumerKey}`, s);
        this.tiers = new Map(snapshot.tiers.map((t) => [t.name, t.requestsPerMinute]));
        const policies = new Map((snapshot.applicationPolicies ?? []).map((p) => [p.name, p.requestsPerMinute]));
        for (const a of snapshot.applications ?? []) {
            this.applicationLimits.set(a.id, policies.get(a.throttlingPolicy) ?? null);
            this.applications.set(a.id, a);
        }
        this.revoked = new Set(snapshot.revokedJtis);
    }
    /** The API served at `path` (the longest path that is `path` or a prefix of it ending at a "/"), or undefined. */
    findApi(path) {
        // A plain loop and no string building: this runs for every request.
        for (let i = 0; i < this.apis.length; i++) {
            const compiled = this.apis[i];
            const prefix = compiled.api.path;
            if (path.startsWith(prefix) &&
                (path.length === prefix.length || path.charCodeAt(prefix.length) === 47) // "/"
            )
                return compiled;
        }
        return undefined;
    }
    /** The resource of `compiled` for `method` on `rest` (the path below the API), or undefined. */
    findResource(compiled, method, rest) {
        const list = compiled.resources;
        for (let i = 0; i < list.length; i++) {
            const r = list[i];
            if (r.resource.method === method && r.pattern.test(rest))
                return r.resource;
        }
        return undefined;
    }
    /** The methods `compiled` has on `rest`; empty when none of its resources is on that path. */
    methodsOn(compiled, rest) {
        return [
            ...new Set(compiled.resources.filter((r) => r.pattern.test(rest)).map((r) => r.resource.method)),
        ];
    }
    /** `path` is already canonical (see canonicalPath). */
    match(method, path) {
        const found = this.findApi(path);
        if (!found)
            return { kind: 'no_api' };
        const rest = path.slice(found.api.path.length) || '/';
        const resource = this.findResource(found, method, rest);
        if (resource)
            return { kind: 'ok', api: found, resource, rest };
        const allow = this.methodsOn(found, rest);
        if (allow.length === 0)
            return { kind: 'no_resource', api: found };
        return { kind: 'method_not_allowed', api: found, allow };
    }
    subscription(apiId, consumerKey) {
        return this.subscriptions.get(`${apiId} ${consumerKey}`);
    }
    /** A subscribed application: its policy, name and owner. */
    application(applicationId) {
        return this.applications.get(applicationId);
    }
    /** Requests per minute the application's throttling policy allows each end user; null = unlimited (or unknown). */
    applicationLimit(applicationId) {
        return this.applicationLimits.get(applicationId) ?? null;
    }
}
// R47: the decision must be made on the path the backend will see. Anything that a backend
// might normalise differently (dot segments, encoded slashes or dots, empty segments,
// matrix parameters, backslashes, NUL) is refused rather than guessed at.
const AMBIGUOUS = /%2e|%2f|%5c|%00|\\|;|\/\/|\/\.\.?(?:\/|$)/i;
/** The request path without its query, or undefined when it is ambiguous. */
export function canonicalPath(rawUrl) {
    const q = rawUrl.indexOf('?');
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    if (!path.startsWith('/') || AMBIGUOUS.test(path))
        return undefined;
    return { path, query: q === -1 ? '' : rawUrl.slice(q) };
}
//# sourceMappingURL=routing-table.js.map