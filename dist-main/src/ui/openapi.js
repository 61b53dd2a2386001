const error = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
/** Fastify's /a/:id/b as OpenAPI's /a/{id}/b. */
const openApiPath = (url) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
function parameters(route) {
    const out = [];
    const fields = (schema) => Object.entries((schema ?? {}).properties ?? {});
    for (const [name, schema] of fields(route.schema.params))
        out.push({ name, in: 'path', required: true, schema });
    for (const [name, schema] of fields(route.schema.querystring))
        out.push({ name, in: 'query', schema });
    return out;
}
function operation(route) {
    const s = route.schema;
    const params = parameters(route);
    return {
        summary: s.summary,
        ...(s.description ? { description: s.description } : {}),
        ...(s.security ? { security: s.security } : {}),
        ...(params.length ? { parameters: params } : {}),
        ...(s.body
            ? {
                requestBody: {
                    required: true,
                    content: Object.fromEntries((s.consumes ?? ['application/json']).map((t) => [t, { schema: s.body }])),
                },
            }
            : {}),
        responses: { [String(s.successStatus ?? 200)]: { description: 'Success' }, '4XX': error },
    };
}
export function openApiDocument(routes) {
    const paths = {};
    for (const route of routes) {
        const path = (paths[openApiPath(route.url)] ??= {});
        path[route.method.toLowerCase()] = operation(route);
    }
    return {
        openapi: '3.1.0',
        info: { title: 'Tollgate management REST API', version: '1' },
        components: {
            securitySchemes: {
                basic: {
                    type: 'http',
                    scheme: 'basic',
                    description: "A user's own username and password (scripts).",
                },
                session: {
                    type: 'apiKey',
                    in: 'cookie',
                    name: '__Host-tollgate-session',
                    description: 'Web UI session; unsafe methods also need X-CSRF-Token and a same-origin Origin.',
                },
            },
            schemas: {
                Error: {
                    type: 'object',
                    properties: {
                        code: { type: 'integer' },
                        message: { type: 'string' },
                        description: { type: 'string' },
                    },
                    required: ['code', 'message', 'description'],
                },
            },
        },
        security: [{ basic: [] }, { session: [] }],
        paths,
    };
}
//# sourceMappingURL=openapi.js.map