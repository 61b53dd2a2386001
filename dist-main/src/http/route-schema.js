export const str = (extra = {}) => ({ type: 'string', ...extra });
export const bool = { type: 'boolean' };
export const int = (extra = {}) => ({ type: 'integer', ...extra });
export const list = (items, extra = {}) => ({
    type: 'array',
    items,
    ...extra,
});
export const oneOf = (...values) => ({ type: 'string', enum: values });
/** A JSON object; fields not listed are left alone (handlers read only what they know). */
export const obj = (properties, required = []) => ({
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
});
/**
 * The query string: each parameter at most once, as a string (Fastify turns `?a=1&a=2` into an
 * array; here that is a 400, R6 as on the Token API). Values are not coerced: handlers parse
 * numbers themselves, with their own messages.
 */
export const query = (properties) => ({
    type: 'object',
    properties,
    additionalProperties: { type: 'string', maxLength: 2048 },
});
/** Path parameters (the router refuses one longer than 100 characters before any schema). */
export const params = (...names) => ({
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, { type: 'string' }])),
    required: names,
});
const ANY_QUERY = query({});
/**
 * Watches every route registered in `scope` after this call: a route under /api/ must have a
 * schema with a summary (a route without one fails at start-up, so none escapes validation or
 * the document), and gets the strict query schema when it declares none. Returns the routes,
 * read when the document is built (so what the surfaces add, such as their role, is in it).
 */
export function describeRoutes(scope) {
    const routes = [];
    scope.addHook('onRoute', (route) => {
        if (!route.url.startsWith('/api/'))
            return;
        const schema = route.schema ?? {};
        if (!schema.summary)
            throw new Error(`${String(route.method)} ${route.url} has no schema with a summary`);
        route.schema = { ...schema, querystring: schema.querystring ?? ANY_QUERY };
        routes.push(route);
    });
    return () => routes.flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method])
        .filter((m) => m !== 'HEAD')
        .map((method) => ({ method, url: r.url, schema: r.schema ?? {} })));
}
/** Adds the role line to the documentation of every route registered in `scope` after this call. */
export function describeAccess(scope, description) {
    scope.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, description };
    });
}
//# sourceMappingURL=route-schema.js.map